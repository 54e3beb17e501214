import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand in the form tools/generate-migration.ts gives (test/integration/db/schema.test.ts
// proves it equals the entities; test/integration/db/entitlement-lines-migration.test.ts that it
// carries the rows over). An entitlement is an order line of its own: several lines of one license
// type may start on the same day, and a line may carry the order line number the import gave.
// Every stored entitlement stays as it is, a line without a number. The index that served the
// foreign key on subscription_id is dropped only once the new ones can serve it.
export class EntitlementLines1796300000000 implements MigrationInterface {
  name = 'EntitlementLines1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`entitlements\` ADD \`line_id\` varchar(64) NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX \`uq_entitlements_line\` ON \`entitlements\` (\`subscription_id\`, \`line_id\`)`,
    );
    await queryRunner.query(
      `CREATE INDEX \`idx_entitlements_subscription_type\` ON \`entitlements\` (\`subscription_id\`, \`license_type\`, \`start_date\`)`,
    );
    await queryRunner.query(`DROP INDEX \`uq_entitlements_natural\` ON \`entitlements\``);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The old key holds one line per subscription, license type and start day: refuse to guess
    // which of several to keep.
    const shared: unknown[] = await queryRunner.query(
      `SELECT subscription_id FROM \`entitlements\`
       GROUP BY subscription_id, license_type, start_date HAVING COUNT(*) > 1 LIMIT 1`,
    );
    if (shared.length > 0) {
      throw new Error(
        'Cannot undo EntitlementLines: some subscription has several entitlements of one license ' +
          'type starting on the same day; remove all but one of each first.',
      );
    }
    await queryRunner.query(
      `CREATE UNIQUE INDEX \`uq_entitlements_natural\` ON \`entitlements\` (\`subscription_id\`, \`license_type\`, \`start_date\`)`,
    );
    await queryRunner.query(
      `DROP INDEX \`idx_entitlements_subscription_type\` ON \`entitlements\``,
    );
    await queryRunner.query(`DROP INDEX \`uq_entitlements_line\` ON \`entitlements\``);
    await queryRunner.query(`ALTER TABLE \`entitlements\` DROP COLUMN \`line_id\``);
  }
}
