/**
 * Choosing the language: a row of the languages, each named in itself, at the foot of every page;
 * the choice is kept on this device and, when someone is signed in, on their account, so every
 * device they sign in on speaks it. Buttons rather than a select: one press changes the language,
 * and nothing changes while someone is only moving through a list.
 * @module
 */
import { useState } from 'preact/hooks';
import { LOCALE_NAMES, LOCALES, type Locale } from '../../../functions/core/i18n/locales';
import { api } from '../api';
import { locale, nameOf, showLocale, t } from '../i18n';
import { me } from '../state';
import { Status } from '../ui';

/** Switches the language here, and on the account of whoever is signed in. */
export async function chooseLocale(l: Locale): Promise<void> {
  await showLocale(l, { remember: true });
  const who = me.value;
  if (who && who.language !== l) {
    await api('PUT', '/me/language', { language: l });
    me.value = { ...who, language: l };
  }
}

/**
 * Signed in, Hearth speaks the language chosen on the account; one never chosen there is set to
 * the one on show (this device's choice, or the browser's), so the calendar feed and the
 * notifications on their devices speak it too.
 */
export async function followAccountLocale(): Promise<void> {
  const who = me.value;
  if (!who) return;
  try {
    if (who.language && who.language !== locale.value) await showLocale(who.language, { remember: true });
    else if (!who.language) await chooseLocale(locale.value);
  } catch {
    // offline: the language on show stays, and is kept on the account next time
  }
}

/** The languages to choose from; on the account page (`saying`), it says what a choice did. */
export function Languages({ saying }: { saying?: boolean }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<Locale | null>(null);
  const choose = async (l: Locale) => {
    setProblem(null);
    setSaved(null);
    try {
      await chooseLocale(l);
      setSaved(l);
    } catch {
      setProblem(t('language.offline'));
    }
  };
  return (
    <fieldset class="languages">
      <legend class={saying ? 'visually-hidden' : undefined}>{t('language.label')}</legend>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          class="link"
          lang={l}
          aria-pressed={locale.value === l}
          onClick={() => void choose(l)}
        >
          {LOCALE_NAMES[l]}
        </button>
      ))}
      {problem && (
        <p class="alert" role="alert">
          {problem}
        </p>
      )}
      {saying && saved && me.value && (
        // The language named as it names itself in a sentence ("français", "español").
        <Status
          message={t('language.saved', {
            name: nameOf('language', saved, saved) ?? LOCALE_NAMES[saved],
          })}
        />
      )}
    </fieldset>
  );
}
