/**
 * The web app's catalogues, compiled for the browser: each locale's ICU messages
 * (web/locales/<locale>.json) parsed once here, at build, into Lingui's compact form, and written
 * as `locales/<locale>-<hash>.json`, so the browser carries no message parser and a new
 * translation is a new file name.
 * @module
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileMessage } from '@lingui/message-utils/compileMessage';
import { LOCALES, type Locale } from '../functions/core/i18n/locales';

/** A locale's catalogue as written: key → ICU message. */
export const readCatalogue = (root: string, locale: Locale): Record<string, string> =>
  JSON.parse(readFileSync(join(root, 'web/locales', `${locale}.json`), 'utf8'));

/** A locale's two files: what pages say, and what the API says when it refuses (fetched after). */
export interface LocaleFiles {
  page: string;
  api: string;
}

/**
 * Writes every locale's compiled catalogue in two parts, so a first page waits only for its
 * words: the pages' messages, and the API's refusals (`api.*`), which the app fetches once the
 * page is shown. The crisis pages' messages (`crisisPage.*`) are written into those pages at
 * build and never sent. Returns the file names of each.
 */
export function compileLocales(root: string, outdir: string): Record<Locale, LocaleFiles> {
  rmSync(join(outdir, 'locales'), { recursive: true, force: true });
  mkdirSync(join(outdir, 'locales'), { recursive: true });
  const files = {} as Record<Locale, LocaleFiles>;
  const write = (name: string, messages: [string, string][]) => {
    const body = JSON.stringify(Object.fromEntries(messages.map(([k, m]) => [k, compileMessage(m)])));
    const file = `${name}-${createHash('sha256').update(body).digest('hex').slice(0, 12)}.json`;
    writeFileSync(join(outdir, 'locales', file), body);
    return file;
  };
  for (const locale of LOCALES) {
    const all = Object.entries(readCatalogue(root, locale)).filter(([k]) => !k.startsWith('crisisPage.'));
    files[locale] = {
      page: write(
        locale,
        all.filter(([k]) => !k.startsWith('api.')),
      ),
      api: write(
        `api-${locale}`,
        all.filter(([k]) => k.startsWith('api.')),
      ),
    };
  }
  return files;
}
