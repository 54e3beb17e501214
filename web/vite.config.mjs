import path from 'node:path';
import { defineConfig } from 'vite';

// The dashboard's build (bin/build-web.js runs it): web/ → dist/web/, served by the gateway at
// /app. Every asset is a file named by its content hash; nothing is inlined into the page, which
// the gateway sends under a policy without inline script.

const here = import.meta.dirname;

export default defineConfig({
  root: here,
  base: '/app/',
  // Vite's own cache stays out of the checkout's node_modules/.vite of other tools.
  cacheDir: path.join(here, '..', 'node_modules', '.cache', 'licensegraph-vite'),
  publicDir: false,
  clearScreen: false,
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: path.join(here, '..', 'dist', 'web'),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    // Chromium, Firefox and Safari load module preloads themselves.
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
    target: 'es2022',
  },
});
