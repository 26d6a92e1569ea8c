/**
 * Crisis signposting: does a post say that its author may be at risk right now? A match shows the
 * author crisis resources at once and flags the post "may need support" to moderators; it never
 * hides the post and never diagnoses. Recall matters more than precision here (a missed post is
 * worse than a calm panel shown once too often), but everyday figures of speech ("this film killed
 * me", "me muero de risa", "ich lach mich tot") must not match, or people learn to ignore the panel.
 *
 * Text is normalised first (case, accents, look-alike digits and symbols, stretched letters,
 * spaced-out letters, words run together), misspelt key words are read as them, then the phrase
 * patterns of the post's language are matched, and English's too, whose slang ("kms") people
 * write in every language, and Arabic's wherever Arabic letters are. Each language's table is in
 * `crisis/<language>.ts`.
 * @module
 */
import { ar } from './crisis/ar';
import { de } from './crisis/de';
import { english } from './crisis/en';
import { es } from './crisis/es';
import { fr } from './crisis/fr';
import type { CrisisKind, CrisisLanguage } from './crisis/language';

export type { CrisisKind } from './crisis/language';

/** The languages with a table of their own; posts in any other are read with English's. */
export const CRISIS_LANGUAGES = { en: english, es, fr, de, ar } satisfies Record<string, CrisisLanguage>;
export type CrisisLanguageCode = keyof typeof CRISIS_LANGUAGES;

/** Look-alikes people type for letters. */
const LOOKALIKE = new Map<string, string>(
  Object.entries({
    '0': 'o',
    '1': 'i',
    '3': 'e',
    '4': 'a',
    '5': 's',
    '7': 't',
    '@': 'a',
    $: 's',
    '!': 'i',
  }),
);

function distance(a: string, b: string): number {
  // Damerau–Levenshtein (adjacent swaps count one), small strings only.
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** A misspelt key word read as the word (words of five letters or more). */
function canonical(word: string, lang: CrisisLanguage): string {
  if (word.length < 5 || lang.keyWords.has(word) || lang.known?.has(word)) return word;
  for (const [key, slips] of lang.keyWords)
    if (Math.abs(key.length - word.length) <= slips && distance(word, key) <= slips) return key;
  return word;
}

/** Text as the patterns of a language read it: lower case, plain letters, single spaces, words spelt out. */
export function normalise(text: string, lang: CrisisLanguage = english): string {
  if (lang.read) return lang.read(text);
  let t = text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'");
  // Look-alikes inside words (k1ll, $uicide), not numbers standing alone.
  t = t.replace(/[0-9@$!]/g, (ch, i: number) => {
    const near = `${t[i - 1] ?? ' '}${t[i + 1] ?? ' '}`;
    return /[a-z]/.test(near) ? (LOOKALIKE.get(ch) ?? ch) : ch;
  });
  if (lang.apostropheSplits) t = t.replace(/'/g, "' ");
  t = t.replace(/[^a-z0-9']+/g, ' ');
  // Stretched letters: "killlll", "diiiie" (then "kil" reads as "kill").
  t = t.replace(/([a-z])\1{2,}/g, '$1');
  // Spaced-out letters: "k i l l m y s e l f" (three or more single letters in a row).
  t = t.replace(/\b(?:[a-z] ){2,}[a-z]\b/g, (run) => run.replace(/ /g, ''));
  const words = t
    .trim()
    .split(/\s+/)
    .flatMap((w) => {
      const bare = w.replace(/'/g, '');
      return (lang.shortForms.get(w) ?? lang.shortForms.get(bare) ?? canonical(bare, lang)).split(' ');
    });
  let out = ` ${words.join(' ')} `;
  for (const [run, apart] of lang.joined ?? []) out = out.replace(run, apart);
  return out.trim();
}

export interface CrisisSignal {
  /** The post may come from someone at risk: show resources, flag "may need support". */
  matched: boolean;
  kinds: CrisisKind[];
}

const matches = (text: string, lang: CrisisLanguage): CrisisKind[] => {
  const t = normalise(text, lang);
  return lang.phrases.filter((p) => p.pattern.test(t)).map((p) => p.kind);
};

/**
 * Checks a post's text against the crisis phrases of its language (and English's; a language
 * without a table of its own, English's alone).
 */
export function detectCrisis(text: string, language = 'en'): CrisisSignal {
  const clipped = text.slice(0, 20_000);
  const own = Object.hasOwn(CRISIS_LANGUAGES, language)
    ? CRISIS_LANGUAGES[language as CrisisLanguageCode]
    : english;
  const kinds = new Set(matches(clipped, english));
  if (own !== english) for (const k of matches(clipped, own)) kinds.add(k);
  // Arabic letters are read by the Arabic table whatever language the post says it is in.
  if (own !== ar && /[\u0600-\u06FF]/.test(clipped)) for (const k of matches(clipped, ar)) kinds.add(k);
  return { matched: kinds.size > 0, kinds: [...kinds] };
}
