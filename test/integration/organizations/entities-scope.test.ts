import { entitiesQuery } from '../../support/subgraph';
import * as expected from './expected';
import { representations, useOrganizationsDatabase } from './setup';

// `_entities` for Partner, Customer, User and RoleAssignment: what the viewer may not see
// resolves to null, exactly like an id that does not exist, and every other reference resolves
// with its fields. The expectations apply the contract's role meanings to the fixture.

const env = useOrganizationsDatabase();

const users = () => env.fixture.users.map((u) => u.id);
const MISSING = 'no-such-id';

async function entities(userId: string, typename: string, selection: string, ids: string[]) {
  const data = await env.data(
    userId,
    entitiesQuery(typename, selection),
    representations(typename, ids),
  );
  return data._entities as unknown[];
}

function partnerOf(customerId: string) {
  const partnerId = expected.partnerOfCustomer(env.fixture, customerId);
  return { id: partnerId, name: env.fixture.partners.find((p) => p.id === partnerId)!.name };
}

describe('_entities', () => {
  it('resolves the partners each user may see: of a customer it sees, or of its own role', async () => {
    const ids = [...env.fixture.partners.map((p) => p.id), MISSING];
    for (const userId of users()) {
      const visible = expected.visiblePartners(env.fixture, userId);
      const want = ids.map((id) => {
        const partner = env.fixture.partners.find((p) => p.id === id);
        return partner && visible.has(id) ? { id, name: partner.name } : null;
      });
      expect({ userId, entities: await entities(userId, 'Partner', 'id name', ids) }).toEqual({
        userId,
        entities: want,
      });
    }
  });

  it('resolves the customers each user reads or its own roles name, with their partner', async () => {
    const ids = [...env.fixture.customers.map((c) => c.id), MISSING];
    for (const userId of users()) {
      const visible = expected.visibleCustomers(env.fixture, userId);
      const want = ids.map((id) => {
        const customer = env.fixture.customers.find((c) => c.id === id);
        return customer && visible.has(id)
          ? { id, name: customer.name, partner: partnerOf(id) }
          : null;
      });
      const answer = await entities(userId, 'Customer', 'id name partner { id name }', ids);
      expect({ userId, entities: answer }).toEqual({ userId, entities: want });
    }
  });

  it('resolves a user to itself, and to others only for admins of a scope they hold a role in', async () => {
    const ids = [...env.fixture.users.map((u) => u.id), MISSING];
    for (const userId of users()) {
      const want = ids.map((id) => {
        const user = env.fixture.users.find((u) => u.id === id);
        return user && expected.seesUser(env.fixture, userId, id)
          ? { id, email: user.email, displayName: user.displayName }
          : null;
      });
      const answer = await entities(userId, 'User', 'id email displayName', ids);
      expect({ userId, entities: answer }).toEqual({ userId, entities: want });
    }
  });

  it('resolves own role assignments, and others only for admins of their scope', async () => {
    const ids = [...env.assignments.map((a) => a.id), MISSING];
    for (const userId of users()) {
      const want = ids.map((id) => {
        const assignment = env.assignments.find((a) => a.id === id);
        if (!assignment || !expected.seesAssignment(env.fixture, userId, assignment)) return null;
        return {
          id,
          role: assignment.role,
          user: { id: assignment.userId },
          partner: assignment.partnerId ? { id: assignment.partnerId } : null,
          customer: assignment.customerId ? { id: assignment.customerId } : null,
        };
      });
      const answer = await entities(
        userId,
        'RoleAssignment',
        'id role user { id } partner { id } customer { id }',
        ids,
      );
      expect({ userId, entities: answer }).toEqual({ userId, entities: want });
    }
  });

  it('has each rule matter: someone sees less than everything, and someone more than itself', async () => {
    // Guards the loops above against a fixture in which every expectation is "all" or "none".
    const counts = (see: (userId: string) => number) => users().map(see);
    const partners = counts((u) => expected.visiblePartners(env.fixture, u).size);
    const userViews = counts(
      (u) => env.fixture.users.filter((o) => expected.seesUser(env.fixture, u, o.id)).length,
    );
    const assignmentViews = counts(
      (u) => env.assignments.filter((a) => expected.seesAssignment(env.fixture, u, a)).length,
    );
    for (const seen of [partners, userViews, assignmentViews]) {
      expect(new Set(seen).size).toBeGreaterThan(2);
    }
    // Support admins and partner admins read data, not who administers it.
    expect(userViews[users().indexOf('u-sa-acme')]).toBe(1);
    expect(userViews[users().indexOf('u-pa-north')]).toBe(1);
  });

  it('answers an out-of-scope reference exactly like a missing one', async () => {
    for (const [typename, id] of [
      ['Partner', 'p-south'],
      ['Customer', 'c-umbrella'],
      ['User', 'u-pfa-south'],
    ]) {
      const hidden = await env.run('u-pfa-north', entitiesQuery(typename, 'id'), {
        ...representations(typename, [id]),
      });
      const missing = await env.run('u-pfa-north', entitiesQuery(typename, 'id'), {
        ...representations(typename, [MISSING]),
      });
      expect({ typename, hidden }).toEqual({ typename, hidden: missing });
      expect(hidden).toEqual({ data: { _entities: [null] } });
    }
  });
});
