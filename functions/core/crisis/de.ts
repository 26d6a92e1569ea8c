/**
 * The German table of crisis phrases. Umlauts and ß are plain by the time the patterns read the
 * text ("möchte" is "mochte", "Überdosis" "uberdosis"). German says "ich lach mich tot", "das
 * bringt mich um", "ich sterbe vor Hunger" every day: only first-person intent is matched ("ich
 * bring mich um", never "bringt"), and no "vor …" or "nicht" between the wish and the verb.
 * @module
 */
import type { CrisisLanguage, Phrase } from './language';

const keyWords = new Map<string, number>(
  Object.entries({
    umbringen: 2,
    umzubringen: 2,
    selbstmord: 2,
    selbstmordgedanken: 2,
    suizidgedanken: 2,
    suizidal: 1,
    sterben: 1,
    uberdosis: 2,
    abschiedsbrief: 2,
  }),
);

/** Real words one letter from a key word. */
const known = new Set(['starben', 'sterbe', 'sterbend', 'sterbt']);

const shortForms = new Map<string, string>(
  Object.entries({
    i: 'ich',
    mi: 'mich',
    hab: 'habe',
    bring: 'bringe',
    tu: 'tue',
    mocht: 'mochte',
    moechte: 'mochte',
    moecht: 'mochte',
    waere: 'ware',
    wuerde: 'wurde',
    wuensche: 'wunsche',
    wuenschte: 'wunschte',
    ueberdosis: 'uberdosis',
    toeten: 'toten',
    umbring: 'umbringen',
    sterbn: 'sterben',
    ned: 'nicht',
    net: 'nicht',
    nich: 'nicht',
    nix: 'nichts',
    nimmer: 'nicht mehr',
    nimma: 'nicht mehr',
    ritz: 'ritze',
  }),
);

/** Between "ich" and "mich": no other person who would be the one acting ("dass er mich …"). */
const ONLY_I = '(?:(?!er |sie |es |man |jemand |du |ihr |wir |der |die |das |den )\\w+ ){0,4}';
/** Between a wish and "sterben": no "vor" (vor Hunger), no "nicht" (will nicht sterben). */
const WISH_GAP = '(?: (?!vor\\b|fur\\b|nicht\\b|nie\\b|keinesfalls\\b)\\w+){0,3}';

const phrases: Phrase[] = [
  // Killing oneself, ending one's life.
  {
    kind: 'suicide',
    pattern: new RegExp(`\\bich ${ONLY_I}mich (?:\\w+ ){0,2}(?:umbringen|toten|umzubringen|zu toten)\\b`),
  },
  { kind: 'suicide', pattern: /\bbringe mich (?:\w+ )?um\b|\bmich umzubringen\b/ },
  {
    kind: 'suicide',
    pattern:
      /\bmeinem leben ein ende (?:setzen|machen|bereiten)\b|\bmein leben (?:beenden|beende)\b|\bmir das leben (?:zu )?nehmen\b/,
  },
  {
    kind: 'suicide',
    pattern: /\bmit allem schluss (?:zu )?machen\b|\bschluss machen mit (?:allem|dem leben|meinem leben)\b/,
  },
  { kind: 'suicide', pattern: /\bdem (?:ganzen|allem) ein ende (?:setzen|machen)\b/ },
  {
    kind: 'suicide',
    pattern:
      /\bmich vor (?:einen|den|nen|die) (?:zug|bus|lkw|auto|u bahn|ubahn|s bahn) (?:werfen|schmeissen|legen|zu werfen)\b|\b(?:von der|von einer|von ner) brucke springen\b|\bvom dach springen\b/,
  },
  // Wishing to be dead.
  {
    kind: 'suicide',
    pattern: new RegExp(`\\bich (?:will|mochte|wurde|wunsche|wunschte|mag)\\b${WISH_GAP} sterben\\b`),
  },
  {
    kind: 'suicide',
    pattern:
      /\blieber tot\b|\bich ware (?:doch |einfach |schon |endlich )?tot\b|\bware (?:ich )?nie geboren\b/,
  },
  {
    kind: 'suicide',
    pattern:
      /\b(?:will|mochte|kann) (?:einfach |so )?nicht mehr (?:leben|da sein|hier sein|existieren|aufwachen|weiterleben)\b/,
  },
  { kind: 'suicide', pattern: /\bnicht mehr (?:leben|weiterleben|existieren|aufwachen) (?:will|mochte)\b/ },
  {
    kind: 'suicide',
    pattern:
      /\bkeinen (?:grund|sinn) mehr (?:zu leben|zum leben|weiterzuleben)\b|\b(?:mein leben|das leben|leben) hat keinen sinn mehr\b|\bkein grund (?:mehr )?(?:zu leben|weiterzuleben)\b/,
  },
  {
    kind: 'suicide',
    pattern:
      /\bbesser dran ohne mich\b|\bohne mich besser dran\b|\bohne mich (?:waren|ware|sind) (?:alle |sie )?besser\b/,
  },
  // Naming it.
  {
    kind: 'suicide',
    pattern:
      /\b(?:selbstmord|suizid) ?(?:gedanken|plane|plan|versuch|versuche|absichten|gefahrdet)\b|\bselbstmordgedanken\b|\bsuizidgedanken\b/,
  },
  { kind: 'suicide', pattern: /\bsuizidal\w*\b/ },
  {
    kind: 'suicide',
    pattern:
      /\b(?:denke|dachte|nachdenken|gedacht|denken) (?:\w+ ){0,3}(?:an|uber) (?:den )?(?:selbstmord|suizid)\b/,
  },
  { kind: 'suicide', pattern: /\bmeinen (?:selbstmord|suizid)\b|\babschiedsbrief\b/ },
  { kind: 'suicide', pattern: /\bverabschiede mich (?:\w+ ){0,3}fur immer\b/ },
  // Harming oneself.
  { kind: 'self_harm', pattern: /\britze mich\b|\bmich (?:\w+ ){0,3}(?:geritzt|ritzen|zu ritzen)\b/ },
  {
    kind: 'self_harm',
    pattern: /\b(?:verletze|schneide|verbrenne|schlage) mich (?:selbst|wieder|absichtlich|immer wieder)\b/,
  },
  {
    kind: 'self_harm',
    pattern: /\bmich (?:selbst |absichtlich |wieder )?(?:zu )?(?:verletzen|schneiden|verbrennen)\b/,
  },
  { kind: 'self_harm', pattern: /\bselbstverletz\w*\b/ },
  {
    kind: 'self_harm',
    pattern:
      /\bich (?:tue|will|mochte|werde|muss)(?: \w+)? mir (?:absichtlich |selbst |wieder )?(?:wehtun|weh tun|weh|schaden)\b/,
  },
  { kind: 'self_harm', pattern: /\buberdosis\b/ },
  {
    kind: 'self_harm',
    pattern:
      /\balle (?:meine |die )?(?:tabletten|pillen|medikamente) (?:auf einmal )?(?:nehmen|schlucken|einwerfen)\b/,
  },
];

export const de: CrisisLanguage = { keyWords, known, shortForms, phrases };
