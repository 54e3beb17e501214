import pino from 'pino';
import type { Logger as SqlLogger } from 'typeorm';
import type { LogLevel } from './config';
import { currentRequest } from './telemetry/request-scope';

// Diagnostics go through pino as JSON lines on stderr, so that a command's own output on stdout
// (a token, a report) stays clean enough to pipe. LOG_LEVEL picks how much: `debug` adds stacks
// of failures, `trace` every SQL statement. A line written while a request is served carries its
// requestId: the trace id of its traces (telemetry/request-scope).

export type Logger = pino.Logger;

export function createLogger(
  level: LogLevel,
  destination: pino.DestinationStream = pino.destination({ dest: 2, sync: true }),
): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: () => {
        const request = currentRequest();
        return request ? { requestId: request.requestId } : {};
      },
    },
    destination,
  );
}

/** A TypeORM logger writing statements at `trace`; undefined when trace is off, so none is built. */
export function sqlLogger(log: Logger): SqlLogger | undefined {
  if (!log.isLevelEnabled('trace')) return undefined;
  return {
    logQuery: (query, parameters) => log.trace({ query, parameters }, 'sql'),
    logQueryError: (error, query) =>
      log.debug({ query, error: error instanceof Error ? error.message : error }, 'sql failed'),
    logQuerySlow: (time, query) => log.debug({ query, ms: time }, 'sql slow'),
    logSchemaBuild: (message) => log.trace(message),
    logMigration: (message) => log.debug(message),
    log: (level, message) => log[level === 'log' ? 'debug' : level](String(message)),
  };
}
