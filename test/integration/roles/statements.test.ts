import { useOrganizationsDatabase } from '../organizations/setup';

// No N+1 in the role lists: the statements of a page of customers with their role assignments
// (and each assignment's user and scope) do not grow with the number of customers or roles.

const env = useOrganizationsDatabase();

const PAGE = `query($first: Int) {
  partner(id: "p-north") {
    roleAssignments { role user { id email } partner { id } }
    customers(first: $first) {
      nodes { id roleAssignments { role user { id email } customer { id } } }
    }
  }
}`;

interface Page {
  partner: { customers: { nodes: Array<{ roleAssignments: unknown[] }> } };
}

it('runs as many statements for two customers as for all of them', async () => {
  const counts: number[] = [];
  const roles: number[] = [];
  for (const first of [2, 50]) {
    const { result, statements } = await env.counter.measure(() =>
      env.run('u-pfa-north', PAGE, { first }),
    );
    expect(result.errors).toBeUndefined();
    const nodes = (result.data as unknown as Page).partner.customers.nodes;
    roles.push(nodes.reduce((n, c) => n + c.roleAssignments.length, 0));
    counts.push(statements.length);
  }
  const northCustomers = env.fixture.customers.filter((c) => c.partnerId === 'p-north').length;
  const northCustomerRoles = env.assignments.filter((a) =>
    env.fixture.customers.some((c) => c.id === a.customerId && c.partnerId === 'p-north'),
  ).length;
  expect(northCustomers).toBeGreaterThan(3);
  // The second page has every customer and every customer role of the partner, more than the first.
  expect(roles[1]).toBe(northCustomerRoles);
  expect(roles[1]).toBeGreaterThan(roles[0]);
  expect(counts[1]).toBe(counts[0]);
});
