import { SUBGRAPH_NAMES } from '../../config';
import type { SubgraphName } from '../../config';
import { showUrl } from './check';
import type { CheckResult } from './check';

// When the gateway is told where the subgraphs run (ORGANIZATIONS_URL, SUBSCRIPTIONS_URL,
// USAGE_URL), each must answer /health/ready (its process runs and its database answers).

async function checkOne(name: SubgraphName, url: string, timeoutMs: number): Promise<CheckResult> {
  const ready = new URL('/health/ready', url).toString();
  const response = await fetch(ready, { signal: AbortSignal.timeout(timeoutMs) });
  await response.body?.cancel();
  return response.ok
    ? { name: `subgraph ${name}`, status: 'ok', detail: `${showUrl(ready)} is ready` }
    : {
        name: `subgraph ${name}`,
        status: 'fail',
        detail: `${showUrl(ready)}: HTTP ${response.status}`,
      };
}

/** One check per subgraph; each its own promise, so that one failure does not hide the others. */
export function subgraphChecks(
  urls: Record<SubgraphName, string> | null,
  timeoutMs: number,
): Array<{ name: string; target: string; run: () => Promise<CheckResult> }> {
  if (urls === null) return [];
  return SUBGRAPH_NAMES.map((name) => ({
    name: `subgraph ${name}`,
    target: showUrl(new URL('/health/ready', urls[name]).toString()),
    run: () => checkOne(name, urls[name], timeoutMs),
  }));
}
