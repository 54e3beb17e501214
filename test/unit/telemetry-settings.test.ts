import { loadConfig, telemetrySettings } from '../../src/config';
import { statementKind } from '../../src/db/instrument-statements';

// METRICS_ENABLED, METRICS_TOKEN, OTEL_EXPORTER_OTLP_ENDPOINT (README, Operations), and the kind
// label of licensegraph_db_statement_duration_seconds.

describe('telemetry settings', () => {
  it('has /metrics on for loopback callers and no traces by default', () => {
    expect(telemetrySettings({})).toEqual({
      metricsEnabled: true,
      metricsToken: null,
      otlpEndpoint: null,
    });
  });

  it('reads each setting', () => {
    expect(
      telemetrySettings({
        METRICS_ENABLED: 'false',
        METRICS_TOKEN: 'sixteen-bytes-or-more',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      }),
    ).toEqual({
      metricsEnabled: false,
      metricsToken: 'sixteen-bytes-or-more',
      otlpEndpoint: 'http://collector:4318/',
    });
  });

  it('refuses a short token, a word that is no flag, an endpoint that is no http URL', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(
      /METRICS_TOKEN: must be at least 16/,
    );
    expect(() => loadConfig({ METRICS_ENABLED: 'maybe' })).toThrow(/METRICS_ENABLED/);
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://x:4317' })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT/,
    );
  });
});

describe('statement kinds', () => {
  it.each([
    ['SELECT 1', 'select'],
    ['  select id FROM partners', 'select'],
    ['SET STATEMENT max_statement_time = 30 FOR SELECT day FROM x', 'select'],
    ['WITH t AS (SELECT 1) SELECT * FROM t', 'select'],
    ['INSERT INTO usage_rows VALUES (?)', 'insert'],
    ['UPDATE usage_sources SET a = 1', 'update'],
    ['DELETE FROM x', 'delete'],
    ['START TRANSACTION', 'transaction'],
    ['COMMIT', 'transaction'],
    ['PRAGMA foreign_keys', 'other'],
  ])('%s is %s', (sql, kind) => {
    expect(statementKind(sql)).toBe(kind);
  });
});
