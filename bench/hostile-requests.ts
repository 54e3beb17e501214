// The documents of the hostile benchmark (issue 12): the costliest series and report a viewer may
// ask for, many times over in one request, and documents built to make validation slow.

export const SERIES_FIELDS = 'period licenseType consumed peak average reportedDays';
export const REPORT_FIELDS =
  'period customerId subscriptionId region sourceId licenseType consumed peak purchased';

/** Cluster `c` of the hostile data: customers 0001.., 3 clusters each. */
export function hostileCluster(c: number): string {
  return `cl-hostile-${String(Math.floor(c / 3) + 1).padStart(4, '0')}-${(c % 3) + 1}`;
}

/** `aliases` three-year daily series of every license type, each of another cluster. */
export function seriesDocument(aliases: number): string {
  const fields = Array.from(
    { length: aliases },
    (_, i) =>
      `s${i}: cluster(id: "${hostileCluster(i)}") { usage(from: $from, to: $to, granularity: DAY) { ${SERIES_FIELDS} } }`,
  );
  return `query Series($from: Date!, $to: Date!) { ${fields.join('\n')} }`;
}

/** `aliases` partner-wide daily reports by region and license type, all columns. */
export function reportDocument(aliases: number): string {
  const fields = Array.from(
    { length: aliases },
    (_, i) =>
      `r${i}: usageReport(filter: { partnerId: $partner, from: $from, to: $to }, ` +
      `groupBy: [REGION, LICENSE_TYPE], granularity: DAY) { rows { ${REPORT_FIELDS} } }`,
  );
  return `query Report($partner: ID!, $from: Date!, $to: Date!) { ${fields.join('\n')} }`;
}

/** 8 fragments, each spreading the previous one 10 times: 10^8 fields once expanded. */
export function fanOutDocument(levels = 8, width = 10): string {
  const fragments = ['fragment F0 on Query { viewer { user { id } } }'];
  for (let i = 1; i <= levels; i++) {
    fragments.push(
      `fragment F${i} on Query { ${Array(width)
        .fill(`...F${i - 1}`)
        .join(' ')} }`,
    );
  }
  return `query FanOut { ...F${levels} }\n${fragments.join('\n')}`;
}

/** Two fragments spreading each other. */
export const CYCLE_DOCUMENT =
  'query Cycle { ...A } fragment A on Query { viewer { user { id } } ...B } fragment B on Query { ...A }';

export const VIEWER_DOCUMENT = '{ viewer { user { id } } }';
