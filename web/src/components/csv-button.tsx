import { useState } from 'preact/hooks';
import { downloadCsv } from '../api/csv';
import type { CsvReport } from '../api/csv';

// "Download CSV" of the report the view shows, from GET /reports/usage.csv (api/csv.ts).

export function CsvButton({ report, filename }: { report: CsvReport; filename: string }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setProblem(null);
    setProblem(await downloadCsv(report, filename));
    setBusy(false);
  };
  return (
    <div class="csv">
      <button type="button" onClick={download} disabled={busy}>
        {busy ? 'Preparing CSV…' : 'Download CSV'}
      </button>
      <span class="hint">
        {report.groupBy.map((dimension) => dimension.toLowerCase().replace('_', ' ')).join(', ')}{' '}
        per {report.granularity.toLowerCase()}, {report.from} to {report.to}
      </span>
      {problem ? (
        <p role="alert" class="problems">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
