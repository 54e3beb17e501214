import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { LICENSE_TYPES } from '../../../db/enums';
import { Granularity, UsageDimension } from '../../../graphql/enums';
import { badUserInput } from '../../../graphql/errors';
import { DateScalar } from '../../../graphql/scalars';
import { epochDay } from '../../../days';
import type { ReportQuery } from '../report/report-query';
import { ScheduledReportFilter } from '../schedules/api/report-filter.type';

/** Three years of days, as for a source's usage series. */
export const MAX_REPORT_RANGE_DAYS = 1096;
/** Ids or regions one filter list may name. */
const MAX_FILTER_VALUES = 500;

@InputType('UsageReportFilter', {
  description:
    'What the report covers, always cut to what the viewer may read: partner-wide only with a ' +
    'partner full or read-only admin role, otherwise the customers the viewer reads. A list ' +
    `names 1 to ${MAX_FILTER_VALUES} values; from..to spans at most ${MAX_REPORT_RANGE_DAYS} days.`,
})
export class UsageReportFilter extends ScheduledReportFilter {
  @Field(() => ID, { nullable: true })
  partnerId?: string | null;

  @Field(() => DateScalar, { description: 'First day, included' })
  from!: string;

  @Field(() => DateScalar, { description: 'Last day, included' })
  to!: string;
}

@ArgsType()
export class UsageReportArgs {
  @Field(() => UsageReportFilter)
  filter!: UsageReportFilter;

  @Field(() => [UsageDimension], { description: 'Any subset, in any order; may be empty' })
  groupBy!: UsageDimension[];

  @Field(() => Granularity, { defaultValue: Granularity.MONTH })
  granularity!: Granularity;
}

function list<T>(values: T[] | null | undefined, name: string): T[] | null {
  if (values === null || values === undefined) return null;
  if (values.length === 0 || values.length > MAX_FILTER_VALUES) {
    throw badUserInput(
      `filter.${name} must name 1 to ${MAX_FILTER_VALUES} values, or be left out`,
      { argumentName: `filter.${name}` },
    );
  }
  return [...new Set(values)].sort();
}

/** Checks the arguments (also those of the CSV export) and turns them into a report query. */
export function reportQuery(args: UsageReportArgs): Omit<ReportQuery, 'grant'> {
  const { filter } = args;
  const from = epochDay(filter.from);
  const to = epochDay(filter.to);
  if (from === undefined || to === undefined) {
    throw badUserInput('filter.from and filter.to must be days written YYYY-MM-DD');
  }
  if (from > to) {
    throw badUserInput(`filter.from (${filter.from}) is after filter.to (${filter.to})`, {
      argumentName: 'filter.from',
    });
  }
  if (to - from + 1 > MAX_REPORT_RANGE_DAYS) {
    throw badUserInput(
      `filter.from ${filter.from} to ${filter.to} spans ${to - from + 1} days; at most ${MAX_REPORT_RANGE_DAYS} are allowed`,
      { argumentName: 'filter.to' },
    );
  }
  const types = list(filter.licenseTypes, 'licenseTypes');
  const dimensions = new Set(args.groupBy);
  return {
    partnerId: filter.partnerId ?? null,
    customerIds: list(filter.customerIds, 'customerIds'),
    subscriptionIds: list(filter.subscriptionIds, 'subscriptionIds'),
    regions: list(filter.regions, 'regions'),
    licenseTypes: types ? LICENSE_TYPES.filter((type) => types.includes(type)) : null,
    from: filter.from,
    to: filter.to,
    groupBy: Object.values(UsageDimension).filter((d) => dimensions.has(d)),
    granularity: args.granularity,
  };
}
