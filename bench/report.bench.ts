import { signToken } from '../src/auth/sign-token';
import { seed } from '../src/ingest/seed/seed';
import { reportSql } from '../src/subgraphs/usage/report/report-query';
import { UsageDimension } from '../src/graphql/enums';
import type { Benchmark } from './benchmark';
import { startBenchStack } from './bench-stack';
import { withBenchDatabase } from './mysql-database';

/** Issue 5: a partner-wide year by REGION and LICENSE_TYPE by MONTH answers in under 2 s. */
const REPORT_LIMIT_SECONDS = 2;
const TODAY = '2026-11-29';
const FROM = '2025-11-30'; // 365 days, today included
const JWT = { secret: 'bench-secret-of-at-least-thirty-two-bytes!', issuer: 'lg', audience: 'lg' };

const QUERY = `query($filter: UsageReportFilter!, $groupBy: [UsageDimension!]!) {
  usageReport(filter: $filter, groupBy: $groupBy, granularity: MONTH) {
    rows { period region licenseType consumed peak purchased }
  }
}`;

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const round = (n: number) => Math.round(n * 1000) / 1000;

export const reportBenchmark: Benchmark = {
  name: 'report',
  description:
    'usageReport on the bench seed (MySQL, about 2.9 million rows): partner-wide, 365 days, ' +
    'by REGION and LICENSE_TYPE by MONTH, through the gateway and as bare SQL',
  run: (log) =>
    withBenchDatabase(async (ds) => {
      await seed(ds, 'bench', { today: TODAY, log });
      const stack = await startBenchStack(ds, JWT);
      try {
        const token = await signToken({ userId: 'u-bench-partner', ttl: '1h' }, JWT);
        const filter = { partnerId: 'p-bench', from: FROM, to: TODAY };
        const groupBy = [UsageDimension.REGION, UsageDimension.LICENSE_TYPE];
        const graphqlStart = process.hrtime.bigint();
        const response = await fetch(stack.servers.gateway!.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: QUERY, variables: { filter, groupBy } }),
        });
        const body = (await response.json()) as {
          data?: { usageReport: { rows: unknown[] } };
          errors?: unknown[];
        };
        const graphqlSeconds = seconds(graphqlStart);
        if (body.errors) throw new Error(`usageReport failed: ${JSON.stringify(body.errors)}`);
        const statement = reportSql(ds, {
          grant: { partnerIds: new Set(['p-bench']), customerIds: new Set() },
          partnerId: 'p-bench',
          customerIds: null,
          subscriptionIds: null,
          regions: null,
          licenseTypes: null,
          from: FROM,
          to: TODAY,
          groupBy,
          granularity: 'MONTH',
        });
        const sqlStart = process.hrtime.bigint();
        await ds.query(statement.sql, statement.params);
        const sqlSeconds = seconds(sqlStart);
        const plan: Array<{ table: string; type: string; key: string | null; rows: number }> =
          await ds.query(`EXPLAIN ${statement.sql}`, statement.params);
        for (const step of plan) {
          log(
            `EXPLAIN ${step.table}: ${step.type} on ${step.key ?? 'no index'}, ~${step.rows} rows`,
          );
        }
        return {
          metrics: [
            { label: 'rows', value: body.data!.usageReport.rows.length, unit: 'rows' },
            { label: 'through the gateway', value: round(graphqlSeconds), unit: 's' },
            { label: 'bare SQL', value: round(sqlSeconds), unit: 's' },
          ],
          budget: {
            what: 'usageReport through the gateway',
            limit: REPORT_LIMIT_SECONDS,
            measured: round(graphqlSeconds),
            unit: 's',
          },
        };
      } finally {
        await stack.stop();
      }
    }),
};
