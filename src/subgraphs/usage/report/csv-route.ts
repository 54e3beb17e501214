import type { DataSource } from 'typeorm';
import { once } from 'node:events';
import type { Express, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { deadlineSettings } from '../../../config';
import { databaseRefusal } from '../../../db/database-errors';
import type { RouteContext } from '../../../graphql/build-subgraph-schema';
import { Granularity, LicenseType, UsageDimension } from '../../../graphql/enums';
import { badUserInput, unauthenticated } from '../../../graphql/errors';
import { reportQuery } from '../resolvers/usage-report.args';
import type { UsageReportArgs } from '../resolvers/usage-report.args';
import { reportCsvLines } from './csv-lines';
import { preparedReportSql, reportGrant } from './report-rows';

export const CSV_PATH = '/reports/usage.csv';

/** A list parameter: repeated (?regions=A&regions=B) or comma-separated (?regions=A,B). */
function listParam(req: Request, name: string): string[] | null {
  const raw = req.query[name];
  if (raw === undefined) return null;
  const values = (Array.isArray(raw) ? raw : [raw]).map(String);
  return values.flatMap((value) => value.split(',')).filter((value) => value !== '');
}

function oneParam(req: Request, name: string): string | null {
  const raw = req.query[name];
  if (raw === undefined) return null;
  if (Array.isArray(raw) || typeof raw !== 'string') {
    throw badUserInput(`${name} may be given once`);
  }
  return raw;
}

function enumList<T extends string>(
  values: string[] | null,
  allowed: object,
  name: string,
): T[] | null {
  if (values === null) return null;
  const known = new Set(Object.values(allowed) as string[]);
  const wrong = values.find((value) => !known.has(value));
  if (wrong !== undefined) {
    throw badUserInput(`${name}: "${wrong.slice(0, 40)}" is not one of ${[...known].join(', ')}`);
  }
  return values as T[];
}

/** The query string as the arguments of Query.usageReport, checked the same way. */
export function csvArguments(req: Request): UsageReportArgs {
  const from = oneParam(req, 'from');
  const to = oneParam(req, 'to');
  if (from === null || to === null) throw badUserInput('from and to are required (YYYY-MM-DD)');
  const granularity = enumList<Granularity>(
    [oneParam(req, 'granularity') ?? Granularity.MONTH],
    Granularity,
    'granularity',
  )![0];
  return {
    filter: {
      partnerId: oneParam(req, 'partnerId'),
      customerIds: listParam(req, 'customerIds'),
      subscriptionIds: listParam(req, 'subscriptionIds'),
      regions: listParam(req, 'regions'),
      licenseTypes: enumList<LicenseType>(
        listParam(req, 'licenseTypes'),
        LicenseType,
        'licenseTypes',
      ),
      from,
      to,
    },
    groupBy: enumList<UsageDimension>(listParam(req, 'groupBy'), UsageDimension, 'groupBy') ?? [],
    granularity,
  };
}

function refuse(res: Response, error: unknown): void {
  const refusal = databaseRefusal(error);
  if (refusal) {
    res.status(503).json({ error: refusal });
    return;
  }
  const code = error instanceof GraphQLError ? error.extensions.code : undefined;
  if (code === 'UNAUTHENTICATED' || code === 'BAD_USER_INPUT') {
    const status = code === 'UNAUTHENTICATED' ? 401 : 400;
    res.status(status).json({ error: { code, message: (error as GraphQLError).message } });
    return;
  }
  throw error;
}

/**
 * GET /reports/usage.csv: the usage report with the filter and grouping of Query.usageReport as
 * query parameters, under the same bearer token and scope, streamed row by row from the database
 * (no row limit; the range limit holds). The gateway forwards the same path here.
 */
export function mountUsageCsv(app: Express, { contextFor }: RouteContext): void {
  app.get(CSV_PATH, async (req, res, next) => {
    let sql: { sql: string; params: unknown[] };
    let ds: DataSource;
    try {
      // An export only reads: the read replica when there is a healthy one.
      const ctx = await contextFor(req.headers, { readOnly: true });
      if (!ctx.viewer) throw unauthenticated();
      ds = ctx.ds;
      const query = { ...reportQuery(csvArguments(req)), grant: reportGrant(ctx.viewer) };
      sql = await preparedReportSql(ds, query, deadlineSettings().exportTimeoutSeconds);
    } catch (error) {
      try {
        refuse(res, error);
      } catch (unexpected) {
        next(unexpected);
      }
      return;
    }
    res.status(200);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="usage-report.csv"');
    try {
      for await (const line of reportCsvLines(ds, sql)) {
        const more = res.write(line);
        // Backpressure: a slow client holds the database stream, not the process memory.
        if (!more) await Promise.race([once(res, 'drain'), once(res, 'close')]);
        if (res.destroyed) return;
      }
      res.end();
    } catch (error) {
      // The header is out: all that is left is to cut the response short, which the client
      // sees as an incomplete download rather than a truncated but plausible file.
      res.destroy(error as Error);
    }
  });
}
