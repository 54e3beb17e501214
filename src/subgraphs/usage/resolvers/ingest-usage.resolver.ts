import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../../graphql/context';
import { badUserInput } from '../../../graphql/errors';
import { ingestUsageBatch } from '../ingest/usage-batch';
import { IngestUsagePayload } from '../types/ingest-usage-payload.type';
import { UsageRecordInput } from '../types/usage-record.input';

/** Records per ingestUsage call: one transaction of this size commits in well under a second. */
export const MAX_INGEST_RECORDS = 5000;

@Resolver()
export class IngestUsageResolver {
  @Mutation(() => IngestUsagePayload, {
    description:
      'Stores daily usage reported by a collector (USAGE_COLLECTOR role; any other viewer gets ' +
      'FORBIDDEN). Records are upserted on (source, license type, day). Idempotent: the same ' +
      'record twice changes nothing. Valid records are stored even when others in the batch are ' +
      'rejected; a failure of the store itself stores none of the batch. At most ' +
      `${MAX_INGEST_RECORDS} records per call (BAD_USER_INPUT beyond).`,
  })
  async ingestUsage(
    @Arg('records', () => [UsageRecordInput], {
      description: `At most ${MAX_INGEST_RECORDS} records`,
    })
    records: UsageRecordInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<IngestUsagePayload> {
    if (records.length > MAX_INGEST_RECORDS) {
      throw badUserInput(
        `records holds ${records.length} records; at most ${MAX_INGEST_RECORDS} are allowed per call: split the batch`,
        { argumentName: 'records' },
      );
    }
    // The permission rule let only a viewer with a collector role through.
    const scope = ctx.viewer!.scope;
    return ingestUsageBatch(
      ctx.ds,
      // Plain records with exactly the contract's fields, as the file importer passes them.
      records.map(({ sourceId, licenseType, date, consumed }) => ({
        sourceId,
        licenseType,
        date,
        consumed,
      })),
      {
        now: new Date(),
        // Sources the viewer may read exist for it anyway; any other is as good as unknown.
        canSee: (source) => scope.allows('ingest', source) || scope.allows('read', source),
        canWrite: (source) => scope.allows('ingest', source),
      },
    );
  }
}
