import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 15 §4 (docs/scaling.md): license_usage split into one partition per calendar month
// (RANGE COLUMNS on `day`), so that a query for a range of days reads only the months it covers
// (partition pruning) and a month can be dropped or archived whole. The primary key (source_id,
// license_type, day) already holds the partition column, as every unique key of a partitioned
// table must, so the usage writers' ON DUPLICATE KEY UPDATE upserts and the key they rely on stay
// as they are. MySQL and MariaDB do not allow foreign keys on a partitioned table: the reference
// to usage_sources goes (the writers refuse unknown sources themselves, UNKNOWN_SOURCE, and no
// code deletes a source); db/data-source tells TypeORM's metadata the same for MySQL. SQLite is
// built from the entities and keeps its foreign key, without partitions.
//
// Months from FIRST_MONTH to LAST_MONTH get a partition each; earlier days share p_before, later
// ones p_future until a month of their own is split off it (docs/scaling.md, "Partitions").

const FIRST_MONTH = '2024-01';
const LAST_MONTH = '2027-12';
const FOREIGN_KEY = 'FK_df386223bce31230159a6526d1c';

/** 'YYYY-MM' → the first day of the month after it. */
function nextMonthStart(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
}

function monthlyPartitions(): string[] {
  const partitions = [`PARTITION p_before VALUES LESS THAN ('${FIRST_MONTH}-01')`];
  for (let month = FIRST_MONTH; month <= LAST_MONTH; month = nextMonthStart(month).slice(0, 7)) {
    const name = `p${month.replace('-', '_')}`;
    partitions.push(`PARTITION ${name} VALUES LESS THAN ('${nextMonthStart(month)}')`);
  }
  partitions.push('PARTITION p_future VALUES LESS THAN (MAXVALUE)');
  return partitions;
}

export class UsagePartitions1796500000000 implements MigrationInterface {
  name = 'UsagePartitions1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`license_usage\` DROP FOREIGN KEY \`${FOREIGN_KEY}\``);
    await queryRunner.query(
      `ALTER TABLE \`license_usage\` PARTITION BY RANGE COLUMNS(\`day\`) (${monthlyPartitions().join(', ')})`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`license_usage\` REMOVE PARTITIONING`);
    await queryRunner.query(
      `ALTER TABLE \`license_usage\` ADD CONSTRAINT \`${FOREIGN_KEY}\` FOREIGN KEY (\`source_id\`) REFERENCES \`usage_sources\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }
}
