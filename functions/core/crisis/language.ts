/**
 * What each language's table of crisis phrases gives the matcher (functions/core/crisis.ts).
 * @module
 */

export type CrisisKind = 'suicide' | 'self_harm';

export interface Phrase {
  kind: CrisisKind;
  /** Matched against the normalised text: lower case, plain letters, single spaces. */
  pattern: RegExp;
}

export interface CrisisLanguage {
  /**
   * Words the patterns rely on, which misspellings are read as, with how many slips each allows
   * (words of five letters or more). Only words with no everyday neighbour that slips would turn
   * into them; real neighbours go in `known`.
   */
  keyWords: Map<string, number>;
  /** Real words near a key word, read as themselves ("matarte" is not "matarme"). */
  known?: Set<string>;
  /** Short forms and slang, word for word ("kms" → "kill myself"). */
  shortForms: Map<string, string>;
  phrases: Phrase[];
  /** Words people run together, split again (" killmyself " → " kill myself "). */
  joined?: [RegExp, string][];
  /**
   * French elides ("j'ai", "m'a tué"): the apostrophe then separates two words, and the
   * elided word is read whole ("j" → "je" through `shortForms`). Elsewhere it joins ("don't").
   */
  apostropheSplits?: boolean;
  /** A script of its own: the text as its patterns read it (in place of the Latin normalising). */
  read?: (text: string) => string;
}
