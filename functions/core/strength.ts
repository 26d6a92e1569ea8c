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
import { dictionary as english, translations } from '@zxcvbn-ts/language-en';

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
  /** What makes it weak, for a person; empty when nothing stands out. */
  warning: string;
  /** How to make it stronger. */
  suggestions: string[];
}

export function strengthOf(passphrase: string, handle = ''): Strength {
  const result = estimate().check(passphrase.normalize('NFKC'), handle ? [handle, normalised(handle)] : []);
  const enough = result.score >= STRENGTH_MIN;
  return {
    score: result.score,
    enough,
    warning: result.feedback.warning ?? '',
    suggestions: result.feedback.suggestions,
  };
}

const normalised = (handle: string) => handle.normalize('NFKC').toLowerCase();

/** The message by the field when a passphrase is too easy to guess. */
export function weaknessMessage(s: Strength): string {
  const why = s.warning || 'It would be easy to guess.';
  const how = s.suggestions[0] ?? 'Add another word or two that are not often used together.';
  return `This passphrase is too easy to guess. ${why} ${how}`;
}
