import type { Express, RequestHandler } from 'express';
import { BOOT_SCRIPT } from './boot-script';
import { CACHE_FOR_A_YEAR, isLoopbackHost, pageHeaders, strictPagePolicy } from '../page-policy';
import type { PlaygroundExample } from './playground-example';
import { generatedAsset, packageAssets } from './playground-assets';
import type { PlaygroundAsset } from './playground-assets';
import { PAGE_STYLE, playgroundSettings, renderPlaygroundPage } from './playground-page';

// GET /graphql from a browser gets GraphiQL; every other request to /graphql (a GET query asking
// for JSON, any POST) goes on to Apollo, mounted after this.

export interface PlaygroundOptions {
  /** Opened as tabs, in this order; the first should need no variables (see boot-script.ts). */
  examples: PlaygroundExample[];
  /**
   * Put into the headers editor: only for the embedded demo setup, never a real deployment, and
   * only when the request's Host is a loopback name.
   */
  demoToken?: string | null;
  graphqlPath?: string;
}

/**
 * The one inline style GraphiQL 3.8 writes: the scroll lock (react-remove-scroll-bar) it puts on
 * <body> while a dialog is open. Its text holds the page's scrollbar width and body margins, which
 * this page keeps at zero, so it never varies and a hash admits it without 'unsafe-inline'. Should
 * it differ (a new GraphiQL, an odd zoom level) the browser blocks it, costing nothing here as the
 * page never scrolls, and the browser test reports the violation.
 */
const GRAPHIQL_SCROLL_LOCK_STYLE = "'sha256-Y/huXlwoYkVyQlxwSVcCi1RCDGDCSVBzDt0hYP9qlTc='";

/** The playground's policy: the strict page policy plus GraphiQL's scroll-lock style. */
export const PLAYGROUND_CSP = strictPagePolicy([GRAPHIQL_SCROLL_LOCK_STYLE]);

function serveAsset(app: Express, asset: PlaygroundAsset): void {
  app.get(asset.url, (_req, res) => {
    res.set({ 'Cache-Control': CACHE_FOR_A_YEAR, 'X-Content-Type-Options': 'nosniff' });
    if ('content' in asset) {
      res.type(asset.contentType).send(asset.content);
      return;
    }
    // dotfiles: the path is ours, and may well run through a hidden folder such as ~/.cache.
    res.sendFile(asset.file, { cacheControl: false, dotfiles: 'allow' }, (error) => {
      // Not Express's error page, which would show the server's paths.
      if (error && !res.headersSent) res.status(500).type('text').send('Asset unavailable');
    });
  });
}

export function mountPlayground(app: Express, options: PlaygroundOptions): void {
  const graphqlPath = options.graphqlPath ?? '/graphql';
  const packages = packageAssets();
  const boot = generatedAsset('boot', 'js', BOOT_SCRIPT);
  const style = generatedAsset('playground', 'css', PAGE_STYLE);
  for (const asset of [...Object.values(packages), boot, style]) serveAsset(app, asset);

  const render = (demoToken: string | null) =>
    renderPlaygroundPage(
      playgroundSettings({ examples: options.examples, demoToken, graphqlPath }),
      {
        styles: [packages.graphiqlStyle.url, style.url],
        scripts: [packages.react.url, packages.reactDom.url, packages.graphiqlScript.url, boot.url],
      },
    );
  const pageWithToken = render(options.demoToken ?? null);
  const page = render(null);
  const servePage: RequestHandler = (req, res, next) => {
    // The same URL answers HTML or JSON by Accept: caches must keep them apart.
    res.vary('Accept');
    if (req.accepts(['application/json', 'text/html']) !== 'text/html') {
      next();
      return;
    }
    // The page may carry the demo token: not for any cache, and only for a loopback Host.
    res.set(pageHeaders(PLAYGROUND_CSP));
    res.type('html').send(isLoopbackHost(req.headers.host) ? pageWithToken : page);
  };
  app.get(graphqlPath, servePage);
}
