import type { DataSource } from 'typeorm';

/** MySQL or MariaDB (true), or the embedded SQLite (false): where statements are written twice. */
export function isMysql(ds: DataSource): boolean {
  return ds.options.type === 'mysql' || ds.options.type === 'mariadb';
}
