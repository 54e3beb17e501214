import {
  GraphQLError,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  Kind,
  graphql,
  parseValue as parseValueNode,
} from 'graphql';
import type { GraphQLScalarType } from 'graphql';
import { DateScalar, DateTimeScalar } from '../../../src/graphql/scalars';

// Date and DateTime accept strict ISO 8601 only, from variables (parseValue) and from the query
// text (parseLiteral) alike, and refuse anything else as BAD_USER_INPUT naming the scalar.

const GOOD_DAYS = ['2026-11-29', '2024-02-29', '2000-02-29', '2026-01-01', '2026-12-31'];

const BAD_DAYS: unknown[] = [
  '2026-2-3',
  '2026-02-30',
  '2025-02-29',
  '1900-02-29',
  '2026-13-01',
  '2026-00-10',
  '2026-11-00',
  '2026-11-31',
  '20261129',
  '26-11-29',
  '+2026-11-29',
  '2026/11/29',
  '29.11.2026',
  'Nov 29 2026',
  '2026-11-29T00:00:00Z',
  ' 2026-11-29',
  '2026-11-29 ',
  '2026-11-29\n',
  '２０２６-11-29',
  '',
  20261129,
  1796083200000,
  0,
  true,
  null,
  undefined,
  NaN,
  {},
  [],
  ['2026-11-29'],
  new Date('invalid'),
];

const GOOD_INSTANTS: Array<[string, string]> = [
  ['2026-11-29T10:00:00Z', '2026-11-29T10:00:00.000Z'],
  ['2026-11-29T10:00:00+05:30', '2026-11-29T04:30:00.000Z'],
  ['2026-11-29T10:00:00-08:00', '2026-11-29T18:00:00.000Z'],
  ['2026-11-29T10:00:00+00:00', '2026-11-29T10:00:00.000Z'],
  ['2026-11-29T10:00:00.5Z', '2026-11-29T10:00:00.500Z'],
  ['2026-11-29T10:00:00.123Z', '2026-11-29T10:00:00.123Z'],
  ['2026-11-29T10:00:00.123456789+01:00', '2026-11-29T09:00:00.123Z'],
  ['2024-02-29T23:59:59Z', '2024-02-29T23:59:59.000Z'],
  ['2026-11-29T00:30:00+01:00', '2026-11-28T23:30:00.000Z'],
];

const BAD_INSTANTS: unknown[] = [
  '2026-11-29T10:00:00',
  '2026-11-29 10:00:00Z',
  '2026-11-29T24:00:00Z',
  '2026-11-29T10:60:00Z',
  '2026-11-29T10:00:60Z',
  '2026-11-29T10:00Z',
  '2026-11-29T10:00:00.Z',
  '2026-11-29T10:00:00.1234567890Z',
  '2026-11-29T10:00:00+0530',
  '2026-11-29T10:00:00+05',
  '2026-11-29T10:00:00+25:00',
  '2026-11-29T10:00:00+05:60',
  '2026-11-29T10:00:00z',
  '2026-11-29t10:00:00Z',
  '2026-02-30T10:00:00Z',
  '2025-02-29T10:00:00Z',
  '2026-13-01T10:00:00Z',
  '2026-2-3T10:00:00Z',
  '20261129T100000Z',
  '2026-11-29',
  'T24:00:00Z',
  '10:00:00Z',
  ' 2026-11-29T10:00:00Z',
  '2026-11-29T10:00:00Z ',
  'Sun, 29 Nov 2026 10:00:00 GMT',
  '',
  1796119200000,
  0,
  false,
  null,
  undefined,
  {},
  [],
];

/** The error `run` throws; fails the test when it throws nothing. */
function errorOf(run: () => unknown): GraphQLError {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error(`expected an error, got ${String(result)}`);
}

function expectRefusal(scalar: GraphQLScalarType, run: () => unknown) {
  const error = errorOf(run);
  expect(error).toBeInstanceOf(GraphQLError);
  expect({
    code: error.extensions.code,
    names: error.message.startsWith(`${scalar.name} `),
  }).toEqual({ code: 'BAD_USER_INPUT', names: true });
}

/** A string's literal as the query text would carry it. */
const stringLiteral = (value: string) => ({ kind: Kind.STRING, value }) as const;

