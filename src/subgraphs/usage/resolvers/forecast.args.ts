import { ArgsType, Field, Int } from 'type-graphql';
import { AsOfArgs, asOfDay } from '../../../graphql/as-of.args';
import type { RequestContext } from '../../../graphql/context';
import { LicenseType } from '../../../graphql/enums';
import { badUserInput } from '../../../graphql/errors';
import { DEFAULT_HISTORY_DAYS } from '../forecast/exhaustion';
import type { LicenseForecast } from '../types/planning/license-forecast.type';

/** Customer.forecast and LicenseSubscription.forecast. */
@ArgsType()
export class ForecastArgs extends AsOfArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_HISTORY_DAYS,
    description:
      'Days of history up to asOf to fit, from 1 to FORECAST_MAX_HISTORY_DAYS (default 365)',
  })
  historyDays?: number | null;

  @Field(() => [LicenseType], { nullable: true, description: 'Leave out for every license type' })
  licenseTypes?: LicenseType[] | null;
}

/** The loader's arguments, after refusing a history out of range or an empty type list. */
export function forecastArguments(
  args: ForecastArgs,
  ctx: RequestContext,
): { asOf: string; historyDays: number } {
  const max = ctx.settings.series.maxForecastHistoryDays;
  // An explicit null means the default, as leaving the argument out does.
  const historyDays = args.historyDays ?? DEFAULT_HISTORY_DAYS;
  if (!(historyDays >= 1 && historyDays <= max)) {
    throw badUserInput(`historyDays must be from 1 to ${max}, got ${historyDays}`, {
      argumentName: 'historyDays',
    });
  }
  if (args.licenseTypes && args.licenseTypes.length === 0) {
    throw badUserInput('licenseTypes must name at least one license type, or be left out', {
      argumentName: 'licenseTypes',
    });
  }
  return { asOf: asOfDay(args, ctx), historyDays };
}

/** The forecasts of the license types asked for (all when licenseTypes is left out). */
export function forecastsOfTypes(
  forecasts: LicenseForecast[],
  args: ForecastArgs,
): LicenseForecast[] {
  const wanted = args.licenseTypes ? new Set(args.licenseTypes) : null;
  return wanted ? forecasts.filter((f) => wanted.has(f.licenseType)) : forecasts;
}
