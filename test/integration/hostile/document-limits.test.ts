import { QUERY_LIMIT_DEFAULTS } from '../../../src/config';
import { GATEWAY_HEADERS, postGraphQL } from '../../support/stack';
import { useFixtureStack } from '../e2e/fixture-stack';

// Document limits (README, Security), through the gateway and against a subgraph directly, each
// next to the legitimate request of the same shape at the limit: depth, aliases counted after
// fragment expansion, tokens, characters, directives, a fragment fan-out, a fragment cycle. A
// refusal is HTTP 400 with a typed code and never reaches a resolver.

const LIMITS = QUERY_LIMIT_DEFAULTS;

/** Partner → customers → nodes → partner → … nested `depth` levels deep, a leaf at the bottom. */
function deepQuery(depth: number): string {
  const levels = ['partner(id: "p-north")', 'customers(first: 1)', 'nodes'];
  const leaves = ['id', 'totalCount', 'id'];
  const cycle = ['partner', 'customers(first: 1)', 'nodes'];
  let open = '';
  for (let level = 0; level < depth - 1; level++) {
    open += `${level < 3 ? levels[level] : cycle[level % 3]} { `;
  }
  return `{ ${open}${leaves[(depth - 1) % 3]}${' }'.repeat(depth - 1)} }`;
}

/** `aliases` aliased fields, written as a fragment of `perFragment` spread as often as needed. */
function aliasedQuery(aliases: number): string {
  const spreads = Math.floor(aliases / 3);
  const rest = aliases % 3;
  const extra = Array.from({ length: rest }, (_, i) => `r${i}: viewer { user { id } }`).join(' ');
  return `query { ${'...Three '.repeat(spreads)} ${extra} }
    fragment Three on Query { a: viewer { user { id } } b: viewer { user { id } } c: viewer { user { id } } }`;
}

/**
 * A document of exactly `tokens` lexical tokens (at least 17): spreads of one fragment, which
 * graphql-js merges cheaply (`id id id …` would hit its own budget for comparing fields).
 */
function tokensQuery(tokens: number): string {
  const spreads = Math.floor((tokens - 15) / 2);
  const odd = (tokens - 15) % 2 === 1 ? '__typename ' : '';
  return `{ viewer { user { ${odd}${'...U '.repeat(spreads)}} } } fragment U on User { id }`;
}

/** A document of exactly `characters` characters, padded by a comment. */
function charactersQuery(characters: number): string {
  const query = '{ viewer { user { id } } }\n#';
  return query + 'x'.repeat(characters - query.length);
}

function directivesQuery(directives: number): string {
  return `{ viewer { user { ${'id @include(if: true) '.repeat(directives)}} } }`;
}

function fanOut(levels: number, width: number, alias = ''): string {
  const fragments = [`fragment F0 on Query { ${alias}viewer { user { id } } }`];
  for (let i = 1; i <= levels; i++) {
    fragments.push(`fragment F${i} on Query { ${`...F${i - 1} `.repeat(width)}}`);
  }
  return `query { ...F${levels} } ${fragments.join(' ')}`;
}

const CYCLE = `query { ...A }
  fragment A on Query { viewer { user { id } } ...B }
  fragment B on Query { viewer { user { email } } ...A }`;
const NO_CYCLE = `query { ...A }
  fragment A on Query { viewer { user { id } } ...B }
  fragment B on Query { viewer { user { email } } }`;

describe('document limits', () => {
  const { stack } = useFixtureStack();

  type Target = 'gateway' | 'organizations subgraph';
  async function send(target: Target, query: string) {
    const url = target === 'gateway' ? stack.gatewayUrl : stack.stack.servers.organizations!.url;
    return postGraphQL(
      url,
      query,
      {},
      {
        ...GATEWAY_HEADERS,
        authorization: `Bearer ${await stack.token('u-pfa-north')}`,
      },
    );
  }

  async function expectAnswered(target: Target, query: string) {
    const { status, body } = await send(target, query);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(body.data).toBeTruthy();
  }

  async function expectRefused(target: Target, query: string, code: string, limit?: string) {
    const { status, body } = await send(target, query);
    expect(status).toBe(400);
    expect(body.data ?? undefined).toBeUndefined();
    expect(body.errors?.[0].extensions?.code).toBe(code);
    if (limit) expect(body.errors?.[0].extensions?.limit).toBe(limit);
    return body.errors![0].message;
  }

  describe.each<Target>(['gateway', 'organizations subgraph'])('%s', (target) => {
    it(`answers a selection ${LIMITS.maxDepth} deep and refuses one level more`, async () => {
      await expectAnswered(target, deepQuery(LIMITS.maxDepth));
      const message = await expectRefused(
        target,
        deepQuery(LIMITS.maxDepth + 1),
        'GRAPHQL_VALIDATION_FAILED',
        'depth',
      );
      expect(message).toMatch(`nests ${LIMITS.maxDepth + 1} levels deep`);
    });

    it(`counts aliases after fragment expansion: ${LIMITS.maxAliases} pass, one more does not`, async () => {
      await expectAnswered(target, aliasedQuery(LIMITS.maxAliases));
      const message = await expectRefused(
        target,
        aliasedQuery(LIMITS.maxAliases + 1),
        'GRAPHQL_VALIDATION_FAILED',
        'aliases',
      );
      expect(message).toMatch(`uses ${LIMITS.maxAliases + 1} aliases`);
    });

    it(`parses ${LIMITS.maxTokens} tokens and refuses one more`, async () => {
      await expectAnswered(target, tokensQuery(LIMITS.maxTokens));
      const message = await expectRefused(
        target,
        tokensQuery(LIMITS.maxTokens + 1),
        'GRAPHQL_PARSE_FAILED',
      );
      expect(message).toMatch(`${LIMITS.maxTokens} tokens`);
    });

    it(`reads ${LIMITS.maxCharacters} characters and refuses one more`, async () => {
      await expectAnswered(target, charactersQuery(LIMITS.maxCharacters));
      await expectRefused(
        target,
        charactersQuery(LIMITS.maxCharacters + 1),
        'GRAPHQL_PARSE_FAILED',
        'characters',
      );
    });

    it(`answers ${LIMITS.maxDirectives} directives and refuses one more`, async () => {
      await expectAnswered(target, directivesQuery(LIMITS.maxDirectives));
      await expectRefused(
        target,
        directivesQuery(LIMITS.maxDirectives + 1),
        'GRAPHQL_VALIDATION_FAILED',
        'directives',
      );
    });

    it('refuses a fragment fan-out of 10^8 aliased fields, answers a small one', async () => {
      await expectAnswered(target, fanOut(2, 2, 'v: '));
      await expectRefused(target, fanOut(8, 10, 'v: '), 'GRAPHQL_VALIDATION_FAILED', 'aliases');
    });

    it('refuses a fragment cycle with 400, answers the same fragments without it', async () => {
      await expectAnswered(target, NO_CYCLE);
      const message = await expectRefused(target, CYCLE, 'GRAPHQL_VALIDATION_FAILED');
      expect(message).toMatch(/Cannot spread fragment "A" within itself/);
    });
  });

  it('refuses a fragment fan-out of 10^8 fields at the gateway by its cost', async () => {
    await expectAnswered('gateway', fanOut(2, 2));
    await expectRefused('gateway', fanOut(8, 10), 'COST_LIMIT_EXCEEDED');
  });
});
