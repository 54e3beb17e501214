import { usageSubgraph } from '../../../src/subgraphs/usage';
import { useFixtureDatabase } from '../../support/fixture-database';
import { StatementCounter } from '../../support/statement-counter';
import { runAs } from '../../support/subgraph';
import { WEEK, deliveryDeps, scheduleOf } from './setup';
import { deliver } from '../../../src/subgraphs/usage/schedules/deliver';

// No N+1: reportSchedules with recipients and deliveries runs the same statements for one
// schedule as for many (deliveries made with a mailer that accepts everything).

const counter = new StatementCounter();
const { db } = useFixtureDatabase({ logger: counter });

const QUERY = `{ reportSchedules(customerId: "c-acme") {
  id owner { id } customer { id } recipients { id } filter { customerIds } groupBy
  deliveries(first: 3) { periodFrom status rows }
} }`;

async function statementsOfQuery(): Promise<{ schedules: number; statements: number }> {
  const { result, statements } = await counter.measure(() =>
    runAs(usageSubgraph, db.ds, 'u-ro-acme', QUERY),
  );
  expect(result.errors).toBeUndefined();
  const schedules = (result.data as { reportSchedules: unknown[] }).reportSchedules.length;
  return { schedules, statements: statements.length };
}

it('reads one schedule and six with the same statements', async () => {
  const deps = { ...deliveryDeps(db.ds, 'smtp://unused'), sendMail: async () => undefined };
  const add = async () => {
    const id = await scheduleOf(db.ds, 'u-fa-acme', ['u-ro-acme', 'u-sa-acme']);
    await deliver(deps, id, WEEK);
    await deliver(deps, id, { from: '2026-11-09', to: '2026-11-15' });
  };
  await add();
  const one = await statementsOfQuery();
  for (let i = 0; i < 5; i++) await add();
  const six = await statementsOfQuery();
  expect([one.schedules, six.schedules]).toEqual([1, 6]);
  expect(six.statements).toBe(one.statements);
});
