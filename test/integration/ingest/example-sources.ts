import { SourceType } from '../../../src/db/enums';
import type { LicenseType } from '../../../src/db/enums';
import { toUsageRow } from '../../../src/db/usage/usage-row';
import type { SourceFacts, UsageRow } from '../../../src/db/usage/usage-row';

// The two usage sources of test/fixtures/import/example.json, as the usage writer takes them.

export const EXAMPLE_CLUSTER: SourceFacts = {
  id: 'cl-ams-1',
  sourceType: SourceType.CLUSTER,
  subscriptionId: 'Sub-104233',
  customerId: 'c-acme',
  partnerId: 'p-emea',
  region: 'EMEA',
};

export const EXAMPLE_TENANT: SourceFacts = {
  id: 't-acme-us',
  sourceType: SourceType.TENANT,
  subscriptionId: 'Sub-200001',
  customerId: 'c-acme',
  partnerId: 'p-emea',
  region: 'AMER',
};

/** A usage row of `source`, ready for upsertUsageRows. */
export const usageRowOf = (
  source: SourceFacts,
  licenseType: LicenseType,
  day: string,
  consumed: number,
): UsageRow => toUsageRow({ sourceId: source.id, licenseType, day, consumed }, source);
