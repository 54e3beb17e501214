import type { MigrationInterface, QueryRunner } from 'typeorm';

// Usage reports (src/subgraphs/usage/report) read a partner's range of days from this index
// alone, without a primary-key lookup per row. It replaces (partner_id, day), its prefix: with
// both, MariaDB keeps choosing the narrower one and looks every row up.
export class LicenseUsageReportIndex1796000000000 implements MigrationInterface {
  name = 'LicenseUsageReportIndex1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX \`idx_license_usage_partner_report\` ON \`license_usage\` (\`partner_id\`, \`day\`, \`region\`, \`license_type\`, \`source_id\`, \`customer_id\`, \`subscription_id\`, \`consumed\`)`,
    );
    await queryRunner.query(`DROP INDEX \`idx_license_usage_partner_day\` ON \`license_usage\``);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX \`idx_license_usage_partner_day\` ON \`license_usage\` (\`partner_id\`, \`day\`)`,
    );
    await queryRunner.query(`DROP INDEX \`idx_license_usage_partner_report\` ON \`license_usage\``);
  }
}
