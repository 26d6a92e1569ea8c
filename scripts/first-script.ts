/**
 * The page's first script (web/src/early.ts), built once the app is: it is told the languages'
 * catalogues and, for the pages people land on, the files each needs beyond the app's own, so it
 * can ask for them all while the app's script travels.
 * @module
 */
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { addressOf, writeHashed } from './assets';
import type { LocaleFiles } from './locales';

/** Pages a visit often starts on (from a link, a search, a calendar), by their module. */
export const LANDING_PAGES = {
  group: 'web/src/pages/group.tsx',
  occurrence: 'web/src/pages/occurrence.tsx',
  newHere: 'web/src/pages/new-here.tsx',
  resources: 'web/src/pages/resources.tsx',
} as const;

/** For each landing page, the files its code is split into that the app does not load at start. */
export function landingFiles(
  metafile: Metafile,
  root: string,
  outdir: string,
  startup: Set<string>,
): Record<keyof typeof LANDING_PAGES, string[]> {
  const outputs = metafile.outputs;
  const files = {} as Record<keyof typeof LANDING_PAGES, string[]>;
  for (const [page, module] of Object.entries(LANDING_PAGES) as [keyof typeof LANDING_PAGES, string][]) {
    const chunk = Object.keys(outputs).find((k) => outputs[k]!.entryPoint === module);
    if (!chunk) throw new Error(`The build wrote no file for ${module}`);
    const seen = new Set<string>();
    for (const queue = [chunk]; queue.length; ) {
      const next = queue.pop()!;
      if (seen.has(next) || startup.has(next)) continue;
      seen.add(next);
      for (const i of outputs[next]!.imports) if (i.kind === 'import-statement') queue.push(i.path);
    }
    files[page] = [...seen].map((k) => addressOf(outdir, join(root, k)));
  }
  return files;
}

/** Builds the first script; returns its hashed address. */
export async function buildFirstScript(
  root: string,
  outdir: string,
  opts: { locales: Record<string, LocaleFiles>; pages: Record<string, string[]>; minify: boolean },
): Promise<string> {
  const out = await build({
    entryPoints: [join(root, 'web/src/early.ts')],
    bundle: true,
    format: 'iife',
    target: ['es2022', 'chrome110', 'safari16', 'firefox115'],
    minify: opts.minify,
    write: false,
    define: { LOCALE_FILES: JSON.stringify(opts.locales), PAGE_FILES: JSON.stringify(opts.pages) },
    logLevel: 'error',
  });
  return writeHashed(outdir, 'early.js', Buffer.from(out.outputFiles[0]!.contents));
}
