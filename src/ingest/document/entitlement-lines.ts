import type { LicenseType } from '../../db/enums';
import type { ExistingEntitlement } from './existing';
import { group } from './group';

// Which stored entitlement each line of a subscription's new entitlement list is, so that a line
// that stays keeps its row (and its id) and one imported again unchanged is not written at all:
// 1. a line with an order line number (its `id`) is the stored line of that number (compared
//    ignoring case, as MySQL compares it);
// 2. else a stored line without a number that has all the same fields (type, quantity, start,
//    end), the lines without a number first: a numbered line that finds one takes it over and
//    gives it its number;
// 3. else, for a license type and start day where exactly one given line and exactly one stored
//    line without a number are left, that line changed (a new quantity or end day).
// Whatever stored line is left is removed; whatever given line is left is new.

export interface GivenLine {
  id: string | null;
  licenseType: LicenseType;
  quantity: number;
  startDate: string;
  endDate: string | null;
}

export interface MatchedLines<G extends GivenLine> {
  /** Each given line, in the given order, with the stored line it is (undefined: a new one). */
  pairs: Array<{ given: G; stored: ExistingEntitlement | undefined }>;
  /** Stored lines the new list leaves out. */
  removed: ExistingEntitlement[];
}

type Line = GivenLine | ExistingEntitlement;

const numberOf = (line: Line): string | null => {
  const id = 'lineId' in line ? line.lineId : line.id;
  return id === null ? null : id.toLowerCase();
};
const fieldsOf = (line: Line) =>
  `${line.licenseType} ${line.quantity} ${line.startDate} ${line.endDate ?? ''}`;
const startOf = (line: Line) => `${line.licenseType} ${line.startDate}`;

export function matchLines<G extends GivenLine>(
  given: readonly G[],
  stored: readonly ExistingEntitlement[],
): MatchedLines<G> {
  const matched = new Map<G, ExistingEntitlement>();
  const taken = new Set<ExistingEntitlement>();
  const pair = (line: G, row: ExistingEntitlement) => {
    matched.set(line, row);
    taken.add(row);
  };
  const unmatched = () => given.filter((line) => !matched.has(line));
  const freeUnnumbered = () => stored.filter((row) => !taken.has(row) && row.lineId === null);

  const byNumber = new Map(stored.flatMap((row) => (row.lineId ? [[numberOf(row), row]] : [])));
  for (const line of given) {
    const row = line.id === null ? undefined : byNumber.get(numberOf(line));
    if (row) pair(line, row);
  }

  const sameFields = group(freeUnnumbered(), fieldsOf);
  const unnumberedFirst = [...unmatched()].sort(
    (a, b) => Number(a.id !== null) - Number(b.id !== null),
  );
  for (const line of unnumberedFirst) {
    const row = sameFields.get(fieldsOf(line))?.shift();
    if (row) pair(line, row);
  }

  const rowsByStart = group(freeUnnumbered(), startOf);
  for (const [start, lines] of group(unmatched(), startOf)) {
    const rows = rowsByStart.get(start);
    if (lines.length === 1 && rows?.length === 1) pair(lines[0], rows[0]);
  }

  return {
    pairs: given.map((line) => ({ given: line, stored: matched.get(line) })),
    removed: stored.filter((row) => !taken.has(row)),
  };
}
