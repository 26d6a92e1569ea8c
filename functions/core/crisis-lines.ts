/**
 * Crisis lines by region: well-known, free services, each with the page it was taken from. The
 * member chooses their region (never guessed from their address); the crisis panel shows that
 * region's lines first. Kept in step with web/crisis.html, which works without the app; a test
 * checks the two agree. Review with the rest of the directory (issue 7 seeds it from here).
 * @module
 */

export interface CrisisLine {
  name: string;
  /** What to dial or text, as people write it locally. */
  call?: string;
  text?: string;
  hours: string;
  url: string;
  /** Where the details were checked. */
  source: string;
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
} as const satisfies Record<string, CrisisRegion>;

export type RegionCode = keyof typeof CRISIS_REGIONS;
export const REGION_CODES = Object.keys(CRISIS_REGIONS) as [RegionCode, ...RegionCode[]];

/** For everywhere else: a directory of helplines by country. */
export const ELSEWHERE = { name: 'Find a Helpline', url: 'https://findahelpline.com/' } as const;

/** `tel:` / `sms:` targets: the digits of what people dial. */
export const dialable = (number: string) => number.replace(/[^\d+]/g, '');
