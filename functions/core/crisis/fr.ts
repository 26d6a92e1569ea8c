/**
 * The French table of crisis phrases. French elides ("j'ai", "m'a tué"), so the apostrophe splits
 * words and the elided ones are read whole ("je ai", "me a tue"); people often drop the "ne" of a
 * negation ("je veux plus vivre"), and say "je me tue à le dire", "je meurs de faim", "mort de
 * rire" every day: those are figures of speech, not matched.
 * @module
 */
import type { CrisisLanguage, Phrase } from './language';

const keyWords = new Map<string, number>(Object.entries({ suicider: 1, suicidaire: 1, suicidaires: 1 }));

/** Real words one letter from a key word. */
const known = new Set(['suicide', 'suicides', 'suicidee', 'suicidees', 'suicidez']);

const shortForms = new Map<string, string>(
  Object.entries({
    // Elided words, read whole.
    j: 'je',
    m: 'me',
    t: 'te',
    l: 'le',
    n: 'ne',
    d: 'de',
    s: 'se',
    qu: 'que',
    c: 'ce',
    // Written as spoken.
    jveux: 'je veux',
    jveu: 'je veux',
    jvx: 'je veux',
    veu: 'veux',
    vx: 'veux',
    chui: 'je suis',
    chuis: 'je suis',
    jsuis: 'je suis',
    jsui: 'je suis',
    jpeux: 'je peux',
    jpeu: 'je peux',
    jvais: 'je vais',
    jvai: 'je vais',
    jme: 'je me',
    jai: 'je ai',
    jpense: 'je pense',
    mourrir: 'mourir',
    mourire: 'mourir',
    mourrire: 'mourir',
    suisider: 'suicider',
    sucider: 'suicider',
    medocs: 'medicaments',
    tt: 'tout',
  }),
);

/** A verb of harm followed by an article and a word that is not a body part ("les cheveux"). */
const NOT_BODY =
  '(?! (?:les|le|la|un|une|au|aux|en|des|du) (?!bras|poignets?|jambes?|cuisses?|veines|peau|ventre)\\w)';

const phrases: Phrase[] = [
  // Killing oneself, ending one's life.
  { kind: 'suicide', pattern: /\bme suicider\b|\bje me suicide\b/ },
  {
    kind: 'suicide',
    pattern:
      /\bje (?:ne )?(?:vais|veux|voudrais|pense a|pense|peux|devrais|prefere|compte|ai envie de|ai pense a|reve de|finirai par) me tuer\b(?! a | au | pour )/,
  },
  { kind: 'suicide', pattern: /\benvie de me tuer\b(?! a | au | pour )/ },
  { kind: 'suicide', pattern: /\bme foutre en le air\b/ },
  {
    kind: 'suicide',
    pattern:
      /\b(?:veux|voudrais|ai envie de|envie de|prefererais|aimerais|souhaite) (?:juste |seulement |vraiment )?mourir\b(?! de | du | des | pour )/,
  },
  {
    kind: 'suicide',
    pattern:
      /\b(?:veux|envie de) crever\b(?! (?:le|la|les|un|une|de|du|des|ce|cet|cette|mon|ma|mes|ton|ta|tes)\b)/,
  },
  {
    kind: 'suicide',
    pattern:
      /\b(?:veux|vais|voudrais|envie de|aimerais|prefere|besoin de) en finir\b(?! avec (?!(?:la vie|ma vie|tout|cette vie|moi|le monde|mes jours)\b))/,
  },
  { kind: 'suicide', pattern: /\bmettre fin a (?:mes jours|ma vie|mon existence)\b/ },
  {
    kind: 'suicide',
    pattern: /\bje (?:voudrais|aimerais|prefererais|souhaite|souhaiterais|veux) (?:etre|deja etre) morte?\b/,
  },
  { kind: 'suicide', pattern: /\b(?:voudrais|aimerais) ne (?:jamais )?(?:etre nee?|avoir existe)\b/ },
  // No reason to go on.
  {
    kind: 'suicide',
    pattern:
      /\bje (?:ne )?(?:veux|peux) plus (?:vivre|exister|continuer a vivre|continuer comme ca|me reveiller|etre la|etre en vie)\b/,
  },
  {
    kind: 'suicide',
    pattern:
      /\bje (?:ne )?ai plus (?:envie|la force|aucune envie) de (?:vivre|me battre|continuer|exister)\b/,
  },
  { kind: 'suicide', pattern: /\ben peux plus de (?:vivre|la vie|cette vie|exister)\b/ },
  {
    kind: 'suicide',
    pattern: /\b(?:aucune|plus de|pas de|plus aucune) raisons? de (?:vivre|continuer|rester en vie)\b/,
  },
  { kind: 'suicide', pattern: /\brien ne me retient (?:plus|ici)\b|\bplus rien ne me retient\b/ },
  { kind: 'suicide', pattern: /\bmieux sans moi\b/ },
  // Naming it.
  { kind: 'suicide', pattern: /\b(?:idees?|pensees?|envies?|pulsions?) (?:suicidaires?|de suicide)\b/ },
  { kind: 'suicide', pattern: /\b(?:suis|sens|sentir|sentais) (?:tres )?suicidaires?\b/ },
  { kind: 'suicide', pattern: /\b(?:tentative|plan|lettre) de suicide\b|\bmon suicide\b/ },
  {
    kind: 'suicide',
    pattern: /\b(?:pense|pensee|pensais|songe|songeais) (?:au|a le|souvent au|beaucoup au) suicide\b/,
  },
  { kind: 'suicide', pattern: /\bdis adieu a (?:tout le monde|tous|vous tous)\b|\badieu pour toujours\b/ },
  { kind: 'suicide', pattern: /\bdisparaitre (?:pour toujours|a jamais|definitivement)\b/ },
  {
    kind: 'suicide',
    pattern:
      /\bme jeter (?:sous (?:un|le) (?:train|metro|bus|camion|voiture)|du haut|par la fenetre|de un pont|du pont|dans le vide)\b/,
  },
  // Harming oneself.
  {
    kind: 'self_harm',
    pattern: new RegExp(`\\bje me (?:scarifie|mutile|coupe|brule|fais du mal|frappe|taillade)\\b${NOT_BODY}`),
  },
  {
    kind: 'self_harm',
    pattern: new RegExp(`\\bme (?:scarifier|mutiler|couper|bruler|faire du mal|taillader)\\b${NOT_BODY}`),
  },
  {
    kind: 'self_harm',
    pattern: /\bscarification\w*\b|\bautomutilation\w*\b|\bme (?:suis )?(?:scarifiee?|mutilee?)\b/,
  },
  { kind: 'self_harm', pattern: /\b(?:overdose|surdose)\b/ },
  {
    kind: 'self_harm',
    pattern:
      /\b(?:prendre|avaler|prends|avale) (?:tous|toutes) (?:mes|les) (?:cachets|pilules|medicaments|comprimes)\b/,
  },
];

export const fr: CrisisLanguage = { keyWords, known, shortForms, phrases, apostropheSplits: true };
