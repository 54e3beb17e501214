import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import type { ReplicaSettings } from '../config';
import { closeDataSource } from './cancel-statements';

// Reads of a serving process go to a read replica (DATABASE_READ_URL) while it replicates and is
// at most REPLICA_MAX_LAG_SECONDS behind; else to the primary, and back to the replica once it is
// well again. Writes, and every read of a mutation, always go to the primary (the caller picks:
// graphql/request-context). Written here rather than with TypeORM's `replication` option: its
// mysql2 pool cluster drops a node that failed for good and never asks how far behind it is.
//
// The replica is asked on a connection of its own, every REPLICA_CHECK_INTERVAL_SECONDS, for
// `SHOW REPLICA STATUS` (MariaDB 10.5+, MySQL 8.0.22+): both replication threads running and
// Seconds_Behind_Master (Seconds_Behind_Source) at most the allowed lag. One bad answer (or none
// within PROBE_TIMEOUT_MS) sends reads to the primary at once; two good ones in a row bring them
// back.
// Seconds_Behind_Master only measures what arrived: a replica cut off from a primary without
// noticing reports 0 (the IO thread's state then says so, or, at worst, its heartbeat period).

export type ReadTarget = 'replica' | 'primary';

export interface ReadRouting {
  /** The data source a read-only request should use now. */
  reader(): DataSource;
  target(): ReadTarget;
  /** Why reads go where they go ("lag 12 s", "not reachable", "replicating"). */
  reason(): string;
  close(): Promise<void>;
}

export interface ReadRoutingOptions {
  primary: DataSource;
  settings: ReplicaSettings;
  /** Opens the replica's pool (the replica may be down when the process starts). */
  openReplica: () => Promise<DataSource>;
  /** Told of every change of target. */
  onChange?: (target: ReadTarget, reason: string) => void;
}

/** Successes in a row before reads go back to a replica that was taken out. */
const RISE = 2;
/** Longest wait for the replica's answer: a busy replica is not yet a dead one. */
const PROBE_TIMEOUT_MS = 2000;

interface Health {
  healthy: boolean;
  reason: string;
}

type StatusRow = Record<string, string | number | null>;

/** What SHOW REPLICA STATUS says, in MariaDB's and in MySQL's column names. */
export function judgeReplicaStatus(row: StatusRow | undefined, maxLagSeconds: number): Health {
  if (!row) return { healthy: false, reason: 'not a replica' };
  const field = (...names: string[]) => names.map((name) => row[name]).find((v) => v != null);
  const io = field('Slave_IO_Running', 'Replica_IO_Running');
  const sql = field('Slave_SQL_Running', 'Replica_SQL_Running');
  if (io !== 'Yes' || sql !== 'Yes') {
    return { healthy: false, reason: `replication stopped (IO ${io}, SQL ${sql})` };
  }
  const lag = field('Seconds_Behind_Master', 'Seconds_Behind_Source');
  if (lag === undefined) return { healthy: false, reason: 'lag unknown' };
  if (Number(lag) > maxLagSeconds) return { healthy: false, reason: `lag ${lag} s` };
  return { healthy: true, reason: `replicating, lag ${lag} s` };
}

export function startReadRouting(options: ReadRoutingOptions): ReadRouting {
  const { primary, settings } = options;
  const intervalMs = settings.checkIntervalSeconds * 1000;
  const timeout = Math.max(intervalMs, PROBE_TIMEOUT_MS);
  let replica: DataSource | null = null;
  let target: ReadTarget = 'primary';
  let reason = 'not checked yet';
  let goodInRow = 0;
  let probe: mysql.Connection | null = null;
  let closed = false;

  const dropProbe = () => {
    probe?.destroy();
    probe = null;
  };

  const check = async (): Promise<Health> => {
    try {
      probe ??= await mysql.createConnection({ uri: settings.url, connectTimeout: timeout });
      const [rows] = await probe.query({ sql: 'SHOW REPLICA STATUS', timeout });
      return judgeReplicaStatus((rows as StatusRow[])[0], settings.maxLagSeconds);
    } catch {
      dropProbe();
      return { healthy: false, reason: 'not reachable' };
    }
  };

  const switchTo = (next: ReadTarget, why: string) => {
    reason = why;
    if (next === target) return;
    target = next;
    options.onChange?.(next, why);
  };

  const round = async () => {
    const health = await check();
    if (!health.healthy) {
      goodInRow = 0;
      switchTo('primary', health.reason);
      return;
    }
    goodInRow += 1;
    if (!replica) {
      try {
        replica = await options.openReplica();
      } catch {
        switchTo('primary', 'replica pool could not open');
        return;
      }
    }
    if (target === 'replica' || goodInRow >= RISE) switchTo('replica', health.reason);
  };

  let timer: NodeJS.Timeout | null = null;
  const loop = () => {
    void round().finally(() => {
      if (!closed) timer = setTimeout(loop, intervalMs);
    });
  };
  loop();

  return {
    reader: () => (target === 'replica' && replica ? replica : primary),
    target: () => target,
    reason: () => reason,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      dropProbe();
      if (replica) await closeDataSource(replica);
    },
  };
}
