import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand in the form tools/generate-migration.ts gives (test/integration/db/schema.test.ts
// proves it equals the entities). The partner days whose daily totals the usage writer could not
// keep exact on MySQL, recounted before a report reads them (src/db/rollups/
// usage-daily-stale.entity.ts). A database migrated before it has exact totals: nothing to mark.
export class UsageDailyStale1796200000000 implements MigrationInterface {
  name = 'UsageDailyStale1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`usage_daily_stale\` (\`partner_id\` varchar(64) NOT NULL, \`day\` date NOT NULL, PRIMARY KEY (\`partner_id\`, \`day\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`usage_daily_stale\``);
  }
}
