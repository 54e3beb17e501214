import { settings } from './config';
import { storedToken } from './session';

// The CSV export of the report being looked at: GET /reports/usage.csv with the view's filter,
// fetched with the session's token (a link could not carry it) and handed to the browser as a
// file. A refusal comes back as JSON with a code, shown like any API error.

export interface CsvReport {
  from: string;
  to: string;
  granularity: 'DAY' | 'WEEK' | 'MONTH';
  groupBy: string[];
  partnerId?: string;
  customerIds?: string[];
  subscriptionIds?: string[];
}

export function csvQuery(report: CsvReport): string {
  const query = new URLSearchParams();
  query.set('from', report.from);
  query.set('to', report.to);
  query.set('granularity', report.granularity);
  query.set('groupBy', report.groupBy.join(','));
  if (report.partnerId) query.set('partnerId', report.partnerId);
  if (report.customerIds?.length) query.set('customerIds', report.customerIds.join(','));
  if (report.subscriptionIds?.length)
    query.set('subscriptionIds', report.subscriptionIds.join(','));
  return query.toString();
}

/** Downloads the report as `filename`; resolves to an error message, or null when it worked. */
export async function downloadCsv(report: CsvReport, filename: string): Promise<string | null> {
  const token = storedToken();
  let response: Response;
  try {
    response = await fetch(`${settings.csvPath}?${csvQuery(report)}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  } catch {
    return 'NETWORK: the server could not be reached';
  }
  if (!response.ok) {
    try {
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      return `${error.code}: ${error.message}`;
    } catch {
      return `HTTP_${response.status}: the export failed`;
    }
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return null;
}
