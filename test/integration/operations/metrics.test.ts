import express from 'express';
import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { deadlineSettings } from '../../../src/config';
import { openDataSource } from '../../../src/db/data-source';
import { listen } from '../../../src/http/http-server';
import { observeRequests } from '../../../src/http/observe';
import { testDbKind } from '../../support/database';
import type { TestDatabase } from '../../support/database';
import { openFixtureDatabase } from '../../support/fixture-database';
import { graphFixture } from '../../support/graph-fixture';
import { parseMetrics, sampleOf, scrape, sumOf } from '../../support/prometheus';
import { asUser, startTestStack } from '../../support/stack';
import type { TestStack } from '../../support/stack';

// Issue 13 §6: /metrics on every server, read after real requests: requests by operation and
// outcome, their latency, the gateway's subgraph fetches, SQL statements, ingested rows, limit
// refusals, and (MySQL) the pool's connections in use. Who may read it: loopback, or the bearer
// of METRICS_TOKEN; METRICS_ENABLED=false takes it away.

const KIND = testDbKind();

describe('metrics after real requests', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let stack: TestStack;

  beforeAll(async () => {
    db = await openFixtureDatabase(graphFixture());
    // A serving data source, as `serve` opens it: on MySQL its pool reports itself.
    ds =
      KIND === 'mysql'
        ? await openDataSource(db.config, { deadlines: deadlineSettings({}) })
        : db.ds;
    stack = await startTestStack({ ...db, ds });
  });
  afterAll(async () => {
    await stack?.stop();
    if (ds !== db?.ds) await ds?.destroy();
    await db?.close();
  });

  it('counts and times requests, subgraph fetches, statements, refusals and ingested rows', async () => {
    const before = await scrape(stack.gatewayUrl);
    const north = await asUser(stack, 'u-pfa-north');
    const named = await stack.request(
      'query PartnerName { partner(id: "p-north") { name } }',
      {},
      north,
    );
    expect(named.body.data).toEqual({ partner: { name: 'Northwind Telecom' } });
    const anonymous = await stack.request('{ partner(id: "p-north") { id } }');
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const deep = `query Deep { viewer { ${'user { roles { user {'.repeat(4)} id ${'} } }'.repeat(4)} } }`;
    const refused = await stack.request(deep, {}, north);
    expect(refused.body.errors?.[0]?.extensions?.limit).toBe('depth');
    const ingested = await stack.request(
      `mutation Report($records: [UsageRecordInput!]!) { ingestUsage(records: $records) { inserted rejected { code } } }`,
      {
        records: [
          { sourceId: 'cl-ams-1', licenseType: 'PROFESSIONAL', date: '2026-08-01', consumed: 100 },
          { sourceId: 'cl-nope-1', licenseType: 'PROFESSIONAL', date: '2026-08-01', consumed: 1 },
        ],
      },
      await asUser(stack, 'u-uc-north'),
    );
    expect(ingested.body.data).toEqual({
      ingestUsage: { inserted: 1, rejected: [{ code: 'UNKNOWN_SOURCE' }] },
    });

    const after = await scrape(stack.gatewayUrl);
    const moved = (name: string, labels: Record<string, string>) =>
      sumOf(after, name, labels) - sumOf(before, name, labels);
    const gateway = { service: 'gateway' };
    expect(
      moved('licensegraph_requests_total', { ...gateway, operation: 'PartnerName', outcome: 'ok' }),
    ).toBe(1);
    expect(moved('licensegraph_requests_total', { ...gateway, outcome: 'UNAUTHENTICATED' })).toBe(
      1,
    );
    expect(
      moved('licensegraph_requests_total', { ...gateway, operation: 'Report', outcome: 'ok' }),
    ).toBe(1);
    expect(
      moved('licensegraph_request_duration_seconds_count', {
        ...gateway,
        operation: 'PartnerName',
      }),
    ).toBe(1);
    expect(moved('licensegraph_refusals_total', { ...gateway, limit: 'depth' })).toBe(1);
    // The subgraphs count the gateway's requests to them under their own names.
    expect(
      moved('licensegraph_requests_total', { service: 'organizations', outcome: 'ok' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      moved('licensegraph_subgraph_fetch_duration_seconds_count', { subgraph: 'organizations' }),
    ).toBeGreaterThanOrEqual(1);
    expect(moved('licensegraph_subgraph_fetch_duration_seconds_count', { subgraph: 'usage' })).toBe(
      1,
    );
    expect(
      moved('licensegraph_db_statement_duration_seconds_count', { kind: 'select', outcome: 'ok' }),
    ).toBeGreaterThan(0);
    expect(
      moved('licensegraph_db_statement_duration_seconds_count', { kind: 'insert', outcome: 'ok' }),
    ).toBeGreaterThan(0);
    expect(moved('licensegraph_ingested_rows_total', { result: 'inserted' })).toBe(1);
    expect(moved('licensegraph_ingested_rows_total', { result: 'rejected' })).toBe(1);
    // Every server of the process answers the same registry.
    const usageUrl = stack.stack.servers.usage!.url;
    expect(
      sampleOf(await scrape(usageUrl), 'licensegraph_ingested_rows_total', { result: 'inserted' }),
    ).toBe(sampleOf(after, 'licensegraph_ingested_rows_total', { result: 'inserted' }));
  });

  (KIND === 'mysql' ? it : it.skip)(
    'shows a connection in use while a statement waits for a lock',
    async () => {
      const locker = await mysql.createConnection((db.config as { url: string }).url);
      try {
        await locker.query('LOCK TABLES partners WRITE');
        const pending = stack.request(
          '{ partner(id: "p-north") { name } }',
          {},
          await asUser(stack, 'u-pfa-north'),
        );
        let inUse = 0;
        for (let tries = 0; tries < 100 && inUse === 0; tries++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          inUse = sampleOf(await scrape(stack.gatewayUrl), 'licensegraph_db_pool_in_use');
        }
        expect(inUse).toBeGreaterThanOrEqual(1);
        await locker.query('UNLOCK TABLES');
        expect((await pending).body.data).toEqual({ partner: { name: 'Northwind Telecom' } });
        expect(sampleOf(await scrape(stack.gatewayUrl), 'licensegraph_db_pool_in_use')).toBe(0);
      } finally {
        await locker.end();
      }
    },
  );
});

describe('who may read /metrics', () => {
  async function serverWith(settings: Parameters<typeof observeRequests>[2]) {
    const app = express();
    observeRequests(app, 'gateway', settings);
    return (await listen(app, '127.0.0.1', 0)).running;
  }

  it('answers loopback callers without a token, and only the bearer of METRICS_TOKEN with one', async () => {
    const open = await serverWith({ metricsEnabled: true, metricsToken: null });
    const token = 'a-metrics-token-of-some-length';
    const guarded = await serverWith({ metricsEnabled: true, metricsToken: token });
    try {
      expect(
        parseMetrics(await (await fetch(open.url.replace('/graphql', '/metrics'))).text()).size,
      ).toBeGreaterThan(0);
      const refused = await fetch(guarded.url.replace('/graphql', '/metrics'));
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({
        error: { code: 'FORBIDDEN', message: expect.any(String) },
      });
      const wrong = await fetch(guarded.url.replace('/graphql', '/metrics'), {
        headers: { authorization: 'Bearer not-the-token-of-this-server' },
      });
      expect(wrong.status).toBe(403);
      await expect(
        scrape(guarded.url, { authorization: `Bearer ${token}` }),
      ).resolves.toBeInstanceOf(Map);
    } finally {
      await open.stop();
      await guarded.stop();
    }
  });

  it('has no /metrics with METRICS_ENABLED=false', async () => {
    const off = await serverWith({ metricsEnabled: false, metricsToken: null });
    try {
      expect((await fetch(off.url.replace('/graphql', '/metrics'))).status).toBe(404);
    } finally {
      await off.stop();
    }
  });
});
