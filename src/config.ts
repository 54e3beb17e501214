import path from 'node:path';

// Every environment variable Licensegraph reads is read here, once. A bad value stops start-up
// with a ConfigError that names the variable. Hand-written rather than envalid/zod: the checks
// are few, and this keeps the messages exact.

export type DatabaseConfig =
  | {
      kind: 'mysql';
      url: string;
      /** MariaDB reports column defaults differently; TypeORM must be told (db/mysql-flavor). */
      flavor?: 'mysql' | 'mariadb';
    }
  | { kind: 'sqlite'; file: string /* ':memory:' or a path */ };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type SubgraphName = 'organizations' | 'subscriptions' | 'usage';
export const SUBGRAPH_NAMES: readonly SubgraphName[] = ['organizations', 'subscriptions', 'usage'];

/** What one process may run: the gateway and the subgraphs. */
export type Piece = 'gateway' | SubgraphName;
export const PIECES: readonly Piece[] = ['gateway', ...SUBGRAPH_NAMES];

export interface JwtConfig {
  /** HS256 shared secret; null when unset (then JWKS_URL, or a secret kept under dataDir). */
  secret: string | null;
  /** RS256/ES256 keys of a production identity provider. */
  jwksUrl: string | null;
  issuer: string;
  audience: string;
}

// --- Document limits, cost and response size (README, Security: limits) ---------------------

/**
 * Guards against abusive operations (docs/architecture.md, Conventions). The document limits apply in the
 * gateway and in every subgraph, before any planning; cost and response size in the gateway.
 */
export interface QueryLimits {
  /** Deepest selection, fragments expanded (MAX_QUERY_DEPTH). */
  maxDepth: number;
  /** Aliases of one operation, counted after fragment expansion (MAX_QUERY_ALIASES). */
  maxAliases: number;
  /** Lexical tokens of the document (MAX_QUERY_TOKENS). */
  maxTokens: number;
  /** Characters of the document (MAX_QUERY_CHARACTERS). */
  maxCharacters: number;
  /** Directives of one operation, fragments expanded (MAX_QUERY_DIRECTIVES). */
  maxDirectives: number;
  /** Estimated cost: every field 1, times the expected size of each list above it. */
  maxCost: number;
  /** Bytes of one JSON answer of the gateway (MAX_RESPONSE_BYTES). */
  maxResponseBytes: number;
}

/** Hard cap of usage series points one request may read (README, Security: limits). */
export interface SeriesSettings {
  /** MAX_USAGE_POINTS: points of every `usage` series of one request together. */
  maxPoints: number;
  /** FORECAST_MAX_HISTORY_DAYS: the longest historyDays a forecast fits (its cost grows with its square). */
  maxForecastHistoryDays: number;
  /** RECLAIMABLE_MAX_WINDOW_DAYS: the longest windowDays of Customer.reclaimable. */
  maxReclaimableWindowDays: number;
}

export const QUERY_LIMIT_DEFAULTS: QueryLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 2000,
  maxCharacters: 20_000,
  maxDirectives: 50,
  maxCost: 500_000,
  maxResponseBytes: 16 * 1024 * 1024,
};

export function queryLimits(env: Env = process.env): QueryLimits {
  const d = QUERY_LIMIT_DEFAULTS;
  return {
    maxDepth: positiveInt(env, 'MAX_QUERY_DEPTH', d.maxDepth, 100),
    maxAliases: positiveInt(env, 'MAX_QUERY_ALIASES', d.maxAliases, 1000),
    maxTokens: positiveInt(env, 'MAX_QUERY_TOKENS', d.maxTokens, 100_000),
    maxCharacters: positiveInt(env, 'MAX_QUERY_CHARACTERS', d.maxCharacters, 1_000_000),
    maxDirectives: positiveInt(env, 'MAX_QUERY_DIRECTIVES', d.maxDirectives, 1000),
    maxCost: positiveInt(env, 'MAX_QUERY_COST', d.maxCost, 100_000_000),
    maxResponseBytes: positiveInt(env, 'MAX_RESPONSE_BYTES', d.maxResponseBytes, 2 ** 30),
  };
}

/**
 * MAX_USAGE_POINTS (default 50,000), FORECAST_MAX_HISTORY_DAYS and RECLAIMABLE_MAX_WINDOW_DAYS
 * (default 365, at most 1,095).
 */
