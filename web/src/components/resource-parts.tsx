import type { ComponentChildren } from 'preact';
import {
  countries as allCountries,
  languages as allLanguages,
  canCurate,
} from '../../../functions/core/resources';
import type { GroupDetail } from '../../../functions/core/schemas/groups';
import type { ResourceView } from '../../../functions/core/schemas/resources';
import { get, serverNow } from '../api';
import { listed, locale, nameOf, t, tx } from '../i18n';

export type Resource = ResourceView;

/** Options in the reader's language, sorted by name, made when first shown in it. */
const sorted = new Map<string, { countries: [string, string][]; languages: [string, string][] }>();
const named = (type: 'region' | 'language', english: ReadonlyMap<string, string>) =>
  [...english]
    .map(([code, name]): [string, string] => [code, nameOf(type, code) ?? name])
    .sort((a, b) => a[1].localeCompare(b[1], locale.value));

export function options() {
  let o = sorted.get(locale.value);
  if (!o) {
    o = { countries: named('region', allCountries()), languages: named('language', allLanguages()) };
    sorted.set(locale.value, o);
  }
  return o;
}

/** A listing's languages by name: "English, Welsh". */
export const languagesOf = (r: Resource) => listed(r.languages.map((l) => nameOf('language', l) ?? l));

export const placeOf = (r: Resource) => {
  if (r.region === 'online') return t('resourceParts.online');
  const country = nameOf('region', r.region.country) ?? r.region.countryName;
  return r.region.subdivision ? t('resourceParts.place', { area: r.region.subdivision, country }) : country;
};

const MONTH = 30.44 * 86_400_000;

/** How long ago it was verified, as core's `ago` counts it: "today", "3 days ago", "5 months ago". */
function ago(at: string): string {
  const since = serverNow() - Date.parse(at);
  const days = Math.max(0, Math.floor(since / 86_400_000));
  const say = (n: number, unit: Intl.RelativeTimeFormatUnit) =>
    new Intl.RelativeTimeFormat(locale.value, { numeric: days < 2 ? 'auto' : 'always' }).format(-n, unit);
  if (days < 45) return say(days, 'day');
  const months = Math.round(since / MONTH);
  return months < 18 ? say(months, 'month') : say(Math.round(months / 12), 'year');
}

/** The trust every listing shows. */
export function Trust({ r }: { r: Resource }) {
  const source = (c: ComponentChildren) => (
    <a href={r.source ?? undefined} rel="noopener">
      {c}
    </a>
  );
  return (
    <p class="meta">
      {r.status === 'suggested'
        ? t('resourceParts.suggested')
        : r.verified
          ? t('resourceParts.verified', { by: r.verified.by, ago: ago(r.verified.at) })
          : t('resourceParts.notVerified')}{' '}
      {r.needsReview && (
        <>
          <strong class="gap-label">{t('resourceParts.needsReview')}</strong>{' '}
        </>
      )}
      {r.source
        ? tx('resourceParts.addedByFrom', { name: r.addedBy }, source)
        : t('resourceParts.addedBy', { name: r.addedBy })}
    </p>
  );
}

export function Reach({ r }: { r: Resource }) {
  return (
    <p>
      {r.phone && (
        <>
          {tx('resourceParts.call', undefined, () => (
            <a href={`tel:${r.phone?.replace(/[^\d+]/g, '')}`} dir="ltr">
              {r.phone}
            </a>
          ))}{' '}
        </>
      )}
      {r.sms && (
        <>
          {tx('resourceParts.text', undefined, () => (
            <a href={`sms:${r.sms?.replace(/[^\d+]/g, '')}`} dir="ltr">
              {r.sms}
            </a>
          ))}{' '}
        </>
      )}
      {r.url && (
        <a href={r.url} rel="noopener nofollow">
          {new URL(r.url).hostname.replace(/^www\./, '')}
        </a>
      )}
    </p>
  );
}

/**
 * Where the signed-in person stands in a directory: a verified professional, and whether they keep
 * it (platform admins the global one; a group's owners, moderators and professionals its own).
 */
export async function standingIn(scope: string): Promise<{ professional: boolean; curates: boolean }> {
  const p = await get<{ status: string; admin?: boolean }>('/me/professional');
  const professional = p.status === 'verified';
  if (scope === 'global') return { professional, curates: !!p.admin };
  const g = await get<GroupDetail>(`/groups/${scope}`);
  return {
    professional,
    curates: canCurate('group', { member: g.membership, professional, admin: !!p.admin }),
  };
}
