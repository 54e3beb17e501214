import { count, label, percent, ratio, sum } from '../format';
import { DataAge } from './data-age';

// Purchased / consumed / available per license type, as LicenseSummary gives them, with a total
// line and the age of the oldest report behind the consumed numbers.

export interface SummaryLine {
  licenseType: string;
  purchased: number;
  consumed: number;
  available?: number;
  utilization?: number | null;
  asOf?: string;
  oldestReportOn?: string | null;
}

export function SummaryTable({
  caption,
  lines,
}: {
  caption: string;
  lines: readonly SummaryLine[];
}) {
  const purchased = sum(lines, (line) => line.purchased);
  const consumed = sum(lines, (line) => line.consumed);
  return (
    <div class="scroll" tabIndex={0} role="region" aria-label={caption}>
      <table class="numbers summary">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">License type</th>
            <th scope="col">Purchased</th>
            <th scope="col">Consumed</th>
            <th scope="col">Available</th>
            <th scope="col">Utilization</th>
            <th scope="col">Data as of</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const available = line.available ?? line.purchased - line.consumed;
            const utilization =
              line.utilization === undefined
                ? ratio(line.consumed, line.purchased)
                : line.utilization;
            return (
              <tr key={line.licenseType} data-license-type={line.licenseType}>
                <th scope="row">{label(line.licenseType)}</th>
                <td data-field="purchased">{count(line.purchased)}</td>
                <td data-field="consumed">{count(line.consumed)}</td>
                <td data-field="available" class={available < 0 ? 'over' : undefined}>
                  {count(available)}
                </td>
                <td data-field="utilization">{percent(utilization)}</td>
                <td>
                  <DataAge oldest={line.oldestReportOn} asOf={line.asOf} />
                </td>
              </tr>
            );
          })}
        </tbody>
        {lines.length > 1 ? (
          <tfoot>
            <tr data-license-type="TOTAL">
              <th scope="row">All types</th>
              <td data-field="purchased">{count(purchased)}</td>
              <td data-field="consumed">{count(consumed)}</td>
              <td data-field="available">{count(purchased - consumed)}</td>
              <td data-field="utilization">{percent(ratio(consumed, purchased))}</td>
              <td />
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
