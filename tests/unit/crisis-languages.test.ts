/**
 * The crisis phrases of Spanish, French and German, each read by its own table: first-person
 * statements of risk in plain, misspelt, spaced, stretched, look-alike and slang forms must match;
 * the language's everyday figures of speech, and talk about the subject, must not.
 */
import { describe, expect, it } from 'vitest';
import { CRISIS_LANGUAGES, detectCrisis, normalise } from '../../functions/core/crisis';

type Table = { match: [string, 'suicide' | 'self_harm'][]; noMatch: string[] };

const TABLES: Record<'es' | 'fr' | 'de', Table> = {
  es: {
    match: [
      ['Quiero suicidarme', 'suicide'],
      ['me quiero suicidar', 'suicide'],
      ['Estoy pensando en suicidarme otra vez', 'suicide'],
      ['quiero matarme', 'suicide'],
      ['Me voy a matar esta noche', 'suicide'],
      ['Voy a quitarme la vida', 'suicide'],
      ['quiero quitarme la vida', 'suicide'],
      ['Me quiero morir', 'suicide'],
      ['quiero morir ya', 'suicide'],
      ['Ojalá estuviera muerta', 'suicide'],
      ['ojala me muriera mientras duermo', 'suicide'],
      ['No quiero seguir viviendo', 'suicide'],
      ['no quiero vivir más', 'suicide'],
      ['No tengo razones para vivir', 'suicide'],
      ['no tengo motivos para seguir', 'suicide'],
      ['Todos estarían mejor sin mí', 'suicide'],
      ['estarian mejor sin mi', 'suicide'],
      ['Tengo ideas suicidas', 'suicide'],
      ['pensamientos suicidas otra vez', 'suicide'],
      ['Me siento suicida', 'suicide'],
      ['Intenté suicidarme el año pasado y las ideas han vuelto', 'suicide'],
      ['estoy planeando mi suicidio', 'suicide'],
      ['escribí una nota de suicidio', 'suicide'],
      ['Ya no aguanto más, quiero acabar con todo', 'suicide'],
      ['quiero acabar con mi vida', 'suicide'],
      ['quiero terminar con mi vida', 'suicide'],
      ['no quiero despertar mañana', 'suicide'],
      ['No quiero existir', 'suicide'],
      ['kiero matarme', 'suicide'],
      ['qiero morir', 'suicide'],
      ['s u i c i d a r m e', 'suicide'],
      ['QUIERO SUICIDARME', 'suicide'],
      ['quiero suisidarme', 'suicide'],
      ['quiero suicidrme', 'suicide'],
      ['quiero m4t4rme', 'suicide'],
      ['quiero morirmeeee', 'suicide'],
      ['Me despido de todos para siempre', 'suicide'],
      ['quiero desaparecer de este mundo', 'suicide'],
      ['pienso en tirarme a las vías', 'suicide'],
      ['Me corto otra vez', 'self_harm'],
      ['me corto los brazos cuando estoy mal', 'self_harm'],
      ['Volví a cortarme anoche', 'self_harm'],
      ['me hago daño a propósito', 'self_harm'],
      ['Me autolesiono desde hace años', 'self_harm'],
      ['recaí en las autolesiones', 'self_harm'],
      ['quiero hacerme daño', 'self_harm'],
      ['me quemo los brazos', 'self_harm'],
      ['quiero tomarme todas las pastillas', 'self_harm'],
      ['Estoy pensando en una sobredosis', 'self_harm'],
    ],
    noMatch: [
      'Me muero de risa con este vídeo',
      'Me muero de ganas de verte',
      'Me muero de hambre',
      'Esta tarta está de muerte',
      'Me mata el calor',
      'Mi jefe me va a matar si llego tarde',
      'Me mato a trabajar todos los días',
      'Me voy a matar estudiando para el examen',
      'Mataría por un café',
      'Ese chiste me mató',
      'El examen me está matando',
      'Mi móvil se murió a mitad de la llamada',
      'Estoy muerta de cansancio',
      'Estoy muerto de sed',
      'Vimos Escuadrón Suicida anoche',
      'Hicimos una formación en prevención del suicidio',
      'Mi abuela murió el año pasado y la echo de menos',
      'Me corto el pelo cada mes',
      'Me corté el dedo cortando cebolla',
      'Me hice daño en la rodilla corriendo',
      'Hoy me siento mucho mejor, gracias a todos',
      'Ya no puedo más con estos deberes',
      'Se me murieron las plantas',
      'Maté el proceso y reinicié el ordenador',
      'Me quiero morir de vergüenza, qué ridículo',
      'Quiero acabar con todo este papeleo hoy',
      'Hablamos del autocuidado y la autocompasión',
      'No puedo despertarme temprano',
      'Estaría mejor sin mi móvil todo el día',
      'Me voy a tomar un café',
      'Quiero matar el tiempo antes de la reunión',
      'Me estoy muriendo de calor',
    ],
  },
  fr: {
    match: [
      ['Je veux me suicider', 'suicide'],
      ['j’ai envie de me suicider', 'suicide'],
      ['Je pense à me suicider', 'suicide'],
      ['je vais me tuer', 'suicide'],
      ['Je veux me tuer ce soir', 'suicide'],
      ['j’ai envie de mourir', 'suicide'],
      ['je veux mourir', 'suicide'],
      ['Je veux en finir', 'suicide'],
      ['Je veux en finir avec la vie', 'suicide'],
      ['Je vais mettre fin à mes jours', 'suicide'],
      ['je veux mettre fin à ma vie', 'suicide'],
      ['Je voudrais être morte', 'suicide'],
      ['Je ne veux plus vivre', 'suicide'],
      ['je veux plus vivre', 'suicide'],
      ['J’ai plus envie de vivre', 'suicide'],
      ['Je n’ai aucune raison de vivre', 'suicide'],
      ['Tout le monde serait mieux sans moi', 'suicide'],
      ['ils seraient mieux sans moi', 'suicide'],
      ['J’ai des idées suicidaires', 'suicide'],
      ['des pensées suicidaires encore', 'suicide'],
      ['je me sens suicidaire', 'suicide'],
      ['J’ai fait une tentative de suicide l’an dernier et ça revient', 'suicide'],
      ['je prépare mon suicide', 'suicide'],
      ['je ne veux plus me réveiller', 'suicide'],
      ['je veux disparaître pour toujours', 'suicide'],
      ['j’en peux plus de vivre', 'suicide'],
      ['jveux mourir', 'suicide'],
      ['chui suicidaire', 'suicide'],
      ['j’veux crever', 'suicide'],
      ['je veux me s u i c i d e r', 'suicide'],
      ['JE VEUX MOURIR', 'suicide'],
      ['je veux me suisider', 'suicide'],
      ['je veux mourrir', 'suicide'],
      ['je veux me su1c1der', 'suicide'],
      ['j’ai envie de me foutre en l’air', 'suicide'],
      ['je pense à me jeter sous un train', 'suicide'],
      ['Je vous dis adieu à tous', 'suicide'],
      ['plus rien ne me retient', 'suicide'],
      ['je me scarifie', 'self_harm'],
      ['j’ai recommencé à me scarifier', 'self_harm'],
      ['je me fais du mal', 'self_harm'],
      ['je me mutile depuis des mois', 'self_harm'],
      ['je me coupe les bras', 'self_harm'],
      ['je me coupe encore', 'self_harm'],
      ['je veux me faire du mal', 'self_harm'],
      ['je vais avaler tous mes cachets', 'self_harm'],
      ['je pense à faire une overdose', 'self_harm'],
      ['je me brûle exprès', 'self_harm'],
    ],
    noMatch: [
      'Ce film m’a tué, j’ai tellement ri',
      'Je meurs de faim',
      'Je meurs d’envie de voir l’expo',
      'Je suis mort de rire',
      'Je pourrais tuer pour un café',
      'Tu as tué le game au concert',
      'Mon téléphone est mort pendant l’appel',
      'Je suis crevé après le travail',
      'C’est à mourir de rire',
      'On a regardé Suicide Squad hier soir',
      'Notre groupe a suivi une formation en prévention du suicide',
      'Les plantes sont mortes pendant mon absence',
      'J’ai tué le processus et redémarré l’ordinateur',
      'Je me coupe les cheveux moi-même',
      'Je me suis fait mal au genou en courant',
      'Je me sens beaucoup mieux aujourd’hui, merci',
      'J’en peux plus de ces devoirs',
      'Ma grand-mère est morte l’an dernier et elle me manque',
      'On a parlé d’autocompassion et de prendre soin de soi',
      'Je vais me jeter à l’eau et lui parler',
      'Je me tue à te le répéter',
      'Je vais me tuer à la tâche avec ce projet',
      'Je veux en finir avec ce dossier avant vendredi',
      'J’ai pris un cachet pour le mal de tête',
      'Je vais crever l’abcès avec lui',
      'Mon père va me tuer si je rentre tard',
      'Je me brûle en cuisinant tout le temps',
      'Je veux mourir de rire devant ce spectacle',
    ],
  },
  de: {
    match: [
      ['Ich will mich umbringen', 'suicide'],
      ['ich möchte mich umbringen', 'suicide'],
      ['Ich bringe mich um', 'suicide'],
      ['ich bring mich um', 'suicide'],
      ['ich werde mich umbringen', 'suicide'],
      ['Ich denke daran, mich umzubringen', 'suicide'],
      ['Ich will sterben', 'suicide'],
      ['ich möchte einfach nur noch sterben', 'suicide'],
      ['Ich will nicht mehr leben', 'suicide'],
      ['ich möchte nicht mehr leben', 'suicide'],
      ['Ich habe Selbstmordgedanken', 'suicide'],
      ['ich hab suizidgedanken', 'suicide'],
      ['Ich fühle mich suizidal', 'suicide'],
      ['Ich denke an Selbstmord', 'suicide'],
      ['ich denke oft über Suizid nach', 'suicide'],
      ['Ich hatte einen Suizidversuch und die Gedanken sind zurück', 'suicide'],
      ['Ich plane meinen Suizid', 'suicide'],
      ['Ich habe einen Abschiedsbrief geschrieben', 'suicide'],
      ['Ich möchte meinem Leben ein Ende setzen', 'suicide'],
      ['ich will mein Leben beenden', 'suicide'],
      ['ich will mir das Leben nehmen', 'suicide'],
      ['Ich will mit allem Schluss machen', 'suicide'],
      ['Alle wären besser dran ohne mich', 'suicide'],
      ['Ich wünschte, ich wäre tot', 'suicide'],
      ['ich wäre lieber tot', 'suicide'],
      ['Ich habe keinen Grund mehr zu leben', 'suicide'],
      ['Ich will nicht mehr aufwachen', 'suicide'],
      ['Ich will mich töten', 'suicide'],
      ['i bring mi um', 'suicide'],
      ['ich will mich umbrigen', 'suicide'],
      ['selbstmord gedanken jeden tag', 'suicide'],
      ['ich will mich u m b r i n g e n', 'suicide'],
      ['ICH WILL STERBEN', 'suicide'],
      ['ich will sterbeeen', 'suicide'],
      ['ich will st3rben', 'suicide'],
      ['Ich verabschiede mich von allen für immer', 'suicide'],
      ['ich will mich vor einen Zug werfen', 'suicide'],
      ['Ich will nicht mehr da sein', 'suicide'],
      ['ich moechte nimmer leben', 'suicide'],
      ['Ich verletze mich selbst', 'self_harm'],
      ['ich ritze mich wieder', 'self_harm'],
      ['ich hab mich wieder geritzt', 'self_harm'],
      ['Ich schneide mich wieder', 'self_harm'],
      ['Ich will mich selbst verletzen', 'self_harm'],
      ['ich tu mir absichtlich weh', 'self_harm'],
      ['Die Selbstverletzung ist wieder da', 'self_harm'],
      ['Ich will alle meine Tabletten nehmen', 'self_harm'],
      ['ich denke an eine Überdosis', 'self_harm'],
    ],
    noMatch: [
      'Der Film hat mich umgebracht, so gelacht',
      'Ich sterbe vor Hunger',
      'Ich sterbe gleich vor Lachen',
      'Ich könnte für einen Kaffee töten',
      'Ich lach mich tot',
      'Ich bin todmüde',
      'Mein Handy ist mitten im Gespräch gestorben',
      'Der Kuchen ist zum Sterben schön',
      'Wir haben gestern Suicide Squad geschaut',
      'Unsere Gruppe hat eine Schulung zur Suizidprävention gemacht',
      'Meine Oma ist letztes Jahr gestorben und ich vermisse sie',
      'Ich schneide mir die Haare selbst',
      'Ich habe mir beim Joggen das Knie verletzt',
      'Mir geht es heute viel besser, danke euch',
      'Ich kann diese Hausaufgaben nicht mehr sehen',
      'Die Pflanzen sind eingegangen, während ich weg war',
      'Ich habe den Prozess gekillt und den Laptop neu gestartet',
      'Ich bring dich um, wenn du das verrätst',
      'Die Hitze bringt mich um',
      'Ich will mit meinem Freund Schluss machen',
      'Ich will dieses Projekt beenden',
      'Wir haben über Selbstfürsorge gesprochen',
      'Ich bin fix und fertig nach der Arbeit',
      'Ich habe eine Tablette gegen Kopfschmerzen genommen',
      'Ich will nicht mehr warten',
      'Ich will nicht sterben, ich will nur, dass es aufhört',
      'Ich habe Angst, dass er mich umbringen will',
      'Ich werde vor Langeweile sterben',
      'Das tut mir weh zu hören',
    ],
  },
};

