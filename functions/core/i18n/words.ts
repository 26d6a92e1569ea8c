/**
 * What Hearth's server writes in a member's language where no web page words it for them: their
 * calendar feed (titles, the discreet title, the lines of a description) and push messages. A
 * short table per language, filled in by `{name}`; the web app's catalogues word everything else.
 * @module
 */
import type { Locale } from './locales';

const EN = {
  discreetTitle: 'Hearth session',
  waitingTitle: '{title} (waiting list)',
  cancelled: 'Cancelled',
  cancelledBecause: 'Cancelled: {reason}',
  waitingAt: 'You are number {position} on the waiting list.',
  joinOnline: 'Join online: {url}',
  addressLater: 'The address is shown once you have a place.',
  feedName: 'Hearth: my meetups',
  pushSession: 'A session at {at}',
  pushDuty: 'A duty at {at}',
  pushAt: '{group}, at {at}',
  pushDutyTitle: '{duty}: {title}',
  somethingNew: 'Something new for you in Hearth',
  dutyTitle: '{duty}: {title}',
  dutyUnconfirmed: '{duty} (please confirm): {title}',
  'role.lead': 'Lead facilitator',
  'role.co': 'Co-facilitator',
  'role.host': 'Online host',
  'role.greeter': 'Greeter',
};
export type WordKey = keyof typeof EN;

export const WORDS: Record<Locale, Record<WordKey, string>> = {
  en: EN,
  es: {
    discreetTitle: 'Sesión de Hearth',
    waitingTitle: '{title} (lista de espera)',
    cancelled: 'Cancelado',
    cancelledBecause: 'Cancelado: {reason}',
    waitingAt: 'Eres el número {position} de la lista de espera.',
    joinOnline: 'Únete en línea: {url}',
    addressLater: 'La dirección se muestra cuando tengas plaza.',
    feedName: 'Hearth: mis encuentros',
    pushSession: 'Una sesión a las {at}',
    pushDuty: 'Un turno a las {at}',
    pushAt: '{group}, a las {at}',
    pushDutyTitle: '{duty}: {title}',
    somethingNew: 'Hay algo nuevo para ti en Hearth',
    dutyTitle: '{duty}: {title}',
    dutyUnconfirmed: '{duty} (confírmalo, por favor): {title}',
    'role.lead': 'Facilitador principal',
    'role.co': 'Cofacilitador',
    'role.host': 'Anfitrión en línea',
    'role.greeter': 'Bienvenida',
  },
  fr: {
    discreetTitle: 'Séance Hearth',
    waitingTitle: '{title} (liste d’attente)',
    cancelled: 'Annulée',
    cancelledBecause: 'Annulée : {reason}',
    waitingAt: 'Vous êtes numéro {position} sur la liste d’attente.',
    joinOnline: 'Rejoindre en ligne : {url}',
    addressLater: 'L’adresse s’affiche une fois que vous avez une place.',
    feedName: 'Hearth : mes rencontres',
    pushSession: 'Une séance à {at}',
    pushDuty: 'Une permanence à {at}',
    pushAt: '{group}, à {at}',
    pushDutyTitle: '{duty} : {title}',
    somethingNew: 'Du nouveau pour vous dans Hearth',
    dutyTitle: '{duty} : {title}',
    dutyUnconfirmed: '{duty} (à confirmer) : {title}',
    'role.lead': 'Animateur principal',
    'role.co': 'Co-animateur',
    'role.host': 'Hôte en ligne',
    'role.greeter': 'Accueil',
  },
  de: {
    discreetTitle: 'Hearth-Treffen',
    waitingTitle: '{title} (Warteliste)',
    cancelled: 'Abgesagt',
    cancelledBecause: 'Abgesagt: {reason}',
    waitingAt: 'Du bist Nummer {position} auf der Warteliste.',
    joinOnline: 'Online teilnehmen: {url}',
    addressLater: 'Die Adresse siehst du, sobald du einen Platz hast.',
    feedName: 'Hearth: meine Treffen',
    pushSession: 'Ein Treffen um {at}',
    pushDuty: 'Ein Dienst um {at}',
    pushAt: '{group}, um {at}',
    pushDutyTitle: '{duty}: {title}',
    somethingNew: 'Etwas Neues für dich in Hearth',
    dutyTitle: '{duty}: {title}',
    dutyUnconfirmed: '{duty} (bitte bestätigen): {title}',
    'role.lead': 'Hauptgesprächsleitung',
    'role.co': 'Co-Gesprächsleitung',
    'role.host': 'Online-Gastgeber',
    'role.greeter': 'Begrüßung',
  },
  ar: {
    discreetTitle: 'جلسة Hearth',
    waitingTitle: '{title} (قائمة الانتظار)',
    cancelled: 'أُلغي',
    cancelledBecause: 'أُلغي: {reason}',
    waitingAt: 'ترتيبك {position} في قائمة الانتظار.',
    joinOnline: 'انضم عبر الإنترنت: {url}',
    addressLater: 'يظهر العنوان عندما يكون لك مكان.',
    feedName: 'Hearth: لقاءاتي',
    pushSession: 'جلسة في {at}',
    pushDuty: 'مناوبة في {at}',
    pushAt: '{group}، في {at}',
    pushDutyTitle: '{duty}: {title}',
    somethingNew: 'هناك جديد لك في Hearth',
    dutyTitle: '{duty}: {title}',
    dutyUnconfirmed: '{duty} (يرجى التأكيد): {title}',
    'role.lead': 'الميسّر الرئيسي',
    'role.co': 'ميسّر مشارك',
    'role.host': 'مضيف عبر الإنترنت',
    'role.greeter': 'الاستقبال',
  },
};

/** A word in a language, its `{name}`s filled in (each once, from `values`). */
export function word(
  locale: Locale | undefined,
  key: WordKey,
  values: Record<string, string | number> = {},
): string {
  return (WORDS[locale ?? 'en'] ?? EN)[key].replace(/\{(\w+)\}/g, (all, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : all,
  );
}
