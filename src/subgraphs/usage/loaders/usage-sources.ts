import type { SourceType } from '../../../db/enums';
import type { RequestContext } from '../../../graphql/context';
import { readableSourceLoader } from '../../../graphql/visible-loaders';
import type { ReadableSource } from '../../../graphql/visible-loaders';

export type UsageSourceRow = ReadableSource;

/** A reference to a Cluster or Tenant: null when out of scope, unknown, or of the other kind. */
export async function usageSourceOfType(
  ctx: RequestContext,
  id: string,
  sourceType: SourceType,
): Promise<UsageSourceRow | null> {
  const row = await readableSourceLoader(ctx).load(id);
  return row?.sourceType === sourceType ? row : null;
}
