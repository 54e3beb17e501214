import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import type { ValueNode } from 'graphql';
import { isDay, todayUtc } from '../days';

// Strict ISO 8601 scalars. A lenient parser (Date.parse, new Date) accepts "2026-2-30", "11/29/2026"
// and rolls impossible days over; a report on a day that does not exist must be refused instead.

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2}))$/;

function isIsoInstant(value: string): boolean {
  const match = INSTANT.exec(value);
  if (!match) return false;
  const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6])];
  // The offset is checked too: new Date() makes an Invalid Date of "+25:00" instead of failing.
  const [offsetHours, offsetMinutes] = [Number(match[8] ?? 0), Number(match[9] ?? 0)];
  return (
    isDay(value.slice(0, 10)) &&
    hour < 24 &&
    minute < 60 &&
    second < 60 &&
    offsetHours < 24 &&
    offsetMinutes < 60
  );
}

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function literalString(ast: ValueNode, scalar: string): string {
  if (ast.kind !== Kind.STRING) throw badInput(`${scalar} must be a string`);
  return ast.value;
}

function parseDay(value: unknown): string {
  if (typeof value !== 'string' || !isDay(value)) {
    throw badInput(`Date must be a calendar day as YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return value;
}

function parseInstant(value: unknown): Date {
  if (typeof value !== 'string' || !isIsoInstant(value)) {
    throw badInput(
      `DateTime must be ISO 8601 with an offset (2026-11-29T10:00:00Z), got ${JSON.stringify(value)}`,
    );
  }
  return new Date(value);
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar day, ISO 8601: 2026-11-29',
  serialize(value) {
    if (typeof value === 'string' && isDay(value)) return value;
    if (value instanceof Date && !Number.isNaN(value.getTime())) {
      return todayUtc(value);
    }
    throw new GraphQLError('Date cannot represent this value');
  },
  parseValue: parseDay,
  parseLiteral: (ast) => parseDay(literalString(ast, 'Date')),
});

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant, ISO 8601 with offset: 2026-11-29T10:00:00Z',
  serialize(value) {
    // A string goes through the same strict check as input: new Date() would read one without an
    // offset ("2026-11-29 10:00:00") in the server's local time zone, silently shifting it.
    const date =
      value instanceof Date
        ? value
        : typeof value === 'string' && isIsoInstant(value)
          ? new Date(value)
          : null;
    if (!date || Number.isNaN(date.getTime())) {
      throw new GraphQLError('DateTime cannot represent this value');
    }
    return date.toISOString();
  },
  parseValue: parseInstant,
  parseLiteral: (ast) => parseInstant(literalString(ast, 'DateTime')),
});
