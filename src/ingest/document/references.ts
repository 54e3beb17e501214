import { SourceType, SubscriptionKind } from '../../db/enums';
import { fieldPath } from '../validate/fields';
import type { Sink } from '../validate/fields';
import { caseVariantKey } from './existing';
import type { DocumentWorld } from './world';

// The checks that need the database: every id a record refers to exists (in this document or
// already stored), clusters and tenants hang under subscriptions of the right kind, an id keeps
// its kind, an email belongs to one user. Usage records are checked by the shared usage checker.

const SOURCE_KIND = {
  [SourceType.CLUSTER]: {
    kind: SubscriptionKind.DEDICATED_INSTANCE,
    name: 'cluster',
    plural: 'clusters',
  },
  [SourceType.TENANT]: { kind: SubscriptionKind.MULTI_TENANT, name: 'tenant', plural: 'tenants' },
};

export function checkReferences(world: DocumentWorld, sink: Sink): void {
  const { doc, existing } = world;

  const reportUnknown = (path: string, what: string, table: string, id: string) => {
    // A record refused for another field is reported there; saying "unknown" again would mislead.
    if (doc.refusedIds.has(id)) return;
    const stored = existing.caseVariants.get(caseVariantKey(table, id));
    sink(path, `unknown ${what} "${id}"${stored ? ` (the stored id is spelled "${stored}")` : ''}`);
  };
  const checkNewId = (path: string, table: string, id: string, isStored: boolean) => {
    const stored = existing.caseVariants.get(caseVariantKey(table, id));
    if (!isStored && stored) {
      sink(
        fieldPath(path, 'id'),
        `"${id}" differs only in letter case from the stored id "${stored}"`,
      );
    }
  };

  for (const p of doc.partners) checkNewId(p.path, 'partners', p.id, existing.partners.has(p.id));
  for (const c of doc.customers) {
    checkNewId(c.path, 'customers', c.id, existing.customers.has(c.id));
    if (!world.hasPartner(c.partnerId))
      reportUnknown(fieldPath(c.path, 'partnerId'), 'partner', 'partners', c.partnerId);
  }
  for (const s of doc.subscriptions) {
    checkNewId(s.path, 'subscriptions', s.id, existing.subscriptions.has(s.id));
    if (world.partnerOf(s.customerId) === undefined) {
      reportUnknown(fieldPath(s.path, 'customerId'), 'customer', 'customers', s.customerId);
    }
    const stayingSources = (existing.sourcesOfRekindedSubscriptions.get(s.id) ?? []).filter(
      (source) =>
        world.source(source.id)?.subscriptionId === s.id &&
        SOURCE_KIND[source.sourceType].kind !== s.kind,
    );
    if (stayingSources.length > 0) {
      const { plural } = SOURCE_KIND[stayingSources[0].sourceType];
      sink(
        fieldPath(s.path, 'kind'),
        `cannot become ${s.kind} while it has ${plural}: ${stayingSources
          .map((x) => x.id)
          .slice(0, 5)
          .join(', ')}`,
      );
    }
  }

  const sources = [
    ...doc.clusters.map((record) => ({ record, type: SourceType.CLUSTER })),
    ...doc.tenants.map((record) => ({ record, type: SourceType.TENANT })),
  ];
  for (const { record, type } of sources) {
    const stored = existing.sources.get(record.id);
    checkNewId(record.path, 'usage_sources', record.id, stored !== undefined);
    const { kind, name } = SOURCE_KIND[type];
    if (stored && stored.sourceType !== type) {
      sink(
        fieldPath(record.path, 'id'),
        `"${record.id}" is a stored ${SOURCE_KIND[stored.sourceType].name}; a ${name} cannot take its id`,
      );
    }
    const subscription = world.subscription(record.subscriptionId);
    const path = fieldPath(record.path, 'subscriptionId');
    if (!subscription) reportUnknown(path, 'subscription', 'subscriptions', record.subscriptionId);
    else if (subscription.kind !== kind) {
      sink(
        path,
        `subscription "${record.subscriptionId}" is ${subscription.kind}; a ${name} belongs to a ${kind} subscription`,
      );
    }
  }

  for (const u of doc.users) {
    checkNewId(u.path, 'users', u.id, existing.users.has(u.id));
    const owner = existing.userByEmail.get(u.email.toLowerCase());
    if (owner !== undefined && owner !== u.id) {
      sink(fieldPath(u.path, 'email'), `"${u.email}" is already the email of user "${owner}"`);
    }
  }

  for (const a of doc.roleAssignments) {
    if (!world.hasUser(a.userId))
      reportUnknown(fieldPath(a.path, 'userId'), 'user', 'users', a.userId);
    if (a.partnerId !== null && !world.hasPartner(a.partnerId)) {
      reportUnknown(fieldPath(a.path, 'partnerId'), 'partner', 'partners', a.partnerId);
    }
    if (a.customerId !== null && world.partnerOf(a.customerId) === undefined) {
      reportUnknown(fieldPath(a.path, 'customerId'), 'customer', 'customers', a.customerId);
    }
  }
}