function seriesSettings(env: Env): SeriesSettings {
  return {
    maxPoints: positiveInt(env, 'MAX_USAGE_POINTS', 50_000, 10_000_000),
    maxForecastHistoryDays: positiveInt(env, 'FORECAST_MAX_HISTORY_DAYS', 365, 1095),
    maxReclaimableWindowDays: positiveInt(env, 'RECLAIMABLE_MAX_WINDOW_DAYS', 365, 1095),
  };
}

// --- end of document limits, cost and response size ---------------------------------------

/** How alerts are computed on read (README, Alerts). */
export interface AlertSettings {
  /** LOW_ASSIGNMENT below this utilization (0 < mark <= 1). */
  lowAssignmentMark: number;
  /** EXHAUSTION_FORECAST when the forecast date is at most this many days after asOf. */
  exhaustionWarnDays: number;
}

/** How long a usage report may run (README, Usage reports). */
export interface ReportSettings {
  /** A usageReport statement running longer is stopped (MySQL only). */
  timeoutSeconds: number;
}

// --- Errors, production mode, rate limits (README, Security; issue 12 §3-§7) -----------------

/** What the HTTP servers accept from whom, and what they show. */
export interface ExposureSettings {
  /** NODE_ENV=production: no introspection, no "Did you mean" suggestions, no playground. */
  production: boolean;
  /** PLAYGROUND: GraphiQL on the gateway (and the introspection it needs). */
  playground: boolean;
  /** DASHBOARD: the license usage dashboard at /app (a client of the public API, no introspection). */
  dashboard: boolean;
  /** MAX_REQUEST_BYTES: largest request body the gateway reads (a 5,000-record ingestUsage). */
  maxRequestBytes: number;
  /** SUBGRAPH_MAX_REQUEST_BYTES: largest body a subgraph reads (the gateway's entity fetches). */
  subgraphMaxRequestBytes: number;
  /** SUBGRAPH_SECRET: the gateway sends it, the subgraphs require it; null = generate (one process). */
  subgraphSecret: string | null;
  /** TRUST_PROXY: proxies in front of the gateway whose X-Forwarded-For names the client. */
  trustProxyHops: number;
}

/** Budgets per window, in Redis when REDIS_URL is set, else in this process. */
export interface RateLimitSettings {
  redisUrl: string | null;
  windowSeconds: number;
  /** RATE_LIMIT_VIEWER_POINTS: cost units per viewer (the token's user) per window. */
  viewerPoints: number;
  /** RATE_LIMIT_MIN_OPERATION_COST: what any operation or CSV export takes at least. */
  minOperationCost: number;
  /** RATE_LIMIT_ADDRESS_REQUESTS: requests per client address per window, before authentication. */
  addressRequests: number;
}

