import type { EntityManager } from 'typeorm';
import { LICENSE_TYPES } from '../../db/enums';
import type { LicenseType, SourceType } from '../../db/enums';
import { selectWhereIn } from '../../db/sql/bulk';
import type { SourceFacts } from '../../db/usage/usage-row';

// What usage validation needs to know about the sources a batch names: whether each exists, what
// its usage rows copy from it, which license types its subscription is entitled to. Sources are
// looked up in batches (one query per IN list for the sources, one for their entitlements) and
// kept, so a file with millions of lines costs a handful of lookups per distinct source.

export interface KnownSource extends SourceFacts {
  /** A small number of its own, for compact per-record keys. */
  index: number;
  /** Bit i set when the subscription has an entitlement of LICENSE_TYPES[i]. */
  licenseTypes: number;
}

export interface SourceDescription {
  facts: SourceFacts;
  licenseTypes: Iterable<LicenseType>;
}

/** Describes the sources among `ids` that exist (unknown ids are simply left out). */
export type SourceLoader = (ids: string[]) => Promise<SourceDescription[]>;

/** Position of each license type in LICENSE_TYPES (its bit in KnownSource.licenseTypes). */
export const LICENSE_TYPE_BIT: ReadonlyMap<LicenseType, number> = new Map(
  LICENSE_TYPES.map((type, index) => [type, index]),
);

/** Ids found to be unknown are remembered too, up to this many (then forgotten and re-asked). */
const MISSING_LIMIT = 50_000;

export class SourceCatalog {
  private readonly known = new Map<string, KnownSource>();
  private readonly missing = new Set<string>();

  constructor(private readonly load: SourceLoader) {}

  /** Looks up every id not asked about before. */
  async resolve(ids: Iterable<string>): Promise<void> {
    const wanted = new Set<string>();
    for (const id of ids) if (!this.known.has(id) && !this.missing.has(id)) wanted.add(id);
    if (wanted.size === 0) return;
    for (const description of await this.load([...wanted])) {
      this.add(description);
      wanted.delete(description.facts.id);
    }
    if (this.missing.size + wanted.size > MISSING_LIMIT) this.missing.clear();
    for (const id of wanted) this.missing.add(id);
  }

  /** The source, once resolved; undefined when it does not exist. */
  get(id: string): KnownSource | undefined {
    return this.known.get(id);
  }

  private add({ facts, licenseTypes }: SourceDescription): void {
    // MySQL matches ids case-insensitively, so a lookup of "CL-1" may return "cl-1" again.
    if (this.known.has(facts.id)) return;
    let mask = 0;
    for (const type of licenseTypes) mask |= 1 << (LICENSE_TYPE_BIT.get(type) ?? 0);
    this.known.set(facts.id, { ...facts, index: this.known.size, licenseTypes: mask });
  }
}

interface SourceRow {
  id: string;
  source_type: SourceType;
  subscription_id: string;
  customer_id: string;
  partner_id: string;
  region: string;
}

/** Reads sources and their subscriptions' entitled license types from the database. */
export function databaseSourceLoader(manager: EntityManager): SourceLoader {
  return async (ids) => {
    const sources = await selectWhereIn<SourceRow>(
      manager,
      ids,
      (inList) =>
        `SELECT id, source_type, subscription_id, customer_id, partner_id, region
           FROM usage_sources WHERE id IN (${inList})`,
    );
    const entitled = await selectWhereIn<{ subscription_id: string; license_type: LicenseType }>(
      manager,
      sources.map((s) => s.subscription_id),
      (inList) =>
        `SELECT DISTINCT subscription_id, license_type FROM entitlements
           WHERE subscription_id IN (${inList})`,
    );
    const typesBySubscription = new Map<string, LicenseType[]>();
    for (const row of entitled) {
      const types = typesBySubscription.get(row.subscription_id) ?? [];
      types.push(row.license_type);
      typesBySubscription.set(row.subscription_id, types);
    }
    return sources.map((row) => ({
      facts: {
        id: row.id,
        sourceType: row.source_type,
        subscriptionId: row.subscription_id,
        customerId: row.customer_id,
        partnerId: row.partner_id,
        region: row.region,
      },
      licenseTypes: typesBySubscription.get(row.subscription_id) ?? [],
    }));
  };
}
