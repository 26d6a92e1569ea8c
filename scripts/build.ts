/**
 * Builds what deploys: the web app (dist/web) and one ESM bundle per function
 * (dist/functions/<name>/index.mjs, with source maps; the AWS SDK is left to the Lambda runtime).
 * Run: npm run build
 * @module
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';
import { LOCALES } from '../functions/core/i18n/locales';
import { ASSETS } from '../infra/web-files';
import { type AssetNames, addressOf, pointAtHashed, precompress, writeHashed } from './assets';
import { crisisPage, crisisPath } from './crisis-pages';
import { buildFirstScript, landingFiles } from './first-script';
import { compileLocales, type LocaleFiles } from './locales';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const FUNCTIONS = ['api', 'feeds', 'jobs', 'pages'] as const;

export async function buildWeb(
  outdir = join(root, 'dist/web'),
  opts: { minify?: boolean; pack?: 'best' | 'fast' } = {},
) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(join(outdir, ASSETS), { recursive: true });
  const localeFiles = compileLocales(root, outdir);
  // Files the documents name, each under a name made of its content.
  const names: AssetNames = {};
  for (const f of HASHED_FILES) names[`/${f}`] = writeHashed(outdir, f, readFileSync(join(root, 'web', f)));
  names['/charts.css'] = writeHashed(
    outdir,
    'charts.css',
    readFileSync(join(root, 'node_modules/uplot/dist/uPlot.min.css')),
  );
  const minify = opts.minify ?? true;
  // The app, with what only some pages need (the charts) split off into files of their own.
  const result = await build({
    entryPoints: { app: join(root, 'web/src/main.tsx') },
    outdir: join(outdir, ASSETS),
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    splitting: true,
    bundle: true,
    format: 'esm',
    target: ['es2022', 'chrome110', 'safari16', 'firefox115'],
    minify,
    sourcemap: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    metafile: true,
    define: {
      LOCALE_FILES: JSON.stringify(localeFiles),
      CHARTS_STYLE: JSON.stringify(names['/charts.css']),
      'process.env.NODE_ENV': '"production"',
    },
    absWorkingDir: root,
    logLevel: 'error',
  });
  const app = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint === 'web/src/main.tsx');
  if (!app) throw new Error('The build wrote no app script');
  names['/app.js'] = addressOf(outdir, join(root, app[0]));
  mkdirSync(join(outdir, 'icons'), { recursive: true });
  for (const f of [...STATIC_FILES, ...ICONS]) copyFileSync(join(root, 'web', f), join(outdir, f));
  // What the app imports as it starts is asked for with it, not after it is read.
  const startup = app[1].imports.filter((i) => i.kind === 'import-statement').map((i) => i.path);
  const imports = startup.map((p) => addressOf(outdir, join(root, p)));
  names['/early.js'] = await buildFirstScript(root, outdir, {
    locales: localeFiles,
    pages: landingFiles(result.metafile, root, outdir, new Set([app[0], ...startup])),
    minify,
  });
  const preload = imports
    .map((a) => `<link rel="modulepreload" href="${a}" fetchpriority="low">\n  `)
    .join('');
  const shell = readFileSync(join(root, 'web/index.html'), 'utf8').replace(
    '<script type="module"',
    `${preload}<script type="module"`,
  );
  writeFileSync(join(outdir, 'index.html'), pointAtHashed(shell, names));
  for (const l of LOCALES)
    writeFileSync(join(outdir, crisisPath(l).slice(1)), pointAtHashed(crisisPage(root, l), names));
  // Every hashed file the pages may ask for, kept by the worker so any page opens offline.
  const everyAsset = readdirSync(join(outdir, ASSETS))
    .filter((f) => /\.(js|css)$/.test(f))
    .map((f) => `/${ASSETS}/${f}`);
  await buildWorker(outdir, minify, localeFiles.en, everyAsset);
  const packed = precompress(outdir, opts.pack);
  return { ...result, names, packed };
}

/** The files the documents name, served under hashed names. */
const HASHED_FILES = ['styles.css', 'crisis.js', 'quick-exit.js'];
/** Files served under their own names (icons and the manifest are named by what links to them). */
const STATIC_FILES = ['icon.svg', 'manifest.webmanifest'];
const ICONS = ['icon-192.png', 'icon-512.png', 'maskable-512.png', 'apple-touch-icon.png'].map(
  (f) => `icons/${f}`,
);

