/**
 * The English table of crisis phrases: first-person statements of intent, wish, plan or act,
 * with the misspellings, short forms and slang people write them in.
 * @module
 */
import type { CrisisLanguage, Phrase } from './language';

/**
 * Words the patterns rely on, which misspellings are read as, with how many slips each allows.
 * Only words with no everyday English neighbour: "killing" would catch "filling", "cutting"
 * "putting", "overdose" "overdone".
 */
const keyWords = new Map<string, number>(
  Object.entries({
    suicide: 2,
    suicidal: 2,
    myself: 1,
    unalive: 1,
    anymore: 1,
    without: 1,
    nothing: 1,
    reason: 1,
  }),
);

/**
 * Short forms and slang, word for word. Maps, not objects: a post's words are looked up here, and
 * a word like "constructor" or "__proto__" is text, not a property.
 */
const shortForms = new Map<string, string>(
  Object.entries({
    kms: 'kill myself',
    kys: 'kill yourself',
    wanna: 'want to',
    gonna: 'going to',
    gunna: 'going to',
    '2': 'to',
    im: 'i am',
    ima: 'i am going to',
    cant: 'can not',
    "can't": 'can not',
    cannot: 'can not',
    dont: 'do not',
    "don't": 'do not',
    wont: 'will not',
    "won't": 'will not',
    ive: 'i have',
    "i've": 'i have',
    "i'm": 'i am',
    "i'd": 'i would',
    od: 'overdose',
    sh: 'self harm',
    selfharm: 'self harm',
    mself: 'myself',
    meself: 'myself',
    miself: 'myself',
    kil: 'kill',
    kll: 'kill',
    ded: 'dead',
    lyf: 'life',
    liv: 'live',
  }),
);

const ME = '(?:myself|me|my own life|my life)';
const I = '(?:i|i am|i have|i will|i would|i just|i really|i feel like i|i think i)';

/** The English table: first-person statements of intent, wish, plan or act. */
const phrases: Phrase[] = [
  // Killing oneself, ending one's life.
  { kind: 'suicide', pattern: /\b(?:kill|killing|killed|end|ending|take|taking)\s+myself\b/ },
  { kind: 'suicide', pattern: /\b(?:end|ending|take|taking)\s+my\s+(?:own\s+)?life\b/ },
  { kind: 'suicide', pattern: /\bunalive\s+(?:myself|me)\b/ },
  { kind: 'suicide', pattern: /\bend\s+it\s+all\b/ },
  { kind: 'suicide', pattern: /\bsuicidal\b/ },
  // "suicidle", "sucidal" and the like can read as "suicide": an adjective after feeling or being.
  { kind: 'suicide', pattern: /\b(?:feel|feels|feeling|felt|am|was|so|very)\s+suicide\b/ },
  {
    kind: 'suicide',
    pattern:
      /\b(?:commit|committing|attempt|attempted|attempting|considering|contemplating|thinking about|thought about|thoughts of|thinking of|planning|plan|want to|going to)\s+(?:to\s+)?(?:commit\s+)?suicide\b/,
  },
  { kind: 'suicide', pattern: /\bsuicide\s+(?:note|plan|attempt|letter)\b/ },
  // Wishing to be dead.
  {
    kind: 'suicide',
    pattern: new RegExp(`\\b${I}?\\s*(?:want|wanted|wish|wishing|ready|deserve|going|need)\\s+to\\s+die\\b`),
  },
  { kind: 'suicide', pattern: /\bwish\s+i\s+(?:was|were|had)\s+(?:dead|died|never been born)\b/ },
  {
    kind: 'suicide',
    pattern: /\bbetter\s+off\s+(?:dead|without\s+me|if\s+i\s+(?:was|were)\s+(?:dead|gone))\b/,
  },
  {
    kind: 'suicide',
    pattern: /\b(?:no|nothing\s+to)\s+(?:reason|point)\s+(?:to|in|for)\s+(?:live|living|going\s+on)\b/,
  },
  { kind: 'suicide', pattern: /\bnothing\s+(?:left\s+)?to\s+live\s+for\b/ },
  {
    kind: 'suicide',
    pattern: /\bdo\s+not\s+want\s+to\s+(?:be\s+alive|live|exist|be\s+here\s+any\s*more|wake\s+up)\b/,
  },
  { kind: 'suicide', pattern: /\b(?:can\s+not|could\s+not)\s+go\s+on\s+(?:any\s*more|living|like\s+this)\b/ },
  { kind: 'suicide', pattern: /\bsaying\s+goodbye\s+(?:to\s+)?(?:everyone|for\s+good|forever)\b/ },
  // Harming oneself.
  {
    kind: 'self_harm',
    pattern: new RegExp(
      `\\b(?:cut|cutting|burn|burning|hurt|hurting|harm|harming|punish|punishing|starve|starving)\\s+${ME}\\b`,
    ),
  },
  { kind: 'self_harm', pattern: /\bself\s*-?\s*harm(?:ing|ed)?\b/ },
  { kind: 'self_harm', pattern: /\b(?:overdose|overdosing|overdosed)\b/ },
  {
    kind: 'self_harm',
    pattern:
      /\b(?:take|taking|swallow|swallowing)\s+all\s+(?:my|the|of\s+my)\s+(?:pills|tablets|meds|medication)\b/,
  },
];

export const english: CrisisLanguage = {
  keyWords,
  shortForms,
  phrases,
  joined: [
    [/ my self /g, ' myself '],
    [/ killmyself /g, ' kill myself '],
    [/ endmylife /g, ' end my life '],
    [/ wanttodie /g, ' want to die '],
  ],
};
