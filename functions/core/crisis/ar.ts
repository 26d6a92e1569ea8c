/**
 * A first Arabic table of crisis phrases: the plainest first-person statements (to kill oneself,
 * to end one's life, to wish to die, not to want to live, to harm oneself), so a post written in
 * Arabic is never unheard. Arabic is read by its own normalising (`readArabic`): short vowels and
 * the tatweel gone, alef, hamza carriers, alef maqsura and taa marbuta each written one way. It is
 * smaller than the other tables: to grow it with native speakers, with its own figures of speech.
 * @module
 */
import type { CrisisLanguage, Phrase } from './language';

/** Arabic as the patterns read it: letters only, each written one way, single spaces. */
export function readArabic(text: string): string {
  return ` ${text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\u0640/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/[^\u0621-\u064A]+/g, ' ')
    .replace(/(\p{L})\1{2,}/gu, '$1')
    .trim()} `;
}

/** Words between spaces (JavaScript's \b knows no Arabic letters). */
const phrase = (kind: Phrase['kind'], words: string[]): Phrase => ({
  kind,
  pattern: new RegExp(` (?:${words.join('|')}) `),
});

const phrases: Phrase[] = [
  phrase('suicide', [
    'س?انتحر',
    'اريد الانتحار',
    'افكر في الانتحار',
    'افكر بالانتحار',
    'افكار انتحاريه',
    'س?اقتل نفسي',
    'اريد ان اقتل نفسي',
    'س?انهي حياتي',
    'انهاء حياتي',
    'اريد ان اموت',
    'اتمني ان اموت',
    'اتمني الموت',
    'ليتني مت',
    'لا اريد ان اعيش',
    'لا اريد العيش',
    'لم اعد اريد العيش',
    'لم اعد احتمل العيش',
    'لا سبب للعيش',
  ]),
  phrase('self_harm', ['اوذي نفسي', 'اجرح نفسي', 'ايذاء نفسي', 'ايذاء النفس', 'جرعه زايده']),
];

export const ar: CrisisLanguage = {
  keyWords: new Map(),
  shortForms: new Map(),
  phrases,
  read: readArabic,
};