/**
 * The service worker (web/src/sw.ts), given the list of files it keeps on the device, each with
 * a hash of its content, so a new build replaces exactly what changed; English, the language every
 * page falls back to, among them.
 */
async function buildWorker(outdir: string, minify: boolean, english: LocaleFiles, hashed: string[]) {
  const crisisPages = LOCALES.map((l) => crisisPath(l).slice(1));
  const kept = [
    ...hashed.map((a) => a.slice(1)),
    'index.html',
    ...STATIC_FILES,
    ...crisisPages,
    'icons/icon-192.png',
    `locales/${english.page}`,
    `locales/${english.api}`,
  ].map((f) => ({
    url: `/${f}`,
    revision: createHash('sha256')
      .update(readFileSync(join(outdir, f)))
      .digest('hex')
      .slice(0, 16),
  }));
  await build({
    entryPoints: [join(root, 'web/src/sw.ts')],
    outfile: join(outdir, 'sw.js'),
    bundle: true,
    format: 'iife',
    target: ['es2022', 'chrome110', 'safari16', 'firefox115'],
    minify,
    sourcemap: true,
    define: { PRECACHE: JSON.stringify(kept), 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
}

/**
 * A function's bundle: `index.mjs` and, split off, the contexts it loads on their first request
 * (`chunks/`), so a cold start parses only what every request needs.
 */
export const functionBuildOptions = (name: string, outdir: string): BuildOptions => ({
  entryPoints: { index: join(root, `functions/${name}/handler.ts`) },
  outdir: join(outdir, name),
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  sourcemap: true,
  external: ['@aws-sdk/*'],
  // ESM bundles of CommonJS dependencies need a require().
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  metafile: true,
  logLevel: 'error',
});

export async function buildFunctions(outdir = join(root, 'dist/functions')) {
  rmSync(outdir, { recursive: true, force: true });
  await Promise.all(FUNCTIONS.map((name) => build(functionBuildOptions(name, outdir))));
  writeFileSync(join(outdir, 'api/openapi.json'), JSON.stringify(await openApiJson()));
}

/** The OpenAPI document, generated from the routes' schemas by asking the app itself. */
async function openApiJson(): Promise<unknown> {
  const { createApp } = await import('../functions/api/app');
  const { openApi } = await import('../functions/api/openapi');
  const { createDb } = await import('../functions/store/client');
  const app = createApp({ db: createDb({ table: 'unused', region: 'local' }), openApi });
  return (await app.request('/api/openapi.json')).json();
}

/**
 * The pages function makes its documents from the built shell and the pages' catalogues: put
 * beside its bundle (`web/`), as functions/pages/files.ts reads them.
 */
export function copyPagesFiles(web = join(root, 'dist/web'), functions = join(root, 'dist/functions')) {
  const to = join(functions, 'pages/web');
  mkdirSync(join(to, 'locales'), { recursive: true });
  copyFileSync(join(web, 'index.html'), join(to, 'index.html'));
  for (const f of readdirSync(join(web, 'locales')))
    if (/^[a-z]{2}-[0-9a-f]+\.json$/.test(f)) copyFileSync(join(web, 'locales', f), join(to, 'locales', f));
}

/** Everything that deploys: the web app, the functions, and the pages function's files. */
export async function buildAll() {
  await Promise.all([buildWeb(), buildFunctions()]);
  copyPagesFiles();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  await buildAll();
  console.log(`built dist/web and dist/functions/{${FUNCTIONS.join(',')}} in ${Date.now() - started} ms`);
}
