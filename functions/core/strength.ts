/**
 * How hard a passphrase is to guess, by estimate rather than by composition rules (NIST SP
 * 800-63B §5.1.1.2): zxcvbn-ts looks for common passwords, English words and names, keyboard
 * walks, repeats, sequences, dates and the person's own handle, and counts the guesses an
 * attacker would need. The same estimate drives the meter in the web app and the refusal in the
 * API, so what the meter calls strong is accepted. Its dictionaries are large: both sides load
 * this module on demand (a chunk of its own), never with the rest.
 * @module
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as common } from '@zxcvbn-ts/language-common';
import { dictionary as english, translations as englishWords } from '@zxcvbn-ts/language-en';

/** zxcvbn's scale: 3 is "safely unguessable" against online attacks on a slow hash, as ours is. */
export const STRENGTH_MIN = 3;

/** Passphrases made famous as examples of good ones: attackers try them first. */
const FAMOUS = [
  'correct horse battery staple',
  'correcthorsebatterystaple',
  'tr0ub4dor&3',
  'hearth',
  'peer support',
  'support group',
  'mental health',
];

export type WarningKey = keyof typeof englishWords.warnings;
export type SuggestionKey = keyof typeof englishWords.suggestions;

/** Each message as its own key: the estimate says which advice applies, each reader's language words it. */
const asKeys = <T extends Record<string, string>>(table: T) =>
  Object.fromEntries(Object.keys(table).map((k) => [k, k])) as { [K in keyof T]: K };
const translations = {
  warnings: asKeys(englishWords.warnings),
  suggestions: asKeys(englishWords.suggestions),
  timeEstimation: englishWords.timeEstimation,
};

let estimator: ZxcvbnFactory | undefined;
function estimate() {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common, ...english, famous: FAMOUS },
    graphs: adjacencyGraphs,
    translations,
    maxLength: 128,
  });
  return estimator;
}

export interface Strength {
  /** 0 (guessed at once) to 4 (very hard to guess). */
  score: 0 | 1 | 2 | 3 | 4;
  enough: boolean;
  /** What makes it weak (a key of zxcvbn's warnings); empty when nothing stands out. */
  warning: WarningKey | '';
  /** How to make it stronger (keys of zxcvbn's suggestions). */
  suggestions: SuggestionKey[];
}

export function strengthOf(passphrase: string, handle = ''): Strength {
  const result = estimate().check(passphrase.normalize('NFKC'), handle ? [handle, normalised(handle)] : []);
  const enough = result.score >= STRENGTH_MIN;
  return {
    score: result.score,
    enough,
    warning: (result.feedback.warning ?? '') as WarningKey | '',
    suggestions: result.feedback.suggestions as SuggestionKey[],
  };
}

const normalised = (handle: string) => handle.normalize('NFKC').toLowerCase();

/** The message by the field when a passphrase is too easy to guess. */
export function weaknessMessage(s: Strength): string {
  const why = s.warning ? englishWords.warnings[s.warning] : 'It would be easy to guess.';
  const first = s.suggestions[0];
  const how = first
    ? englishWords.suggestions[first]
    : 'Add another word or two that are not often used together.';
  return `This passphrase is too easy to guess. ${why} ${how}`;
}
