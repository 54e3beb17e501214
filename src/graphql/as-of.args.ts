import { ArgsType, Field } from 'type-graphql';
import type { RequestContext } from './context';
import { DateScalar } from './scalars';

@ArgsType()
export class AsOfArgs {
  @Field(() => DateScalar, { nullable: true, description: 'Defaults to today (UTC)' })
  asOf?: string | null;
}

/** The day asked for, or today in UTC as the request started. */
export function asOfDay(args: AsOfArgs, ctx: RequestContext): string {
  return args.asOf ?? ctx.today;
}
