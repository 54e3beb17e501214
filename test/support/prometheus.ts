// Reading a /metrics answer (Prometheus text format) in tests: the value of one series.

/** The samples of `text` as "name{a=\"1\",b=\"2\"}" → value, labels sorted by name. */
export function parseMetrics(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const labels = [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)]
      .map(([, key, value]) => `${key}="${value}"`)
      .sort();
    samples.set(`${match[1]}{${labels.join(',')}}`, Number(match[3]));
  }
  return samples;
}

/** The value of `name` with exactly `labels` (0 when the series does not exist yet). */
export function sampleOf(
  samples: Map<string, number>,
  name: string,
  labels: Record<string, string> = {},
): number {
  const key = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .sort()
    .join(',');
  return samples.get(`${name}{${key}}`) ?? 0;
}

/** The sum of `name` over every series whose labels include `labels`. */
export function sumOf(
  samples: Map<string, number>,
  name: string,
  labels: Record<string, string> = {},
): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  let sum = 0;
  for (const [key, value] of samples) {
    if (!key.startsWith(`${name}{`)) continue;
    const inside = key.slice(name.length + 1, -1).split(',');
    if (wanted.every((pair) => inside.includes(pair))) sum += value;
  }
  return sum;
}

/** GET /metrics of the server whose GraphQL endpoint is `graphqlUrl`. */
export async function scrape(
  graphqlUrl: string,
  headers: Record<string, string> = {},
): Promise<Map<string, number>> {
  const response = await fetch(graphqlUrl.replace(/\/graphql$/, '/metrics'), { headers });
  if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`);
  return parseMetrics(await response.text());
}
