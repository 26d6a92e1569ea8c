/**
 * The catalogues of the web app: every language has every message English has (and no other),
 * each parses as an ICU message, and each uses the same values and element tags as English, so a
 * translation cannot drop a number, a name or a link.
 */
import { compileMessage } from '@lingui/message-utils/compileMessage';
import { translations as zxcvbnWords } from '@zxcvbn-ts/language-en';
import { describe, expect, it } from 'vitest';
import { API_MESSAGES, messageKey } from '../../functions/core/i18n/api-messages';
import { LOCALES } from '../../functions/core/i18n/locales';
import { WORDS } from '../../functions/core/i18n/words';
import { parseRule } from '../../functions/core/recurrence';
import { CANNOT_TAKE, ROLE_ORDER } from '../../functions/core/roster';
import { root } from '../../scripts/build';
import { readCatalogue } from '../../scripts/locales';
import { LABEL_TABLES } from '../../web/src/labels';
import { uses } from '../support/messages';

const english = readCatalogue(root, 'en');

describe('catalogues', () => {
  it('English has messages, and each parses', () => {
    expect(Object.keys(english).length).toBeGreaterThan(10);
    for (const message of Object.values(english)) expect(() => compileMessage(message)).not.toThrow();
  });

  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    describe(locale, () => {
      const catalogue = readCatalogue(root, locale);

      it('has every message English has, and no other', () => {
        expect(Object.keys(catalogue).filter((k) => !Object.hasOwn(english, k))).toEqual([]);
        expect(Object.keys(english).filter((k) => !Object.hasOwn(catalogue, k))).toEqual([]);
      });

      it('uses the same values and element tags as English in each message', () => {
        const differ = Object.keys(english)
          .filter((k) => Object.hasOwn(catalogue, k))
          .filter((k) => JSON.stringify(uses(catalogue[k]!)) !== JSON.stringify(uses(english[k]!)));
        expect(differ).toEqual([]);
      });

      it('translates: no message left empty', () => {
        expect(Object.keys(catalogue).filter((k) => !catalogue[k]!.trim())).toEqual([]);
      });
    });
  }

  it('names every fixed choice of the rules (focus, roster role, content warning…)', () => {
    const missing = Object.entries(LABEL_TABLES).flatMap(([table, entries]) =>
      Object.keys(entries)
        .map((k) => `${table}.${k}`)
        .filter((k) => !Object.hasOwn(english, k)),
    );
    expect(missing).toEqual([]);
  });

  it('names duties in calendars and pushes as the pages do, in every language', () => {
    const differ = LOCALES.flatMap((locale) => {
      const catalogue = readCatalogue(root, locale);
      return ROLE_ORDER.filter((r) => WORDS[locale][`role.${r}`] !== catalogue[`rosterRole.${r}`]).map(
        (r) => `${locale} ${r}`,
      );
    });
    expect(differ).toEqual([]);
  });

  it('words every message the API says, in the English the API writes', () => {
    // The catalogue writes the API's figures as numbers of the reader's language ("4,000", "4 000").
    const differ = Object.entries(API_MESSAGES).filter(
      ([k, m]) => english[`api.${k}`]?.replace(/\{(\w+), number\}/g, '{$1}') !== m,
    );
    expect(differ).toEqual([]);
  });

  it('words every advice the passphrase estimate can give', () => {
    const keys = [
      ...Object.keys(zxcvbnWords.warnings).map((k) => `zxcvbn.warning.${k}`),
      ...Object.keys(zxcvbnWords.suggestions).map((k) => `zxcvbn.suggestion.${k}`),
    ];
    expect(keys.filter((k) => !Object.hasOwn(english, k))).toEqual([]);
  });

  it('keys a repeat rule’s errors with no English sentence inside their values', () => {
    for (const input of ['FREQ', 'FREQ=WEEKLY;BYHOUR=9', 'FREQ=YEARLY', 'FREQ=DAILY;BYDAY=MO']) {
      const parsed = parseRule(input);
      if (!('error' in parsed)) throw new Error(`${input} parsed`);
      const keyed = messageKey(parsed.error);
      expect(keyed, parsed.error).not.toBeNull();
      for (const v of Object.values(keyed!.values ?? {})) expect(String(v)).not.toMatch(/\s/);
    }
  });

  it('keys every reason the API gives for refusing a duty', () => {
    expect(Object.values(CANNOT_TAKE).filter((m) => !messageKey(m))).toEqual([]);
  });

  it('finds a message’s key and values from the API’s English', () => {
    expect(messageKey('This thread is locked')).toEqual({ key: 'thisThreadIsLocked' });
    expect(messageKey('Use at most 1,000 characters')).toEqual({
      key: 'useAtMostCharacters',
      values: { count: 1000 },
    });
    expect(messageKey('Robin has already taken this request')).toEqual({
      key: 'alreadyTakenBy',
      values: { name: 'Robin' },
    });
    expect(messageKey('Not expected here: ')).toEqual({ key: 'notExpectedHere', values: { fields: '' } });
    expect(messageKey('Something nobody wrote')).toBeNull();
  });

  it('notices a message that drops a value or a tag', () => {
    expect(uses('Hello {name}, <0>read</0>')).toEqual({ values: ['name'], tags: ['0'] });
    expect(uses('{count, plural, one {# seat} other {# seats}} in {place}')).toEqual({
      values: ['count', 'place'],
      tags: [],
    });
    expect(uses('Hello')).toEqual({ values: [], tags: [] });
  });
});
