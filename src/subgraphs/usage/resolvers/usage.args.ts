import { ArgsType, Field } from 'type-graphql';
import { LICENSE_TYPES } from '../../../db/enums';
import { Granularity, LicenseType } from '../../../graphql/enums';
import { badUserInput } from '../../../graphql/errors';
import { DateScalar } from '../../../graphql/scalars';
import { epochDay } from '../../../days';
import type { UsagePointArgs } from '../loaders/usage-points';

/** Three years of days: a daily series of that length is still a few thousand points a source. */
export const MAX_USAGE_RANGE_DAYS = 1096;

@ArgsType()
export class UsageArgs {
  @Field(() => DateScalar, { description: 'First day, included' })
  from!: string;

  @Field(() => DateScalar, {
    description: `Last day, included; on or after from, at most ${MAX_USAGE_RANGE_DAYS} days in all`,
  })
  to!: string;

  @Field(() => Granularity, { defaultValue: Granularity.DAY })
  granularity!: Granularity;

  @Field(() => [LicenseType], { nullable: true, description: 'Leave out for every license type' })
  licenseTypes?: LicenseType[] | null;
}

/** Checks the range and turns the arguments into a loader key (types distinct, contract order). */
export function usagePointArgs(args: UsageArgs): UsagePointArgs {
  const from = epochDay(args.from);
  const to = epochDay(args.to);
  if (from === undefined || to === undefined) {
    throw badUserInput('from and to must be days between 1000-01-01 and 9999-12-31');
  }
  if (from > to) {
    throw badUserInput(`from (${args.from}) is after to (${args.to})`, { argumentName: 'from' });
  }
  if (to - from + 1 > MAX_USAGE_RANGE_DAYS) {
    throw badUserInput(
      `from ${args.from} to ${args.to} spans ${to - from + 1} days; at most ${MAX_USAGE_RANGE_DAYS} are allowed`,
      { argumentName: 'to' },
    );
  }
  if (args.licenseTypes && args.licenseTypes.length === 0) {
    throw badUserInput('licenseTypes must name at least one license type, or be left out', {
      argumentName: 'licenseTypes',
    });
  }
  const wanted = args.licenseTypes ? new Set(args.licenseTypes) : null;
  return {
    from: args.from,
    to: args.to,
    bucket: args.granularity,
    licenseTypes: wanted ? LICENSE_TYPES.filter((type) => wanted.has(type)) : null,
  };
}
