/**
 * The resource directory's rules: what a listing is, who may add, change and verify listings,
 * and when one needs review again. A listing shows its own age: verified by a professional on a
 * date, and "needs review" once its directory's review period has passed since then.
 * @module
 */
import type { Membership } from './groups';

export const RESOURCE_CATEGORIES = {
  crisis_line: 'Crisis line',
  professional_service: 'Professional service',
  peer_group: 'Peer group',
  self_help: 'Self-help reading',
  app: 'App',
} as const;
export type ResourceCategory = keyof typeof RESOURCE_CATEGORIES;

export const COSTS = { free: 'Free', low: 'Low cost', paid: 'Paid' } as const;
export type Cost = keyof typeof COSTS;

export const REPORT_PROBLEMS = {
  wrong_number: 'Wrong number or link',
  closed: 'Closed or no longer running',
  harmful: 'Harmful or misleading',
  other: 'Something else',
} as const;

/** Months a verification holds before a listing needs review again, unless a directory says. */
export const DEFAULT_REVIEW_MONTHS = 6;
const MONTH = 30.44 * 86_400_000;

/** Codes that Intl names but that are not places people live in. */
const NOT_PLACES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);

/** Built on first use (naming every code takes a moment: not at a cold start). */
const once = <T>(make: () => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};

/** ISO 3166-1 alpha-2 codes of countries and territories, with their English names. */
export const countries = once((): ReadonlyMap<string, string> => {
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const out = new Map<string, string>();
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_PLACES.has(code)) continue;
      try {
        // Retired codes (UK, SU, YU, DD…) are aliases of current ones: one entry per country.
        if (new Intl.Locale(`und-${code}`).region !== code) continue;
        const name = names.of(code);
        if (name && name !== code) out.set(code, name);
      } catch {
        // not a region code
      }
    }
  return out;
});

/** Languages a listing may be in: ISO 639-1 codes people use, with their English names. */
export const languages = once((): ReadonlyMap<string, string> => {
  const names = new Intl.DisplayNames(['en'], { type: 'language' });
  const codes =
    'ar bn cy de el en es fa fr ga gd he hi it ja ko nl pa pl pt ro ru so sv sw ta tr uk ur vi zh'.split(' ');
  return new Map(codes.map((c) => [c, names.of(c) ?? c]));
});

/** A phone or text number as people write it: digits with spaces, dashes or brackets, maybe a +. */
export function isPhoneNumber(s: string): boolean {
  if (!/^\+?[0-9][0-9 ()-]*[0-9]$/.test(s.trim())) return false;
  const digits = s.replace(/\D/g, '').length;
  return digits >= 3 && digits <= 15;
}

/** Only http and https links, with a host and no credentials. */
export function isWebLink(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !!u.hostname && !u.username && !u.password;
  } catch {
    return false;
  }
}

/** When a listing next needs review: its review period after it was verified (or added). */
export const reviewDueAt = (verifiedOrAdded: number, months = DEFAULT_REVIEW_MONTHS) =>
  verifiedOrAdded + months * MONTH;

/** "verified 3 months ago", from two instants. */
export function ago(then: number, now: number): string {
  const days = Math.floor((now - then) / 86_400_000);
  if (days < 1) return 'today';
  if (days < 2) return 'yesterday';
  if (days < 45) return `${days} days ago`;
  const months = Math.round((now - then) / MONTH);
  return months < 18 ? `${months} months ago` : `${Math.round(months / 12)} years ago`;
}

export interface ResourceActor {
  /** Their membership of the directory's group (null for the global directory or outsiders). */
  member: Membership | null;
  professional: boolean;
  admin: boolean;
}

const active = (m: Membership | null): m is Membership => m?.status === 'active';

/**
 * Who adds and changes listings: platform admins in the global directory; in a group's (which is
 * its members' own), its owners, moderators and the verified professionals among its members.
 */
export function canCurate(scope: 'global' | 'group', a: ResourceActor): boolean {
  if (scope === 'global') return a.admin;
  return active(a.member) && (a.member.role === 'owner' || a.member.role === 'moderator' || a.professional);
}

/** Verified professionals verify listings (in a group, as members of it). */
export function canVerify(scope: 'global' | 'group', a: ResourceActor): boolean {
  return a.professional && (scope === 'global' || active(a.member));
}

/** Reviewers: those who curate, and professionals. */
export const canReview = (scope: 'global' | 'group', a: ResourceActor) =>
  canCurate(scope, a) || canVerify(scope, a);

/** Normalised text for search: lower case, accents folded, one space. */
export const searchable = (...parts: (string | undefined)[]) =>
  parts
    .filter(Boolean)
    .join(' ')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
