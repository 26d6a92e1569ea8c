/**
 * Crisis lines by region: well-known, free services, each with the page it was taken from. The
 * member chooses their region (never guessed from their address); the crisis panel shows that
 * region's lines first, and, until they choose, the lines of the regions that speak the language
 * they wrote in. Kept in step with web/crisis.html, which works without the app; a test
 * checks the two agree. Review with the rest of the directory (issue 7 seeds it from here).
 * @module
 */
import { isLocale } from './i18n/locales';
import { word } from './i18n/words';

export interface CrisisLine {
  name: string;
  /** What to dial or text, as people write it locally. */
  call?: string;
  text?: string;
  hours: string;
  url: string;
  /** Where the details were checked. */
  source: string;
  /** The languages it answers in (ISO 639-1); English when not said. */
  languages?: readonly string[];
}

export interface CrisisRegion {
  name: string;
  /** The emergency number, for danger to life. */
  emergency: string;
  lines: CrisisLine[];
}

export const CRISIS_REGIONS = {
  US: {
    name: 'United States',
    emergency: '911',
    lines: [
      {
        name: '988 Suicide & Crisis Lifeline',
        call: '988',
        text: '988',
        hours: 'any time',
        url: 'https://988lifeline.org/',
        source: 'https://988lifeline.org/',
      },
    ],
  },
  CA: {
    name: 'Canada',
    emergency: '911',
    lines: [
      {
        name: '9-8-8 Suicide Crisis Helpline',
        call: '988',
        text: '988',
        hours: 'any time',
        url: 'https://988.ca/',
        source: 'https://988.ca/',
      },
    ],
  },
  GB: {
    name: 'United Kingdom',
    emergency: '999',
    lines: [
      {
        name: 'Samaritans',
        call: '116 123',
        hours: 'any time',
        url: 'https://www.samaritans.org/',
        source: 'https://www.samaritans.org/how-we-can-help/contact-samaritan/',
      },
      {
        name: 'Shout',
        text: '85258',
        hours: 'any time',
        url: 'https://giveusashout.org/',
        source: 'https://giveusashout.org/get-help/',
      },
    ],
  },
  IE: {
    name: 'Ireland',
    emergency: '112 or 999',
    lines: [
      {
        name: 'Samaritans',
        call: '116 123',
        hours: 'any time',
        url: 'https://www.samaritans.org/ireland/',
        source: 'https://www.samaritans.org/ireland/how-we-can-help/contact-samaritan/',
      },
      {
        name: 'Text About It',
        text: '50808',
        hours: 'any time',
        url: 'https://text50808.ie/',
        source: 'https://text50808.ie/',
      },
    ],
  },
  AU: {
    name: 'Australia',
    emergency: '000',
    lines: [
      {
        name: 'Lifeline',
        call: '13 11 14',
        text: '0477 13 11 14',
        hours: 'any time',
        url: 'https://www.lifeline.org.au/',
        source: 'https://www.lifeline.org.au/crisis-text/',
      },
    ],
  },
  NZ: {
    name: 'New Zealand',
    emergency: '111',
    lines: [
      {
        name: 'Need to talk?',
        call: '1737',
        text: '1737',
        hours: 'any time',
        url: 'https://1737.org.nz/',
        source: 'https://1737.org.nz/',
      },
    ],
  },
  ES: {
    name: 'Spain',
    emergency: '112',
    lines: [
      {
        name: 'Línea 024',
        call: '024',
        hours: 'any time',
        url: 'https://www.sanidad.gob.es/linea024/',
        source: 'https://www.sanidad.gob.es/linea024/',
        languages: ['es'],
      },
      {
        name: 'Teléfono de la Esperanza',
        call: '717 003 717',
        hours: 'any time',
        url: 'https://telefonodelaesperanza.org/',
        source: 'https://telefonodelaesperanza.org/',
        languages: ['es'],
      },
    ],
  },
  MX: {
    name: 'Mexico',
    emergency: '911',
    lines: [
      {
        name: 'Línea de la Vida',
        call: '800 911 2000',
        hours: 'any time',
        url: 'https://www.gob.mx/salud/conasama',
        source:
          'https://www.eluniversal.com.mx/nacion/promueven-la-linea-de-la-vida-tras-presentar-encuesta-sobre-consumo-de-drogas-asi-puedes-pedir-ayuda/',
        languages: ['es'],
      },
    ],
  },
  FR: {
    name: 'France',
    emergency: '112',
    lines: [
      {
        name: '3114, numéro national de prévention du suicide',
        call: '3114',
        hours: 'any time',
        url: 'https://3114.fr/',
        source: 'https://3114.fr/',
        languages: ['fr'],
      },
      {
        name: 'SOS Amitié',
        call: '09 72 39 40 50',
        hours: 'any time',
        url: 'https://www.sos-amitie.com/',
        source: 'https://www.sos-amitie.com/',
        languages: ['fr'],
      },
    ],
  },
  BE: {
    name: 'Belgium',
    emergency: '112',
    lines: [
      {
        name: 'Centre de Prévention du Suicide',
        call: '0800 32 123',
        hours: 'any time',
        url: 'https://www.preventionsuicide.be/',
        source: 'https://www.preventionsuicide.be/',
        languages: ['fr'],
      },
      {
        name: 'Zelfmoordlijn 1813',
        call: '1813',
        hours: 'any time',
        url: 'https://www.zelfmoord1813.be/',
        source: 'https://www.zelfmoord1813.be/',
        languages: ['nl'],
      },
    ],
  },
  DE: {
    name: 'Germany',
    emergency: '112',
    lines: [
      {
        name: 'TelefonSeelsorge',
        call: '0800 111 0 111',
        hours: 'any time',
        url: 'https://www.telefonseelsorge.de/',
        source: 'https://www.telefonseelsorge.de/',
        languages: ['de'],
      },
    ],
  },
  AT: {
    name: 'Austria',
    emergency: '112',
    lines: [
      {
        name: 'TelefonSeelsorge',
        call: '142',
        hours: 'any time',
        url: 'https://www.telefonseelsorge.at/',
        source: 'https://www.telefonseelsorge.at/',
        languages: ['de'],
      },
    ],
  },
  CH: {
    name: 'Switzerland',
    emergency: '112',
    lines: [
      {
        name: 'Die Dargebotene Hand / La Main Tendue / Telefono Amico',
        call: '143',
        hours: 'any time',
        url: 'https://www.143.ch/',
        source: 'https://www.143.ch/',
        languages: ['de', 'fr', 'it'],
      },
    ],
  },
} as const satisfies Record<string, CrisisRegion>;

