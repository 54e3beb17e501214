import type { MigrationInterface, QueryRunner } from 'typeorm';

// Usage reports (src/subgraphs/usage/report) read a partner's range of days from this index
// alone, without a primary-key lookup per row.
export class LicenseUsageReportIndex1796000000000 implements MigrationInterface {
  name = 'LicenseUsageReportIndex1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX \`idx_license_usage_partner_report\` ON \`license_usage\` (\`partner_id\`, \`day\`, \`region\`, \`license_type\`, \`source_id\`, \`customer_id\`, \`subscription_id\`, \`consumed\`)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`idx_license_usage_partner_report\` ON \`license_usage\``);
  }
}