export const MIN_SUBGRAPH_SECRET_BYTES = 32;

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['true', '1', 'on', 'yes'].includes(raw)) return true;
  if (['false', '0', 'off', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function wholeNumber(env: Env, name: string, fallback: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > max) {
    throw new ConfigError(name, `must be a whole number from 0 to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

export function exposureSettings(env: Env = process.env): ExposureSettings {
  const production = read(env, 'NODE_ENV') === 'production';
  const subgraphSecret = read(env, 'SUBGRAPH_SECRET') ?? null;
  if (subgraphSecret !== null && Buffer.byteLength(subgraphSecret) < MIN_SUBGRAPH_SECRET_BYTES) {
    throw new ConfigError(
      'SUBGRAPH_SECRET',
      `must be at least ${MIN_SUBGRAPH_SECRET_BYTES} bytes long`,
    );
  }
  return {
    production,
    playground: flag(env, 'PLAYGROUND', !production),
    dashboard: flag(env, 'DASHBOARD', true),
    maxRequestBytes: positiveInt(env, 'MAX_REQUEST_BYTES', 1024 * 1024, 100 * 1024 * 1024),
    subgraphMaxRequestBytes: positiveInt(
      env,
      'SUBGRAPH_MAX_REQUEST_BYTES',
      16 * 1024 * 1024,
      1024 * 1024 * 1024,
    ),
    subgraphSecret,
    trustProxyHops: wholeNumber(env, 'TRUST_PROXY', 0, 10),
  };
}

export function rateLimitSettings(env: Env = process.env): RateLimitSettings {
  const redis = read(env, 'REDIS_URL') ?? null;
  if (redis !== null && !/^rediss?:\/\/./.test(redis)) {
    throw new ConfigError('REDIS_URL', `must be a redis:// or rediss:// URL, got "${redis}"`);
  }
  return {
    redisUrl: redis,
    windowSeconds: positiveInt(env, 'RATE_LIMIT_WINDOW_SECONDS', 60, 86_400),
    viewerPoints: positiveInt(env, 'RATE_LIMIT_VIEWER_POINTS', 1_000_000, 1_000_000_000),
    minOperationCost: positiveInt(env, 'RATE_LIMIT_MIN_OPERATION_COST', 1_000, 1_000_000_000),
    addressRequests: positiveInt(env, 'RATE_LIMIT_ADDRESS_REQUESTS', 1200, 1_000_000_000),
  };
}

// --- end of errors, production mode, rate limits ----------------------------------------------
/** What a subgraph's resolvers are configured by: handed to every request's context. */
export type RequestSettings = Pick<Config, 'alerts' | 'reports' | 'series' | 'reportMail'>;

/** A read replica of the MySQL primary (src/db/read-routing.ts); null: every read on the primary. */
export interface ReplicaSettings {
  /** DATABASE_READ_URL: mysql://user:password@host:port/database of the replica. */
  url: string;
  /** REPLICA_MAX_LAG_SECONDS: further behind, reads go to the primary (default 10). */
  maxLagSeconds: number;
  /** REPLICA_CHECK_INTERVAL_SECONDS: how often the replica is asked how it is (default 1). */
  checkIntervalSeconds: number;
}

function replicaSettings(env: Env, database: DatabaseConfig): ReplicaSettings | null {
  const url = read(env, 'DATABASE_READ_URL');
  if (url === undefined) return null;
  if (database.kind !== 'mysql') {
    throw new ConfigError('DATABASE_READ_URL', 'needs a mysql:// DATABASE_URL (the primary)');
  }
  const replica = parseDatabaseUrl(url, '', 'DATABASE_READ_URL');
  if (replica.kind !== 'mysql') {
    throw new ConfigError('DATABASE_READ_URL', 'must be a mysql:// URL of a replica');
  }
  return {
    url: replica.url,
    maxLagSeconds: positiveDecimal(
      env,
      'REPLICA_MAX_LAG_SECONDS',
      10,
      86_400,
      'a number of seconds',
    ),
    checkIntervalSeconds: positiveDecimal(
      env,
      'REPLICA_CHECK_INTERVAL_SECONDS',
      1,
      60,
      'a number of seconds',
    ),
  };
}

export interface Config {
  database: DatabaseConfig;
  replica: ReplicaSettings | null;
  dataDir: string;
  port: number;
  subgraphPorts: Record<SubgraphName, number>;
  subgraphUrls: Record<SubgraphName, string>;
  host: string;
  jwt: JwtConfig;
  logLevel: LogLevel;
  limits: QueryLimits;
  alerts: AlertSettings;
  reports: ReportSettings;
  deadlines: DeadlineSettings;
  series: SeriesSettings;
  exposure: ExposureSettings;
  rateLimits: RateLimitSettings;
  operations: OperationsConfig;
  reportMail: ReportMailSettings;
  /**
   * SUBGRAPHS_IN_PROCESS: a gateway that runs in one process with subgraphs calls them there,
   * without HTTP (server/in-process-subgraph.ts). Off by default: pieces talk over HTTP.
   */
  subgraphsInProcess: boolean;
  telemetry: TelemetrySettings;
}

/** Metrics and traces (README, Operations). */
export interface TelemetrySettings {
  /** METRICS_ENABLED (default true): every server answers GET /metrics. */
  metricsEnabled: boolean;
  /** METRICS_TOKEN: /metrics wants `Authorization: Bearer <it>`; unset: loopback callers only. */
  metricsToken: string | null;
  /** OTEL_EXPORTER_OTLP_ENDPOINT: where spans go over OTLP/HTTP; unset: no tracing at all. */
  otlpEndpoint: string | null;
}

export const MIN_METRICS_TOKEN_BYTES = 16;

/** METRICS_ENABLED, METRICS_TOKEN, OTEL_EXPORTER_OTLP_ENDPOINT. */
export function telemetrySettings(env: Env = process.env): TelemetrySettings {
  const metricsToken = read(env, 'METRICS_TOKEN') ?? null;
  if (metricsToken !== null && Buffer.byteLength(metricsToken) < MIN_METRICS_TOKEN_BYTES) {
    throw new ConfigError(
      'METRICS_TOKEN',
      `must be at least ${MIN_METRICS_TOKEN_BYTES} bytes long`,
    );
  }
  return {
    metricsEnabled: flag(env, 'METRICS_ENABLED', true),
    metricsToken,
    otlpEndpoint: httpUrl(env, 'OTEL_EXPORTER_OTLP_ENDPOINT') ?? null,
  };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function port(env: Env, name: string, fallback: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 65535) {
    throw new ConfigError(name, `must be a port number from 1 to 65535, got "${raw}"`);
  }
  return Number(raw);
}

function positiveInt(env: Env, name: string, fallback: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
    throw new ConfigError(name, `must be a whole number from 1 to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function httpUrl(env: Env, name: string): string | undefined {
  const raw = read(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(name, `must be an http(s) URL, got "${raw}"`);
  }
  return url.toString();
}

export function parseDatabaseUrl(
  raw: string | undefined,
  dataDir: string,
  name = 'DATABASE_URL',
): DatabaseConfig {
  if (raw === undefined) return { kind: 'sqlite', file: path.join(dataDir, 'licensegraph.sqlite') };
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length);
    if (file === '') throw new ConfigError(name, 'sqlite: needs a path, e.g. sqlite:./data/lg.db');
    return { kind: 'sqlite', file };
  }
  if (raw.startsWith('mysql://')) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new ConfigError(name, 'is not a valid URL (mysql://user:pass@host:port/db)');
    }
    if (!url.hostname) throw new ConfigError(name, 'mysql URL needs a host');
    if (url.pathname.length <= 1) {
      throw new ConfigError(
        name,
        'mysql URL needs a database name (mysql://user:pass@host:port/db)',
      );
    }
    return { kind: 'mysql', url: raw };
  }
  throw new ConfigError(
    name,
    'must start with mysql:// (mysql://user:pass@host:port/db) or sqlite: (sqlite:path, sqlite::memory:)',
  );
}

/** A decimal above 0 and at most `max`; `what` names it in the error ("a number of seconds"). */
function positiveDecimal(env: Env, name: string, fallback: number, max: number, what: string) {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d*\.?\d+$/.test(raw) || !(value > 0 && value <= max)) {
    throw new ConfigError(name, `must be ${what} above 0 and at most ${max}, got "${raw}"`);
  }
  return value;
}

/** ALERT_LOW_ASSIGNMENT_MARK (default 0.5), ALERT_EXHAUSTION_DAYS (default 60, at most 1,095). */
function alertSettings(env: Env): AlertSettings {
  return {
    lowAssignmentMark: positiveDecimal(env, 'ALERT_LOW_ASSIGNMENT_MARK', 0.5, 1, 'a number'),
    exhaustionWarnDays: positiveInt(env, 'ALERT_EXHAUSTION_DAYS', 60, 1095),
  };
}

/** REPORT_TIMEOUT_SECONDS (default 30, at most 3600). */
function reportSettings(env: Env): ReportSettings {
  return {
    timeoutSeconds: positiveDecimal(env, 'REPORT_TIMEOUT_SECONDS', 30, 3600, 'a number of seconds'),
  };
}

/** How long anything a request starts may take (README, Operations). */
export interface DeadlineSettings {
  /** REQUEST_TIMEOUT_SECONDS: every statement of a request (reports: REPORT_TIMEOUT_SECONDS). */
  requestTimeoutSeconds: number;
  /** LOCK_WAIT_TIMEOUT_SECONDS: longest wait for a row or table lock; below the request's. */
  lockWaitSeconds: number;
  /** EXPORT_TIMEOUT_SECONDS: the statement of a CSV export. */
  exportTimeoutSeconds: number;
  /** DATABASE_POOL_SIZE: connections per process. */
  poolSize: number;
  /** DATABASE_POOL_QUEUE: requests waiting for a connection; one more is refused at once. */
  poolQueueLimit: number;
  /** DATABASE_ACQUIRE_TIMEOUT_SECONDS: longest wait for a pooled connection. */
  acquireTimeoutSeconds: number;
  /** DATABASE_CONNECT_TIMEOUT_SECONDS: opening a connection to the database. */
  connectTimeoutSeconds: number;
  /** SUBGRAPH_TIMEOUT_SECONDS: the gateway's wait for one subgraph answer (after reports'). */
  subgraphTimeoutSeconds: number;
  /** DRAIN_SECONDS: on SIGTERM, how long requests under way may finish. */
  drainSeconds: number;
}

/** REQUEST_TIMEOUT_SECONDS and the other deadlines; read on their own too, like reportSettings. */
export function deadlineSettings(env: Env = process.env): DeadlineSettings {
  const requestTimeoutSeconds = positiveDecimal(
    env,
    'REQUEST_TIMEOUT_SECONDS',
    10,
    3600,
    'a number of seconds',
  );
  const lockWaitSeconds = positiveInt(
    env,
    'LOCK_WAIT_TIMEOUT_SECONDS',
    Math.max(1, Math.floor(requestTimeoutSeconds / 2)),
    3600,
  );
  return {
    requestTimeoutSeconds,
    lockWaitSeconds,
    exportTimeoutSeconds: positiveDecimal(
      env,
      'EXPORT_TIMEOUT_SECONDS',
      600,
      86_400,
      'a number of seconds',
    ),
    poolSize: positiveInt(env, 'DATABASE_POOL_SIZE', 10, 1000),
    poolQueueLimit: positiveInt(env, 'DATABASE_POOL_QUEUE', 100, 100_000),
    acquireTimeoutSeconds: positiveDecimal(
      env,
      'DATABASE_ACQUIRE_TIMEOUT_SECONDS',
      5,
      600,
      'a number of seconds',
    ),
    connectTimeoutSeconds: positiveDecimal(
      env,
      'DATABASE_CONNECT_TIMEOUT_SECONDS',
      5,
      600,
      'a number of seconds',
    ),
    subgraphTimeoutSeconds: positiveDecimal(
      env,
      'SUBGRAPH_TIMEOUT_SECONDS',
      // Longer than any statement a subgraph runs for one request: a report's too.
      Math.max(requestTimeoutSeconds, reportSettings(env).timeoutSeconds) + 5,
      3600,
      'a number of seconds',
    ),
    drainSeconds: positiveDecimal(env, 'DRAIN_SECONDS', 10, 3600, 'a number of seconds'),
  };
}

export function loadConfig(env: Env = process.env): Config {
  const dataDir = path.resolve(read(env, 'DATA_DIR') ?? 'data');
  const database = parseDatabaseUrl(read(env, 'DATABASE_URL'), dataDir);
  const host = read(env, 'HOST') ?? '127.0.0.1';
  const subgraphPorts: Record<SubgraphName, number> = {
    organizations: port(env, 'ORGANIZATIONS_PORT', 4001),
    subscriptions: port(env, 'SUBSCRIPTIONS_PORT', 4002),
    usage: port(env, 'USAGE_PORT', 4003),
  };
  const subgraphUrls = {} as Record<SubgraphName, string>;
  for (const name of SUBGRAPH_NAMES) {
    subgraphUrls[name] =
      httpUrl(env, `${name.toUpperCase()}_URL`) ??
      `http://127.0.0.1:${subgraphPorts[name]}/graphql`;
  }

  const secret = read(env, 'JWT_SECRET') ?? null;
  if (secret !== null && Buffer.byteLength(secret) < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 bytes long (HS256 key)');
  }
  const jwksUrl = httpUrl(env, 'JWT_JWKS_URL') ?? null;

  const logLevel = (read(env, 'LOG_LEVEL') ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(
      'LOG_LEVEL',
      `must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`,
    );
  }

  return {
    database,
    replica: replicaSettings(env, database),
    dataDir,
    port: port(env, 'PORT', 4000),
    subgraphPorts,
    subgraphUrls,
    host,
    jwt: {
      secret,
      jwksUrl,
      issuer: read(env, 'JWT_ISSUER') ?? 'licensegraph',
      audience: read(env, 'JWT_AUDIENCE') ?? 'licensegraph-api',
    },
    logLevel: logLevel as LogLevel,
    limits: queryLimits(env),
    alerts: alertSettings(env),
    reports: reportSettings(env),
    deadlines: deadlineSettings(env),
    series: seriesSettings(env),
    exposure: exposureSettings(env),
    rateLimits: rateLimitSettings(env),
    operations: operationsConfig(env),
    reportMail: reportMailSettings(env),
    subgraphsInProcess: flag(env, 'SUBGRAPHS_IN_PROCESS', false),
    telemetry: telemetrySettings(env),
  };
}

// --- Operations (command line, issue 18): the SMTP server `licensegraph doctor` checks when it is
// configured (it checks REDIS_URL of the rate limits too), how long each check may take, and how
// often long commands print progress when their output is not a terminal. ---

export interface OperationsConfig {
  /** smtp:// or smtps:// (with user and password when the server wants them); null: none. */
  smtpUrl: string | null;
  /** Each doctor check gives up after this many milliseconds (DOCTOR_TIMEOUT_SECONDS). */
  checkTimeoutMs: number;
  /** Progress when not on a terminal: a plain line at most this often (PROGRESS_INTERVAL_SECONDS). */
  progressIntervalMs: number;
  /** True when any of ORGANIZATIONS_URL, SUBSCRIPTIONS_URL, USAGE_URL is set: the gateway reaches
   * subgraphs that run elsewhere, and doctor asks each for /health/ready. */
  subgraphUrlsSet: boolean;
}

function serviceUrl(env: Env, name: string, protocols: readonly string[]): string | null {
  const raw = read(env, name);
  if (raw === undefined) return null;
  const shape = `${protocols.map((p) => `${p}//`).join(' or ')} URL`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // Not the value: it may hold a password.
    throw new ConfigError(name, `must be a ${shape}`);
  }
  if (!protocols.includes(url.protocol) || !url.hostname) {
    throw new ConfigError(name, `must be a ${shape}`);
  }
  return raw;
}

export function operationsConfig(env: Env): OperationsConfig {
  return {
    smtpUrl: serviceUrl(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    checkTimeoutMs:
      positiveDecimal(env, 'DOCTOR_TIMEOUT_SECONDS', 5, 300, 'a number of seconds') * 1000,
    progressIntervalMs:
      positiveDecimal(env, 'PROGRESS_INTERVAL_SECONDS', 10, 3600, 'a number of seconds') * 1000,
    subgraphUrlsSet: SUBGRAPH_NAMES.some(
      (name) => read(env, `${name.toUpperCase()}_URL`) !== undefined,
    ),
  };
}

// --- Scheduled report e-mails (README, Scheduled reports; issue 16 §3) -----------------------

export interface ReportMailSettings {
  /** SMTP_URL: where reports are mailed; null: deliveries fail with "SMTP_URL is not set". */
  smtpUrl: string | null;
  /** MAIL_FROM: the sender of every report e-mail. */
  mailFrom: string;
  /** REDIS_URL: BullMQ's queue; null: the queue runs in this process. */
  redisUrl: string | null;
  /** REPORT_QUEUE_PREFIX: BullMQ key prefix, so that deployments can share one Redis. */
  queuePrefix: string;
  /** REPORT_DELIVERY_ATTEMPTS: tries of one delivery before it stays FAILED. */
  attempts: number;
  /** REPORT_RETRY_BACKOFF_SECONDS: wait before the 2nd try, doubled before each later one. */
  backoffMs: number;
  /** REPORT_SCHEDULER_INTERVAL_SECONDS: how often the scheduler looks for periods that ended. */
  sweepMs: number;
  /** REPORT_DELIVERY_LEASE_SECONDS: a sender that died holds a delivery at most this long. */
  leaseMs: number;
  /** SMTP_TIMEOUT_SECONDS: connection, greeting and socket timeouts of one SMTP exchange. */
  smtpTimeoutMs: number;
}

export function reportMailSettings(env: Env = process.env): ReportMailSettings {
  const seconds = (name: string, fallback: number, max: number) =>
    positiveDecimal(env, name, fallback, max, 'a number of seconds') * 1000;
  const prefix = read(env, 'REPORT_QUEUE_PREFIX') ?? 'licensegraph';
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(prefix)) {
    throw new ConfigError('REPORT_QUEUE_PREFIX', 'must be 1 to 64 letters, digits, _ . or -');
  }
  return {
    smtpUrl: serviceUrl(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: read(env, 'MAIL_FROM') ?? 'Licensegraph <reports@licensegraph.localhost>',
    redisUrl: rateLimitSettings(env).redisUrl,
    queuePrefix: prefix,
    attempts: positiveInt(env, 'REPORT_DELIVERY_ATTEMPTS', 5, 100),
    backoffMs: seconds('REPORT_RETRY_BACKOFF_SECONDS', 60, 86_400),
    sweepMs: seconds('REPORT_SCHEDULER_INTERVAL_SECONDS', 60, 86_400),
    leaseMs: seconds('REPORT_DELIVERY_LEASE_SECONDS', 300, 86_400),
    smtpTimeoutMs: seconds('SMTP_TIMEOUT_SECONDS', 30, 3600),
  };
}
