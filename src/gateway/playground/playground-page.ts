import { createHash } from 'node:crypto';
import { CONFIG_ELEMENT_ID, ROOT_ELEMENT_ID } from './boot-script';
import { scriptSafeJson } from '../page-policy';
import type { PlaygroundExample } from './playground-example';

// The HTML page of the playground. Everything it embeds is escaped for where it lands: attribute
// values for HTML, and the settings as a JSON data block that no text can break out of.

/** What the boot script reads from the page. */
export interface PlaygroundSettings {
  graphqlPath: string;
  tabs: Array<{ query: string; variables: string | null }>;
  /** The headers editor's starting content: the demo token, or null for none. */
  headers: string | null;
  persistHeaders: boolean;
  /** GraphiQL's localStorage prefix (see playgroundSettings). */
  storageNamespace: string;
}

/** The page fills the window and never scrolls itself (see the CSP in mount-playground.ts). */
export const PAGE_STYLE = `html, body, #${ROOT_ELEMENT_ID} { height: 100%; margin: 0; padding: 0; }
body { font-family: system-ui, sans-serif; }
`;

export function playgroundSettings(options: {
  examples: readonly PlaygroundExample[];
  demoToken: string | null;
  graphqlPath: string;
}): PlaygroundSettings {
  const headers =
    options.demoToken === null
      ? null
      : JSON.stringify({ Authorization: `Bearer ${options.demoToken}` }, null, 2);
  const tabs = options.examples.map((example) => ({
    query: example.query,
    variables: example.variables ? JSON.stringify(example.variables, null, 2) : null,
  }));
  // GraphiQL restores stored tabs in preference to the defaults. A new demo token or a changed set
  // of examples gets a fresh namespace, so a restarted demo never opens on an expired token.
  const namespace = createHash('sha256')
    .update(JSON.stringify({ headers, queries: tabs.map((tab) => tab.query) }))
    .digest('hex')
    .slice(0, 16);
  return {
    graphqlPath: options.graphqlPath,
    tabs,
    headers,
    // A pasted production token stays out of localStorage; the demo's may live there.
    persistHeaders: options.demoToken !== null,
    storageNamespace: `licensegraph-playground-${namespace}`,
  };
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

export function renderPlaygroundPage(
  settings: PlaygroundSettings,
  assets: { scripts: readonly string[]; styles: readonly string[] },
): string {
  const styles = assets.styles.map((url) => `<link rel="stylesheet" href="${escapeHtml(url)}">`);
  const scripts = assets.scripts.map((url) => `<script defer src="${escapeHtml(url)}"></script>`);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Licensegraph playground</title>',
    '<link rel="icon" href="data:,">',
    ...styles,
    `<script type="application/json" id="${CONFIG_ELEMENT_ID}">${scriptSafeJson(settings)}</script>`,
    ...scripts,
    '</head>',
    '<body>',
    `<div id="${ROOT_ELEMENT_ID}">Loading the playground…</div>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
