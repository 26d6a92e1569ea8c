/**
 * The Spanish table of crisis phrases. Spanish says "me muero de risa", "me mata el calor" and "me
 * mato a trabajar" every day: a verb of dying or killing is read as a crisis phrase only in the
 * first person and when no "de …", "a …" or gerund follows that makes it a figure of speech.
 * Accents are gone by the time the patterns read the text ("ojalá" is "ojala").
 * @module
 */
import type { CrisisLanguage, Phrase } from './language';

const keyWords = new Map<string, number>(
  Object.entries({ suicidarme: 2, suicidio: 1, suicida: 1, matarme: 1, morirme: 1, autolesiones: 2 }),
);

/** Other persons' forms, one letter from a key word: not read as it. */
const known = new Set([
  'suicidarte',
  'suicidarse',
  'suicidaste',
  'suicidaron',
  'matarte',
  'matarse',
  'matarle',
  'matarlo',
  'matarla',
  'matarnos',
  'morirte',
  'morirse',
  'morirle',
  'suicidas',
]);

const shortForms = new Map<string, string>(
  Object.entries({
    q: 'que',
    k: 'que',
    ke: 'que',
    kiero: 'quiero',
    qiero: 'quiero',
    kero: 'quiero',
    qero: 'quiero',
    toy: 'estoy',
    suisidarme: 'suicidarme',
    suicidarm: 'suicidarme',
    suisidio: 'suicidio',
    suisida: 'suicida',
    matarm: 'matarme',
    morirm: 'morirme',
    pastis: 'pastillas',
  }),
);

/** A verb of harm followed by an article and a word that is not a body part ("me corto el pelo"). */
const NOT_BODY =
  '(?! (?:el|la|las|los|un|una|al|en|con) (?!brazos?|piernas?|munecas?|muslos?|venas|piel|cuerpo)\\w)';
/** "… de risa", "… a trabajar", "… estudiando": figures of speech. */
const NOT_FIGURE = '(?! (?:a|de|del|con|por) | \\w+(?:ando|iendo)\\b)';

const phrases: Phrase[] = [
  // Killing oneself, ending one's life.
  { kind: 'suicide', pattern: /\bsuicidarme\b/ },
  { kind: 'suicide', pattern: /\bme (?:\w+ ){0,3}suicidar\b|\bme suicido\b/ },
  { kind: 'suicide', pattern: new RegExp(`\\bmatarme\\b${NOT_FIGURE}`) },
  {
    kind: 'suicide',
    pattern: new RegExp(
      `\\bme (?:quiero|voy a|vaya a|pienso|dan ganas de|gustaria|deberia|podria) matar\\b${NOT_FIGURE}`,
    ),
  },
  { kind: 'suicide', pattern: /\bquitarme la vida\b|\bme (?:\w+ ){0,3}quitar la vida\b/ },
  { kind: 'suicide', pattern: /\b(?:acabar|terminar) con mi (?:vida|existencia)\b/ },
  {
    kind: 'suicide',
    pattern: /\b(?:acabar|terminar) con todo\b(?! (?:el|la|los|las|este|esta|estos|estas|eso|lo|mi|tu|su)\b)/,
  },
  // Wishing to be dead.
  {
    kind: 'suicide',
    pattern: new RegExp(
      `\\b(?:quiero|quisiera|deseo|prefiero|necesito|tengo ganas de|ganas de) morir(?:me)?\\b${NOT_FIGURE}`,
    ),
  },
  { kind: 'suicide', pattern: new RegExp(`\\bme quiero morir\\b${NOT_FIGURE}`) },
  {
    kind: 'suicide',
    pattern: /\bojala (?:me muriera|me muera|estuviera muert[oa]|no hubiera nacido|no despertara)\b/,
  },
  { kind: 'suicide', pattern: /\b(?:desearia|quisiera|preferiria) estar muert[oa]\b/ },
  {
    kind: 'suicide',
    pattern:
      /\bno (?:quiero|puedo) (?:seguir viviendo|vivir mas|seguir vivo|seguir viva|seguir aqui|existir|estar vivo|estar viva)\b/,
  },
  {
    kind: 'suicide',
    pattern:
      /\bno quiero (?:despertar|despertarme)(?: mas| nunca| manana)?\b(?! (?:temprano|pronto|tarde)\b)/,
  },
  {
    kind: 'suicide',
    pattern: /\bya no (?:quiero|puedo) (?:vivir|seguir)\b(?! (?:con|en|haciendo|trabajando|estudiando)\b)/,
  },
  {
    kind: 'suicide',
    pattern: /\bno tengo (?:ninguna )?(?:razones|motivos|razon|motivo|ganas) (?:para|de) (?:vivir|seguir)\b/,
  },
  { kind: 'suicide', pattern: /\bno (?:hay|tengo) (?:nada|nadie) por (?:quien|lo que) vivir\b/ },
  {
    kind: 'suicide',
    pattern:
      /\b(?:estarian|estarias|estaria|seria|serian|vivirian|irian|iria|estaran) (?:todos )?(?:mucho )?(?:mejor|mas felices|mas tranquilos) sin mi\b(?! (?!y |que |porque |de |asi |ya |lo |para |todos |nadie )\w)/,
  },
  { kind: 'suicide', pattern: /\b(?:ideas|pensamientos|ideacion|impulsos) suicidas?\b/ },
  { kind: 'suicide', pattern: /\b(?:me siento|estoy|sentirme|me sentia|ando) (?:muy )?suicidas?\b/ },
  { kind: 'suicide', pattern: /\b(?:pienso|pensando|pensado|pense|pensar) en (?:el )?suicidio\b/ },
  {
    kind: 'suicide',
    pattern: /\b(?:intento|intente|intentado|nota|carta|plan) de suicidio\b|\bmi suicidio\b/,
  },
  {
    kind: 'suicide',
    pattern: /\bme despido (?:de todos|de todo el mundo|de ustedes|de vosotros)? ?para siempre\b/,
  },
  { kind: 'suicide', pattern: /\bdesaparecer (?:para siempre|de este mundo|del mundo)\b/ },
  {
    kind: 'suicide',
    pattern:
      /\b(?:tirarme|lanzarme|aventarme) (?:a las vias|al tren|al metro|de un puente|del puente|por la ventana|desde)\b/,
  },
  // Harming oneself.
  {
    kind: 'self_harm',
    pattern: new RegExp(
      `\\bme (?:corto|sigo cortando|estoy cortando|he vuelto a cortar|volvi a cortar|quemo|lastimo|golpeo|hago dano|autolesiono|autolesione)\\b${NOT_BODY}`,
    ),
  },
  {
    kind: 'self_harm',
    pattern: new RegExp(
      `\\b(?:cortarme|quemarme|lastimarme|golpearme|hacerme dano|autolesionarme)\\b${NOT_BODY}`,
    ),
  },
  { kind: 'self_harm', pattern: /\bautolesion(?:es|arme|ando|e|o)?\b/ },
  { kind: 'self_harm', pattern: /\bsobredosis\b/ },
  {
    kind: 'self_harm',
    pattern:
      /\b(?:tomarme|tragarme|tomar|tragar|beberme|tomare) (?:todas|todos) (?:mis|las|los) (?:pastillas|pildoras|medicamentos|medicinas|comprimidos)\b/,
  },
];

export const es: CrisisLanguage = { keyWords, known, shortForms, phrases };
