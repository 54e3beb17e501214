import { usageSubgraph } from '../../../src/subgraphs/usage';
import { builtSubgraph } from '../../support/subgraph';

// Apollo Federation takes any object type named `Subscription` for the subscription ROOT type.
// When this subgraph contributed `Subscription.licenseSummary`, the gateway fetched that field
// from here with a `subscription` operation, which failed. So the field is resolved by the
// subscriptions subgraph, and this subgraph must not define (or extend) `Subscription` again.

describe('the usage subgraph schema', () => {
  it('has no Subscription type and no subscription root', async () => {
    const { schema, sdl } = await builtSubgraph(usageSubgraph);
    // A type it does define is found: the lookup of Subscription below is a real one.
    expect(schema.getType('Customer')).toBeDefined();
    expect(schema.getType('Subscription')).toBeUndefined();
    expect(schema.getSubscriptionType()).toBeFalsy();
    expect(sdl).not.toMatch(/\btype\s+Subscription\b/);
  });
});
