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

/** Writes every locale's compiled catalogue; returns the file name of each. */
export function compileLocales(root: string, outdir: string): Record<Locale, string> {
  rmSync(join(outdir, 'locales'), { recursive: true, force: true });
  mkdirSync(join(outdir, 'locales'), { recursive: true });
  const files = {} as Record<Locale, string>;
  for (const locale of LOCALES) {
    const compiled = Object.fromEntries(
      Object.entries(readCatalogue(root, locale)).map(([key, message]) => [key, compileMessage(message)]),
    );
    const body = JSON.stringify(compiled);
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    files[locale] = `${locale}-${hash}.json`;
    writeFileSync(join(outdir, 'locales', files[locale]), body);
  }
  return files;
}
