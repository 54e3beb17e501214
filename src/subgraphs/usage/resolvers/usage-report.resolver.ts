import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../../graphql/context';
import { viewerOf } from '../../../graphql/viewer-of';
import { reportGrant, reportRows } from '../report/report-rows';
import { UsageReport } from '../types/usage-report.type';
import { MAX_REPORT_ROWS } from '../../../graphql/report-limits';
import { MAX_REPORT_RANGE_DAYS, UsageReportArgs, reportQuery } from './usage-report.args';

@Resolver(() => UsageReport)
export class UsageReportResolver {
  @Query(() => UsageReport, {
    description:
      'Usage of everything the viewer may read (partner-wide only with partner analytics), ' +
      'grouped by any dimensions and bucketed by day, week (from Monday) or month, aggregated ' +
      `in SQL. from..to spans at most ${MAX_REPORT_RANGE_DAYS} days; a report of more than ` +
      `${MAX_REPORT_ROWS} rows is refused (BAD_USER_INPUT), and so is one whose statement runs ` +
      'longer than the server allows (REPORT_TIMEOUT_SECONDS, default 30 s; on MySQL): ' +
      'GET /reports/usage.csv streams any size with the same filter and grouping.',
  })
  async usageReport(
    @Args() args: UsageReportArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<UsageReport> {
    const query = { ...reportQuery(args), grant: reportGrant(viewerOf(ctx)) };
    return {
      rows: await reportRows(ctx.ds, query, MAX_REPORT_ROWS, ctx.settings.reports),
      generatedAt: new Date(),
    };
  }
}
