/**
 * In-app notifications in five languages: every language words every notice with the same values
 * as English, each formats with any count (Arabic's six plural forms included), and the values
 * read as the reader's language says them: a date on the meetup's clock, a duty's name, a list of
 * duties, a member whose name is gone.
 */
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../functions/core/i18n/locales';
import {
  NOTICES,
  type NoticeKey,
  type NoticeValue,
  notice,
  noticeText,
  sayNotice,
} from '../../functions/core/i18n/notices';
import { EN } from '../../functions/core/i18n/notices/en';
import { uses } from '../support/messages';

const KEYS = Object.keys(EN).filter((k) => !k.includes('.')) as NoticeKey[];
const AT = Date.UTC(2027, 2, 16, 18, 30); // Tue 16 Mar 2027, 18:30 UTC

/** Values for a message, by the names it uses; `n` for every count. */
function valuesFor(key: NoticeKey, n: number): Record<string, NoticeValue> {
  const v: Record<string, NoticeValue> = {};
  for (const name of uses(EN[key]).values)
    v[name] =
      name === 'when' || name === 'from'
        ? { at: AT, zone: 'Europe/London' }
        : name === 'role'
          ? { role: 'host' }
          : name === 'open'
            ? { roles: ['greeter', 'host'] }
            : ['count', 'minutes', 'more', 'unconfirmed'].includes(name)
              ? n
              : name === 'zone'
                ? { zoneName: 'Europe/London' }
                : name === 'repeats'
                  ? 'yes'
                  : name === 'reason' && key === 'reported'
                    ? 'crisis'
                    : `[${name}]`;
  return v;
}

