/**
 * Languages: what the first page's script weighs in each language (the app's script and the
 * language's catalogue, gzipped, as a first visit fetches them), what of it is the message
 * formatter, and how long a switch of language takes in Chromium, beside a bare fetch of the same
 * catalogue in the same page (the least a switch could cost).
 * @module
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { LOCALE_NAMES, LOCALES } from '../functions/core/i18n/locales';
import { buildWeb } from '../scripts/build';
import { launchBrowser } from '../tests/support/browser';
import { startStack } from '../tests/support/stack';
import { ms } from './harness';

const gz = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export async function benchLanguages(say: (line?: string) => void, quick: boolean) {
  const out = mkdtempSync(join(tmpdir(), 'hearth-bench-web-'));
  const { names } = await buildWeb(out);
  const app = gz(readFileSync(join(out, names['/app.js']!.slice(1))));
  const files = readdirSync(join(out, 'locales'));
  // The formatter alone (Lingui's core, as the app bundles it), to say what languages cost the script.
  const lingui = await build({
    stdin: { contents: "export { I18n } from '@lingui/core';", resolveDir: process.cwd() },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const formatter = gz(Buffer.from(lingui.outputFiles[0]!.contents));
  say();
  say('### Languages: the first page’s script, gzipped');
  say();
  say(`app.js ${kb(app)} (of which the message formatter ${kb(formatter)}), the same in every language.`);
  say();
  say(
    '| language | pages’ catalogue | first page: app.js + catalogue | the API’s refusals (fetched after) |',
  );
  say('|---|---|---|---|');
  const first: Record<string, number> = {};
  for (const l of LOCALES) {
    const size = (prefix: string) =>
      gz(readFileSync(join(out, 'locales', files.find((f) => f.startsWith(prefix))!)));
    const catalogue = size(`${l}-`);
    first[l] = app + catalogue;
    say(`| ${LOCALE_NAMES[l]} | ${kb(catalogue)} | ${kb(app + catalogue)} | ${kb(size(`api-${l}-`))} |`);
  }
  rmSync(out, { recursive: true, force: true });

  // Switching in Chromium: a press of the language's button until the page has changed.
  const [browser, stack] = await Promise.all([launchBrowser(), startStack()]);
  const page = await (
    await browser.newContext({ locale: 'en-GB', viewport: { width: 360, height: 740 } })
  ).newPage();
  await page.goto(stack.url);
  await page.locator('#nav a').first().waitFor();
  const runs = quick ? 5 : 20;
  const switches: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const l of ['es', 'ar', 'en'] as const) {
      // The bare fetch first (a fresh copy, not cached), then the switch (which may use its own cache).
      bare.push(
        await page.evaluate(async (name) => {
          const url = [...performance.getEntriesByType('resource')]
            .map((e) => e.name)
            .find((n) => n.includes(`/locales/${name}-`));
          if (!url) return 0;
          const started = performance.now();
          await (await fetch(url, { cache: 'no-store' })).json();
          return performance.now() - started;
        }, l),
      );
      const started = Date.now();
      await page.getByRole('button', { name: LOCALE_NAMES[l] }).click();
      await page.waitForFunction((lang) => document.documentElement.lang === lang, l);
      switches.push(Date.now() - started);
    }
  }
  await browser.close();
  await stack.stop();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const switchMs = median(switches);
  const bareMs = median(bare.filter((x) => x > 0));
  say();
  say(
    `Switching language in Chromium (${switches.length} switches among English, Spanish and Arabic): median ${ms(switchMs)}, beside a bare fetch of a catalogue ${ms(bareMs)} (the first switch to a language fetches its catalogue; later ones use the kept one).`,
  );
  return { app, formatter, first, switchMs, bareMs };
}
