import type DataLoader from 'dataloader';
import type { RequestContext } from './context';
import { perRequest } from './per-request';

/**
 * Loaders keyed by (parent id, field arguments): one loader per distinct set of arguments, each
 * batching the ids of every parent that asks the field with those arguments. A page of clusters
 * asking `usage(from, to)` alike is one batch, so one statement. `args` must be normalised by the
 * caller (defaults filled in, lists sorted): it is compared as JSON.
 */
export function perArguments<Args, Value>(
  create: (ctx: RequestContext, args: Args) => DataLoader<string, Value>,
): (ctx: RequestContext, args: Args) => DataLoader<string, Value> {
  const loaders = perRequest(
    (_ctx: RequestContext) => new Map<string, DataLoader<string, Value>>(),
  );
  return (ctx, args) => {
    const byArguments = loaders(ctx);
    const key = JSON.stringify(args);
    let loader = byArguments.get(key);
    if (!loader) {
      loader = create(ctx, args);
      byArguments.set(key, loader);
    }
    return loader;
  };
}