describe('Date', () => {
  it.each(GOOD_DAYS)('accepts %j as a variable, a literal and a result', (day) => {
    expect(DateScalar.parseValue(day)).toBe(day);
    expect(DateScalar.parseLiteral(stringLiteral(day))).toBe(day);
    expect(DateScalar.serialize(day)).toBe(day);
  });

  it.each(BAD_DAYS.map((value) => [value]))('refuses the variable %j', (value) => {
    expectRefusal(DateScalar, () => DateScalar.parseValue(value));
  });

  it.each(BAD_DAYS.filter((v): v is string => typeof v === 'string').map((v) => [v]))(
    'refuses the string literal %j',
    (value) => {
      expectRefusal(DateScalar, () => DateScalar.parseLiteral(stringLiteral(value)));
    },
  );

  it.each(['20261129', '2026.5', 'true', 'null', 'DAY', '["2026-11-29"]', '{ day: "2026-11-29" }'])(
    'refuses the non-string literal %s',
    (literal) => {
      expectRefusal(DateScalar, () => DateScalar.parseLiteral(parseValueNode(literal)));
    },
  );

  it('serializes a JS Date as its UTC day', () => {
    expect(DateScalar.serialize(new Date('2026-11-29T23:30:00-05:00'))).toBe('2026-11-30');
  });

  it.each(BAD_DAYS.filter((v) => v !== undefined && v !== null).map((v) => [v]))(
    'will not serialize %j, naming the scalar',
    (value) => {
      // A result the server cannot represent is its own fault, not the client's: no
      // BAD_USER_INPUT, so that the client sees the generic internal error.
      const error = errorOf(() => DateScalar.serialize(value));
      expect(error.message).toMatch(/^Date /);
      expect(error.extensions.code).toBeUndefined();
    },
  );
});

describe('DateTime', () => {
  it.each(GOOD_INSTANTS)('accepts %j as the instant %s', (text, iso) => {
    expect((DateTimeScalar.parseValue(text) as Date).toISOString()).toBe(iso);
    expect((DateTimeScalar.parseLiteral(stringLiteral(text)) as Date).toISOString()).toBe(iso);
    expect(DateTimeScalar.serialize(text)).toBe(iso);
    expect(DateTimeScalar.serialize(new Date(iso))).toBe(iso);
  });

  it.each(BAD_INSTANTS.map((value) => [value]))('refuses the variable %j', (value) => {
    expectRefusal(DateTimeScalar, () => DateTimeScalar.parseValue(value));
  });

  it.each(BAD_INSTANTS.filter((v): v is string => typeof v === 'string').map((v) => [v]))(
    'refuses the string literal %j',
    (value) => {
      expectRefusal(DateTimeScalar, () => DateTimeScalar.parseLiteral(stringLiteral(value)));
    },
  );

  it.each(['1796119200000', '1.5', 'false', 'null', 'NOW', '["2026-11-29T10:00:00Z"]'])(
    'refuses the non-string literal %s',
    (literal) => {
      expectRefusal(DateTimeScalar, () => DateTimeScalar.parseLiteral(parseValueNode(literal)));
    },
  );

  it.each(
    [...BAD_INSTANTS.filter((v) => v !== undefined && v !== null), new Date('x')].map((v) => [v]),
  )('will not serialize %j, naming the scalar', (value) => {
    const error = errorOf(() => DateTimeScalar.serialize(value));
    expect(error.message).toMatch(/^DateTime /);
    expect(error.extensions.code).toBeUndefined();
  });
});

describe('through an operation', () => {
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        day: {
          type: GraphQLString,
          args: { on: { type: DateScalar } },
          resolve: (_root, args: { on: string }) => args.on,
        },
        instant: {
          type: GraphQLString,
          args: { at: { type: DateTimeScalar } },
          resolve: (_root, args: { at: Date }) => args.at.toISOString(),
        },
      },
    }),
  });

  it.each([
    ['query($on: Date) { day(on: $on) }', { on: '2026-02-30' }, 'Date'],
    ['{ day(on: "2026-02-30") }', {}, 'Date'],
    ['{ day(on: 20260230) }', {}, 'Date'],
    ['query($at: DateTime) { instant(at: $at) }', { at: '2026-11-29T10:00:00' }, 'DateTime'],
    ['{ instant(at: "2026-11-29 10:00:00Z") }', {}, 'DateTime'],
  ])('%s reaches the client as BAD_USER_INPUT naming the scalar', async (source, vars, name) => {
    const result = await graphql({ schema, source, variableValues: vars });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toContain(`${name} must be`);
  });

  it('hands the resolvers the day as given and the instant as a Date', async () => {
    const result = await graphql({
      schema,
      source: 'query($at: DateTime) { day(on: "2024-02-29") instant(at: $at) }',
      variableValues: { at: '2026-11-29T10:00:00+05:30' },
    });
    expect(result).toEqual({ data: { day: '2024-02-29', instant: '2026-11-29T04:30:00.000Z' } });
  });
});
