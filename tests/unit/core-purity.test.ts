import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../../scripts/build';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Imports of a file, static and dynamic. */
function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

/**
 * Libraries that only compute: zod, the passphrase-strength estimator and its dictionaries, and
 * the message formatter (notices worded in the reader's language).
 */
const PURE =
  /^(zod\/(mini|v4\/locales\/en\.js)|@zxcvbn-ts\/(core|language-common|language-en)|@lingui\/core|@lingui\/message-utils\/compileMessage)$/;
const IO = /^(node:|@aws-sdk\/|hono(\/|$)|@hono\/|dynalite$|fs$|path$|crypto$|http$|net$|child_process$)/;

describe('functions/core', () => {
  it('imports no I/O: no node:*, @aws-sdk, hono, nor anything outside core but pure libraries', () => {
    const offences: string[] = [];
    for (const file of sources(join(root, 'functions/core'))) {
      for (const spec of importsOf(file)) {
        const outside =
          spec.startsWith('.') && !join(file, '..', spec).startsWith(join(root, 'functions/core'));
        if (IO.test(spec) || outside || (!spec.startsWith('.') && !PURE.test(spec))) {
          offences.push(`${relative(root, file)} imports ${spec}`);
        }
      }
    }
    expect(offences).toEqual([]);
  });

  it('the check notices an I/O import', () => {
    expect(IO.test('node:fs')).toBe(true);
    expect(IO.test('@aws-sdk/lib-dynamodb')).toBe(true);
    expect(IO.test('hono/cookie')).toBe(true);
    expect(importsOf(join(root, 'functions/store/ids.ts'))).toContain('node:crypto');
  });

  it('keeps the web app to core and its own files (no server code in the bundle)', () => {
    const offences: string[] = [];
    for (const file of sources(join(root, 'web/src'))) {
      for (const spec of importsOf(file)) {
        const target = spec.startsWith('.') ? join(file, '..', spec) : '';
        const allowed =
          /^(preact|@preact\/signals)/.test(spec) ||
          // The service worker's caching is Workbox's (and only the worker's).
          (file.endsWith('/sw.ts') && /^workbox-/.test(spec)) ||
          // Messages are formatted by Lingui's core (its catalogues compiled at build).
          spec === '@lingui/core' ||
          // Charts are uPlot's, in the charts file of their own (loaded by the pages with figures).
          (file.includes('/web/src/charts/') && spec === 'uplot') ||
          target.startsWith(join(root, 'web/src')) ||
          // The catalogues' keys, as a type.
          target.startsWith(join(root, 'web/locales')) ||
          target.startsWith(join(root, 'functions/core'));
        if (!allowed) offences.push(`${relative(root, file)} imports ${spec}`);
      }
    }
    expect(offences).toEqual([]);
  });
});

describe('the web app', () => {
  it('is layered: a page imports no other page, and a component imports no page', () => {
    const offences: string[] = [];
    for (const layer of ['pages', 'components'] as const)
      for (const file of sources(join(root, 'web/src', layer)))
        for (const spec of importsOf(file)) {
          const target = spec.startsWith('.') ? relative(join(root, 'web/src'), join(file, '..', spec)) : '';
          if (target.startsWith('pages/'))
            offences.push(`${relative(root, file)} imports ${spec}: share it from components/ instead`);
        }
    expect(offences).toEqual([]);
  });

  it('keeps each file to a few hundred lines (one concern each)', () => {
    const long = sources(join(root, 'web/src'))
      .map((file) => [relative(root, file), readFileSync(file, 'utf8').split('\n').length] as const)
      .filter(([, lines]) => lines > 400);
    expect(long).toEqual([]);
  });
});