export type RegionCode = keyof typeof CRISIS_REGIONS;
export const REGION_CODES = Object.keys(CRISIS_REGIONS) as [RegionCode, ...RegionCode[]];

/**
 * The regions whose lines to offer a person who has not said where they are, by the language
 * they write in: a suggestion beside the choice of region, never a guess at their address.
 */
export const REGIONS_BY_LANGUAGE: Record<string, readonly RegionCode[]> = {
  es: ['ES', 'MX'],
  fr: ['FR', 'BE', 'CH'],
  de: ['DE', 'AT', 'CH'],
};

/** For everywhere else: a directory of helplines by country. */
export const ELSEWHERE = { name: 'Find a Helpline', url: 'https://findahelpline.com/' } as const;

/** `tel:` / `sms:` targets: the digits of what people dial. */
export const dialable = (number: string) => number.replace(/[^\d+]/g, '');

/**
 * A line as the global directory lists it, in the line's own language where Hearth speaks it (a
 * Spanish line in Spanish, a Swiss one in German): its title, its description and its hours.
 */
export function crisisLineListing(
  code: RegionCode,
  line: CrisisLine,
): { title: string; description: string; hours: string } {
  const region = CRISIS_REGIONS[code];
  const lang = line.languages?.find(isLocale) ?? 'en';
  const regionName =
    lang === 'en' ? region.name : (new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? region.name);
  const or = new Intl.ListFormat(lang, { type: 'disjunction' }).format(region.emergency.split(' or '));
  const description = [
    word(lang, 'listingFree'),
    ...(line.call ? [word(lang, 'listingCall', { number: line.call })] : []),
    ...(line.text ? [word(lang, 'listingText', { number: line.text })] : []),
    word(lang, 'listingDanger', { number: or }),
  ].join(' ');
  return {
    title: word(lang, 'listingTitle', { name: line.name, region: regionName }),
    description,
    hours: word(lang, 'anyTime'),
  };
}