for (const [language, table] of Object.entries(TABLES)) {
  describe(`crisis phrases (${language})`, () => {
    it('has the rows the issue asks for', () => {
      expect(table.match.length).toBeGreaterThanOrEqual(40);
      expect(table.noMatch.length).toBeGreaterThanOrEqual(25);
    });

    it.each(table.match)('match: %s', (text, kind) => {
      const signal = detectCrisis(text, language);
      expect(signal.matched, normalise(text, CRISIS_LANGUAGES[language as 'es'])).toBe(true);
      expect(signal.kinds).toContain(kind);
    });

    it.each(table.noMatch)('no match: %s', (text) => {
      expect(detectCrisis(text, language).matched, normalise(text, CRISIS_LANGUAGES[language as 'es'])).toBe(
        false,
      );
    });
  });
}

describe('crisis phrases (ar), a first table', () => {
  it.each([
    ['أريد أن أنهي حياتي، لم أعد أحتمل العيش.', 'suicide'],
    ['سأنتحر الليلة', 'suicide'],
    ['أفكر في الانتحار كل يوم', 'suicide'],
    ['أريد أن أموت', 'suicide'],
    ['أتمنى الموت', 'suicide'],
    ['لا أريد أن أعيش بعد الآن', 'suicide'],
    ['سأقتل نفسي', 'suicide'],
    ['أُرِيدُ أَنْ أَمُوتَ', 'suicide'],
    ['أريــــد أن أموت', 'suicide'],
    ['أجرح نفسي كل ليلة', 'self_harm'],
    ['عدت إلى إيذاء النفس', 'self_harm'],
  ] as const)('match: %s', (text, kind) => {
    expect(detectCrisis(text, 'ar').kinds).toContain(kind);
    // Written in Arabic, read as Arabic whatever language the post says it is in.
    expect(detectCrisis(text, 'en').kinds).toContain(kind);
  });

  it.each([
    'أموت من الضحك',
    'قتلني هذا الفيلم من الضحك',
    'أريد أن أعيش حياة هادئة',
    'تحدثنا عن الوقاية من الانتحار في التدريب',
    'ماتت جدتي العام الماضي',
    'جرحت إصبعي وأنا أطبخ',
  ])('no match: %s', (text) => {
    expect(detectCrisis(text, 'ar').matched, normalise(text, CRISIS_LANGUAGES.ar)).toBe(false);
  });
});

describe('the language of a post', () => {
  it('reads a post with its own language’s table, not another’s', () => {
    expect(detectCrisis('Quiero suicidarme', 'es').matched).toBe(true);
    expect(detectCrisis('Quiero suicidarme', 'de').matched).toBe(false);
    expect(detectCrisis('Ich will sterben', 'fr').matched).toBe(false);
  });

  it('reads English slang in any language, and a language without a table by English', () => {
    expect(detectCrisis('hoy solo pienso kms', 'es').matched).toBe(true);
    expect(detectCrisis('I want to kill myself', 'ar').matched).toBe(true);
    expect(detectCrisis('I want to kill myself', 'constructor').matched).toBe(true);
  });
});
