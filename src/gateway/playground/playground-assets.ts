import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// What the playground page loads, all from this server: GraphiQL's UMD bundle and the React 18 it
// expects as globals, straight out of the installed packages (no CDN, so it works offline), plus
// the page's own script and style. Every URL changes when its content can change (a package
// version, a content hash), so browsers may cache them for a year.

const ASSET_BASE_PATH = '/playground/assets';

export type PlaygroundAsset =
  { url: string; file: string } | { url: string; content: string; contentType: string };

interface PackageFile {
  packageName: string;
  /** The major version the page's boot script is written for. */
  major: number;
  file: string;
}

const PACKAGE_FILES = {
  react: { packageName: 'react', major: 18, file: 'umd/react.production.min.js' },
  reactDom: { packageName: 'react-dom', major: 18, file: 'umd/react-dom.production.min.js' },
  graphiqlScript: { packageName: 'graphiql', major: 3, file: 'graphiql.min.js' },
  graphiqlStyle: { packageName: 'graphiql', major: 3, file: 'graphiql.min.css' },
} satisfies Record<string, PackageFile>;

export type PackageAssetName = keyof typeof PACKAGE_FILES;

/** Resolved through package.json: react's `exports` hides its umd/ folder from require.resolve. */
function packageAsset({ packageName, major, file }: PackageFile): PlaygroundAsset {
  let manifestPath: string;
  try {
    manifestPath = require.resolve(`${packageName}/package.json`);
  } catch {
    throw new Error(`The playground needs the ${packageName} package, which is not installed`);
  }
  const { version } = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { version: string };
  const absolute = path.join(path.dirname(manifestPath), file);
  if (Number(version.split('.')[0]) !== major || !fs.existsSync(absolute)) {
    throw new Error(
      `The playground needs ${packageName}@${major} with ${file}; found ${packageName}@${version}` +
        (fs.existsSync(absolute) ? '' : ' without that file'),
    );
  }
  const url = `${ASSET_BASE_PATH}/${packageName}@${version}/${path.basename(file)}`;
  return { url, file: absolute };
}

export function packageAssets(): Record<PackageAssetName, PlaygroundAsset> {
  const entries = Object.entries(PACKAGE_FILES).map(([name, file]) => [name, packageAsset(file)]);
  return Object.fromEntries(entries) as Record<PackageAssetName, PlaygroundAsset>;
}

/** An asset made from a string, named by its content so that a change gets a new URL. */
export function generatedAsset(
  name: string,
  extension: 'js' | 'css',
  content: string,
): PlaygroundAsset {
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 12);
  return {
    url: `${ASSET_BASE_PATH}/${name}.${hash}.${extension}`,
    content,
    contentType: extension === 'js' ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8',
  };
}
