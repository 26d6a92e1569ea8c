/**
 * Crisis signposting: does a post say that its author may be at risk right now? A match shows the
 * author crisis resources at once and flags the post "may need support" to moderators; it never
 * hides the post and never diagnoses. Recall matters more than precision here (a missed post is
 * worse than a calm panel shown once too often), but everyday figures of speech ("this film killed
 * me", "I'm dying to see it") must not match, or people learn to ignore the panel.
 *
 * Text is normalised first (case, accents, look-alike digits and symbols, stretched letters,
 * spaced-out letters, "my self"), misspelt key words are read as them, then phrase patterns
 * are matched. English first; other locales
 * add their own table.
 * @module
 */

export type CrisisKind = 'suicide' | 'self_harm';

interface Phrase {
  kind: CrisisKind;
  pattern: RegExp;
}

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

/**
 * Words the patterns rely on, which misspellings are read as, with how many slips each allows.
 * Only words with no everyday English neighbour: "killing" would catch "filling", "cutting"
 * "putting", "overdose" "overdone".
 */
const KEY_WORDS = new Map<string, number>(
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
const SHORT = new Map<string, string>(
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
const EN: Phrase[] = [
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
function canonical(word: string): string {
  if (word.length < 5 || KEY_WORDS.has(word)) return word;
  for (const [key, slips] of KEY_WORDS)
    if (Math.abs(key.length - word.length) <= slips && distance(word, key) <= slips) return key;
  return word;
}

/** Text as the patterns read it: lower case, plain letters, single spaces, words spelt out. */
export function normalise(text: string): string {
  let t = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'");
  // Look-alikes inside words (k1ll, $uicide), not numbers standing alone.
  t = t.replace(/[0-9@$!]/g, (ch, i: number) => {
    const near = `${t[i - 1] ?? ' '}${t[i + 1] ?? ' '}`;
    return /[a-z]/.test(near) ? (LOOKALIKE.get(ch) ?? ch) : ch;
  });
  t = t.replace(/[^a-z0-9']+/g, ' ');
  // Stretched letters: "killlll", "diiiie" (then "kil" reads as "kill").
  t = t.replace(/([a-z])\1{2,}/g, '$1');
  // Spaced-out letters: "k i l l m y s e l f" (three or more single letters in a row).
  t = t.replace(/\b(?:[a-z] ){2,}[a-z]\b/g, (run) => run.replace(/ /g, ''));
  const words = t
    .trim()
    .split(/\s+/)
    .flatMap((w) => (SHORT.get(w) ?? canonical(w.replace(/'/g, ''))).split(' '));
  return ` ${words.join(' ')} `
    .replace(/ my self /g, ' myself ')
    .replace(/ killmyself /g, ' kill myself ')
    .replace(/ endmylife /g, ' end my life ')
    .replace(/ wanttodie /g, ' want to die ')
    .trim();
}

export interface CrisisSignal {
  /** The post may come from someone at risk: show resources, flag "may need support". */
  matched: boolean;
  kinds: CrisisKind[];
}

/** Checks a post's text against the crisis phrases of its locale (English for now). */
export function detectCrisis(text: string, _locale = 'en'): CrisisSignal {
  const t = normalise(text.slice(0, 20_000));
  const kinds = [...new Set(EN.filter((p) => p.pattern.test(t)).map((p) => p.kind))];
  return { matched: kinds.length > 0, kinds };
}