describe('notices', () => {
  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    it(`${locale}: words every notice English has, with the same values, and no other`, () => {
      const table = NOTICES[locale];
      expect(Object.keys(table).sort()).toEqual(Object.keys(EN).sort());
      const differ = Object.keys(EN).filter(
        (k) =>
          JSON.stringify(uses(table[k as keyof typeof EN])) !==
          JSON.stringify(uses(EN[k as keyof typeof EN])),
      );
      expect(differ).toEqual([]);
      expect(Object.keys(table).filter((k) => !table[k as keyof typeof EN].trim())).toEqual([]);
    });
  }

  it('formats every notice in every language, with any count, leaving no value unfilled', () => {
    for (const locale of LOCALES)
      for (const key of KEYS)
        for (const n of [0, 1, 2, 3, 11, 100]) {
          const text = sayNotice(locale, notice(key, valuesFor(key, n)));
          expect(text, `${locale} ${key} ${n}`).not.toMatch(/[{}]|undefined|\[object/);
          for (const [name, value] of Object.entries(valuesFor(key, n)))
            if (typeof value === 'string' && value.startsWith('['))
              expect(text, `${locale} ${key} keeps ${name}`).toContain(value);
        }
  });

  it('says English as Hearth always has', () => {
    const when = { at: AT, zone: 'Europe/London' };
    expect(sayNotice('en', notice('promoted', { title: 'Tea', when }))).toBe(
      'A place opened up: you are now going to “Tea” on Tue 16 Mar 2027 at 18:30.',
    );
    expect(sayNotice('en', notice('dutiesReleased', { count: 1, title: 'Tea', when }))).toBe(
      'A facilitator who left or stopped facilitating held a duty, from “Tea” on Tue 16 Mar 2027 at 18:30: it is open again.',
    );
    expect(sayNotice('en', notice('dutiesReleased', { count: 3, title: 'Tea', when }))).toContain(
      'held 3 duties, from “Tea” on Tue 16 Mar 2027 at 18:30: they are open again.',
    );
  });

  it('says the time on the meetup’s clock, in the reader’s language', () => {
    const when = { at: AT, zone: 'America/New_York' };
    expect(sayNotice('en', notice('dutyOff', { title: 'Tea', when }))).toContain('Tue 16 Mar 2027 at 14:30');
    const es = sayNotice('es', notice('dutyOff', { title: 'Tea', when }));
    expect(es).toContain('14:30');
    expect(es).toMatch(/mar/);
    expect(sayNotice('de', notice('dutyOff', { title: 'Tea', when }))).toMatch(/Di\.?,? 16\. März 2027/);
  });

  it('names duties as each language does, and lists them', () => {
    const when = { at: AT, zone: 'Europe/London' };
    const gap = (locale: Locale, open: NoticeValue, unconfirmed: number) =>
      sayNotice(locale, notice('rosterGap', { title: 'Tea', when, open, unconfirmed }));
    expect(gap('en', { roles: ['greeter', 'host'] }, 0)).toBe(
      'Roster gap: “Tea” on Tue 16 Mar 2027 at 18:30. Still needed: greeter and online host.',
    );
    expect(gap('en', { roles: [] }, 2)).toBe(
      'Roster gap: “Tea” on Tue 16 Mar 2027 at 18:30. 2 duties not confirmed.',
    );
    expect(gap('en', { roles: ['lead'] }, 1)).toBe(
      'Roster gap: “Tea” on Tue 16 Mar 2027 at 18:30. Still needed: lead facilitator. 1 duty not confirmed.',
    );
    for (const locale of LOCALES) {
      const names = (['greeter', 'host'] as const).map((r) => NOTICES[locale][`role.${r}`]);
      const text = gap(locale, { roles: ['greeter', 'host'] }, 0);
      for (const name of names) expect(text, locale).toContain(name);
      expect(gap(locale, { roles: [] }, 0), locale).not.toContain(NOTICES[locale]['role.greeter']);
    }
    expect(sayNotice('fr', notice('covered', { role: { role: 'lead' }, title: 'Thé', when }))).toContain(
      NOTICES.fr['role.lead'],
    );
  });

  it('names a member who is gone in the reader’s language, with a capital only where a sentence starts', () => {
    const staff = notice('wroteToStaff', { group: 'Tea', name: { someone: 'member' } });
    expect(sayNotice('en', staff)).toBe('A member wrote to the facilitators of “Tea”.');
    expect(
      sayNotice('en', notice('escalated', { name: { someone: 'member' }, group: 'Tea', minutes: 20 })),
    ).toMatch(/^Nobody has taken the support request for a member in “Tea” after 20 minutes\./);
    // A pseudonym is as its owner wrote it.
    expect(sayNotice('en', notice('wroteToStaff', { group: 'Tea', name: 'quietfox' }))).toMatch(
      /^quietfox wrote/,
    );
    for (const locale of LOCALES)
      expect(sayNotice(locale, staff)).toContain(NOTICES[locale]['someone.member'].slice(1));
  });

  it('isolates names and titles inside Arabic sentences, and only what is shown as it is', () => {
    const when = { at: AT, zone: 'Europe/London' };
    const ar = sayNotice('ar', notice('promoted', { title: 'Winter check-in', when }));
    expect(ar).toContain('\u2068Winter check-in\u2069');
    const reported = sayNotice('ar', notice('reported', { group: 'Tea', reason: 'spam' }));
    expect(reported).toContain('\u2068Tea\u2069');
    expect(reported).not.toContain('\u2068spam');
    expect(reported).toContain(
      sayNotice('ar', notice('reported', { group: 'X', reason: 'spam' })).split('\u2069')[1],
    );
    // Left-to-right languages are left as they are.
    expect(sayNotice('es', notice('promoted', { title: 'Winter check-in', when }))).not.toContain('\u2068');
  });

  it('reads a notification from before notices were kept by key as it was written', () => {
    expect(noticeText({ text: 'Old words.' }, 'es')).toBe('Old words.');
    expect(noticeText({ notice: notice('professionalVerified'), text: 'Old words.' }, 'en')).toMatch(
      /^You are now/,
    );
  });
});
