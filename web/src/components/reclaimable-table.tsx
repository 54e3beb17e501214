import { count, label } from '../format';

// Licenses bought but not needed over the window (Customer.reclaimable): per license type the
// purchased count, the busiest day's consumption, the difference that could be given back or not
// renewed, and the sources that reported only 0.

export interface ReclaimableLine {
  licenseType: string;
  purchased: number;
  peak: number;
  reclaimable: number;
  windowDays: number;
  asOf: string;
  idleSources: ReadonlyArray<{ id: string; name: string; region: string }>;
}

export function ReclaimableTable({ lines }: { lines: readonly ReclaimableLine[] }) {
  if (lines.length === 0) return null;
  const { windowDays, asOf } = lines[0];
  const caption = `Reclaimable over the ${windowDays} days to ${asOf}`;
  return (
    <div class="scroll" tabIndex={0} role="region" aria-label={caption}>
      <table class="numbers reclaimable">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">License type</th>
            <th scope="col">Purchased</th>
            <th scope="col">Peak day</th>
            <th scope="col">Reclaimable</th>
            <th scope="col">Sources reporting only 0</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.licenseType} data-license-type={line.licenseType}>
              <th scope="row">{label(line.licenseType)}</th>
              <td data-field="purchased">{count(line.purchased)}</td>
              <td data-field="peak">{count(line.peak)}</td>
              <td data-field="reclaimable">{count(line.reclaimable)}</td>
              <td class="text" data-field="idleSources">
                {line.idleSources.length === 0
                  ? 'none'
                  : line.idleSources
                      .map((source) => `${source.name} (${source.region})`)
                      .join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
