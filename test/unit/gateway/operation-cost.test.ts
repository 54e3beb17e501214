import fs from 'node:fs';
import path from 'node:path';
import { Kind, buildSchema, parse } from 'graphql';
import type { FragmentDefinitionNode, OperationDefinitionNode } from 'graphql';
import { operationCost } from '../../../src/gateway/cost/operation-cost';
import { bucketCount, reportRows } from '../../../src/gateway/cost/list-sizes';

// The cost the gateway estimates before planning (README, Security): every field 1, times the
// expected size of each list above it; aliases and repeated spreads multiply.

const schema = buildSchema(
  fs.readFileSync(path.join(__dirname, '../../../schema/api.graphql'), 'utf8'),
);

function cost(source: string, variables: Record<string, unknown> = {}): number {
  const document = parse(source);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  const fragments = document.definitions.filter(
    (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
  );
  return operationCost(schema, operation, fragments, variables);
}

const POINT = 'period licenseType consumed peak average reportedDays';

describe('operation cost', () => {
  it('counts every field once, __typename nothing', () => {
    expect(cost('{ viewer { user { id email __typename } } }')).toBe(4);
  });

  it("counts a connection's rows by first, from a variable or the argument's default", () => {
    const page = (first: string) => `{ customers${first} { totalCount nodes { id name } } }`;
    expect(cost(page('(first: 10)'))).toBe(1 + 1 + 10 * 3);
    expect(cost('query($n: Int) { customers(first: $n) { nodes { id } } }', { n: 7 })).toBe(
      1 + 7 * 2,
    );
    expect(cost(page(''))).toBe(1 + 1 + 50 * 3);
  });

  it('counts a usage series by buckets × license types, and aliases multiply', () => {
    const series = (granularity: string, types = '') =>
      `usage(from: "2024-01-01", to: "2024-12-31", granularity: ${granularity}${types}) { ${POINT} }`;
    const one = cost(`{ cluster(id: "x") { ${series('DAY')} } }`);
    expect(one).toBe(1 + 366 * 6 * 7);
    expect(cost(`{ cluster(id: "x") { ${series('MONTH', ', licenseTypes: [BASIC]')} } }`)).toBe(
      1 + 12 * 1 * 7,
    );
    const aliased = Array.from(
      { length: 5 },
      (_, i) => `a${i}: cluster(id: "x") { ${series('DAY')} }`,
    );
    expect(cost(`{ ${aliased.join(' ')} }`)).toBe(5 * one);
  });

  it('counts a usage report by its estimated rows, at most the row cap', () => {
    const filter = { partnerId: 'p', from: '2026-01-01', to: '2026-12-31' };
    expect(reportRows({ filter, groupBy: ['LICENSE_TYPE'], granularity: 'MONTH' })).toBe(72);
    expect(reportRows({ filter, groupBy: ['REGION'], granularity: 'WEEK' })).toBe(53 * 10);
    expect(reportRows({ filter: { ...filter, regions: ['EMEA'] }, groupBy: ['REGION'] })).toBe(12);
    expect(reportRows({ filter, groupBy: ['CUSTOMER'], granularity: 'DAY' })).toBe(10_000);
    const report = `query($f: UsageReportFilter!) {
      usageReport(filter: $f, groupBy: [LICENSE_TYPE], granularity: MONTH) { rows { period consumed } }
    }`;
    expect(cost(report, { f: filter })).toBe(1 + 72 * 3);
  });

  it('counts short lists by their largest expected size', () => {
    expect(cost('{ customer(id: "c") { licenseSummary(asOf: "2026-01-01") { consumed } } }')).toBe(
      1 + 6 * 2,
    );
  });

  it("counts a subscription's clusters and tenants as one list (never both), aliases adding up", () => {
    const usage = 'currentUsage(asOf: "2026-01-01") { consumed }';
    const clusters = `clusters { id ${usage} }`;
    const tenants = `tenants { id name ${usage} }`;
    const one = (selection: string) => cost(`{ subscription(id: "s") { ${selection} } }`);
    // A list of 5 sources: each 1 + id (+ name) + 6 snapshots of 2 fields.
    expect(one(clusters)).toBe(1 + 5 * (1 + 1 + 6 * 2));
    expect(one(tenants)).toBe(1 + 5 * (1 + 2 + 6 * 2));
    expect(one(`${clusters} ${tenants}`)).toBe(one(tenants));
    expect(one(`a: ${clusters} b: ${clusters} ${tenants}`)).toBe(1 + 2 * 5 * (1 + 1 + 6 * 2));
    // Lists of other types are not exclusive: a customer's subscriptions and its license summary add up.
    expect(cost(`{ customer(id: "c") { subscriptions { id } licenseSummary { consumed } } }`)).toBe(
      1 + 5 * 2 + 6 * 2,
    );
  });

  it('leaves out what @skip or @include leave out', () => {
    expect(
      cost('query($no: Boolean!) { viewer @include(if: $no) { user { id } } }', { no: false }),
    ).toBe(0);
    expect(cost('{ viewer { user @skip(if: true) { id } } }')).toBe(1);
  });

  it('counts a fragment fan-out of 10^8 fields without expanding it', () => {
    const fragments = ['fragment F0 on Query { viewer { user { id } } }'];
    for (let i = 1; i <= 8; i++) {
      fragments.push(
        `fragment F${i} on Query { ${Array(10)
          .fill(`...F${i - 1}`)
          .join(' ')} }`,
      );
    }
    expect(cost(`query { ...F8 } ${fragments.join(' ')}`)).toBe(3 * 10 ** 8);
  });

  it('ends on a fragment cycle (which validation refuses anyway)', () => {
    expect(
      cost(
        'query { ...A } fragment A on Query { viewer { id: __typename } ...B } fragment B on Query { ...A }',
      ),
    ).toBe(1);
  });

  it('counts the days, weeks (from Monday) and months a range touches', () => {
    expect(bucketCount('2026-01-01', '2026-01-31', 'DAY')).toBe(31);
    expect(bucketCount('2025-12-15', '2026-02-01', 'MONTH')).toBe(3);
    expect(bucketCount('2026-01-05', '2026-01-11', 'WEEK')).toBe(1); // Monday to Sunday
    expect(bucketCount('2026-01-04', '2026-01-12', 'WEEK')).toBe(3); // Sunday to Monday
    expect(bucketCount('not a day', '2026-01-11', 'WEEK')).toBe(1);
  });
});
