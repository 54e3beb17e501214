import { ArgsType, Field, Int } from 'type-graphql';
import { DEFAULT_RECLAIMABLE_WINDOW_DAYS } from '../../../db/queries/reclaimable';
import { AsOfArgs, asOfDay } from '../../../graphql/as-of.args';
import type { RequestContext } from '../../../graphql/context';
import { badUserInput } from '../../../graphql/errors';

const DEFAULT_WINDOW_DAYS = DEFAULT_RECLAIMABLE_WINDOW_DAYS;

/** Customer.reclaimable. */
@ArgsType()
export class ReclaimableArgs extends AsOfArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_WINDOW_DAYS,
    description:
      'Days of the window that ends on asOf, from 1 to RECLAIMABLE_MAX_WINDOW_DAYS (default 365)',
  })
  windowDays?: number | null;
}

/** The loader's arguments, after refusing a window out of range. */
export function reclaimableArguments(
  args: ReclaimableArgs,
  ctx: RequestContext,
): { asOf: string; windowDays: number } {
  const max = ctx.settings.series.maxReclaimableWindowDays;
  // An explicit null means the default, as leaving the argument out does.
  const windowDays = args.windowDays ?? DEFAULT_WINDOW_DAYS;
  if (!(windowDays >= 1 && windowDays <= max)) {
    throw badUserInput(`windowDays must be from 1 to ${max}, got ${windowDays}`, {
      argumentName: 'windowDays',
    });
  }
  return { asOf: asOfDay(args, ctx), windowDays };
}
