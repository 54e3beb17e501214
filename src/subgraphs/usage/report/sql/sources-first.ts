import type { DataSource } from 'typeorm';
import { isMysql } from '../../../../db/dialect';
import type { ReportQuery } from '../report-query';
import { filterCondition } from './filter';

export interface SourcesFirst {
  from: string;
  where: string;
  params: unknown[];
}

/**
 * A table keyed by source first (license_usage, usage_bucket_last), read source by source: the
 * sources the report covers (by their partner or customer index), then each one's rows by the
 * primary key, which keeps a source's rows together. Reading through a secondary index instead
 * looks every row up on its own: on a buffer pool smaller than the table, a partner-wide year of
 * license_usage took minutes. STRAIGHT_JOIN (MySQL) and CROSS JOIN (SQLite) keep the sources
 * first. The filter applies to both sides: the rows carry the same copies as their source.
 */
export function fromSourcesFirst(
  ds: DataSource,
  query: ReportQuery,
  table: 'license_usage' | 'usage_bucket_last',
  alias: string,
): SourcesFirst {
  const sources = filterCondition(
    { ...query, licenseTypes: null },
    { withRegion: true, prefix: 'src.' },
  );
  const rows = filterCondition(query, { withRegion: true, prefix: `${alias}.` });
  const join = isMysql(ds) ? 'STRAIGHT_JOIN' : 'CROSS JOIN';
  return {
    from: `usage_sources src ${join} ${table} ${alias} ON ${alias}.source_id = src.id`,
    where: `${sources.sql} AND ${rows.sql}`,
    params: [...sources.params, ...rows.params],
  };
}
