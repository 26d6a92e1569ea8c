/**
 * The built files the documents are made from, read from a folder laid out as dist/web: the
 * shell (index.html) and each language's compiled catalogue of the pages' words
 * (locales/<locale>-<hash>.json). Read as they are asked for, so a new build is served at once;
 * a catalogue is parsed once per version (its name is its content's hash).
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Messages } from '@lingui/core';
import type { Locale } from '../core/i18n/locales';
import type { PagesConfig } from './app';

export function builtFiles(dir: string): Pick<PagesConfig, 'shell' | 'catalogue'> {
  const parsed = new Map<string, Messages>();
  return {
    shell: () => readFileSync(join(dir, 'index.html'), 'utf8'),
    catalogue: (l: Locale) => {
      const name = readdirSync(join(dir, 'locales')).find((f) =>
        new RegExp(`^${l}-[0-9a-f]+\\.json$`).test(f),
      );
      if (!name) throw new Error(`The build has no catalogue for ${l}`);
      let messages = parsed.get(name);
      if (!messages) {
        messages = JSON.parse(readFileSync(join(dir, 'locales', name), 'utf8')) as Messages;
        parsed.set(name, messages);
      }
      return messages;
    },
  };
}
