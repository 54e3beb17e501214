import { PartnerCustomerSubtreeDocument } from '../../generated/operations';
import { importDocument } from '../../../src/ingest/document/import-document';
import { uniformPlan } from '../../../src/ingest/seed/uniform-plan';
import { writeSeedUsage } from '../../../src/ingest/seed/write-usage';
import { openTestDatabase } from '../../support/database';
import type { TestDatabase } from '../../support/database';
import { StatementCounter } from '../../support/statement-counter';
import { startTestStack } from '../../support/stack';
import type { TestStack } from '../../support/stack';
import { send } from '../../support/typed-request';

// Issue 14: the partner subtree (PartnerCustomerSubtree) runs as many statements for 5 customers
// as for 50 or 130, through the gateway with the subgraphs apart (HTTP) and in process
// (SUBGRAPHS_IN_PROCESS), and in process at most the raw-SQL floor's 5 (bench/read-path) + 3.

const TODAY = '2026-11-29';
const SHAPE = {
  name: 'wide',
  customers: 130,
  days: 3,
  clustersPerCustomer: 2,
  serversPerCluster: 1,
  tenantsPerCustomer: 1,
};
const VIEWER = 'u-wide-partner';
const WIDTHS = [5, 50, 130];
const FLOOR = 5;

describe('PartnerCustomerSubtree statements at three widths', () => {
  const counter = new StatementCounter();
  let db: TestDatabase;

  beforeAll(async () => {
    db = await openTestDatabase({ logger: counter });
    const plan = uniformPlan(SHAPE, TODAY);
    const imported = await importDocument(db.ds, plan.document, 'test', {
      now: new Date(`${TODAY}T00:00:00Z`),
    });
    expect(imported.ok).toBe(true);
    await writeSeedUsage(db.ds, plan.sources(), () => undefined);
  });
  afterAll(() => db.close());

  async function countsAt(stack: TestStack): Promise<number[]> {
    const counts: number[] = [];
    for (const first of WIDTHS) {
      const variables = { partnerId: 'p-wide', first, asOf: TODAY };
      // The gateway asks once who the token's user is, and remembers it: not counted.
      await send(stack, PartnerCustomerSubtreeDocument, variables, VIEWER);
      const { result, statements } = await counter.measure(() =>
        send(stack, PartnerCustomerSubtreeDocument, variables, VIEWER),
      );
      expect(result.errors).toBeUndefined();
      const nodes = result.data!.partner!.customers.nodes;
      expect(nodes).toHaveLength(first);
      // Every customer has its two subscriptions, with their clusters, tenants and numbers.
      for (const node of nodes) {
        expect(node.subscriptions).toHaveLength(2);
        const sources = node.subscriptions.flatMap((s) => [...s.clusters, ...s.tenants]);
        expect(sources).toHaveLength(3);
        expect(sources.every((source) => (source.currentUsage?.length ?? 0) > 0)).toBe(true);
        expect(node.subscriptions.every((s) => s.licenseSummary.length > 0)).toBe(true);
      }
      counts.push(statements.length);
    }
    return counts;
  }

  it.each([
    ['apart (HTTP)', false],
    ['in process', true],
  ])('runs the same statements at every width, subgraphs %s', async (_label, inProcess) => {
    const stack = await startTestStack(db, undefined, { subgraphsInProcess: inProcess });
    try {
      const counts = await countsAt(stack);
      expect(new Set(counts).size).toBe(1);
      if (inProcess) expect(counts[0]).toBeLessThanOrEqual(FLOOR + 3);
    } finally {
      await stack.stop();
    }
  });
});
