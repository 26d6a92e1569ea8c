import {
  countries as allCountries,
  languages as allLanguages,
  canCurate,
} from '../../../functions/core/resources';
import type { GroupDetail } from '../../../functions/core/schemas/groups';
import type { ResourceView } from '../../../functions/core/schemas/resources';
import { get } from '../api';

export type Resource = ResourceView;
/** Options, sorted by name, made when first shown. */
let sorted: { countries: [string, string][]; languages: [string, string][] } | undefined;

export const options = () =>
  (sorted ??= {
    countries: [...allCountries()].sort((a, b) => a[1].localeCompare(b[1])),
    languages: [...allLanguages()].sort((a, b) => a[1].localeCompare(b[1])),
  });

export const placeOf = (r: Resource) =>
  r.region === 'online' ? 'Online' : [r.region.subdivision, r.region.countryName].filter(Boolean).join(', ');

/** The trust every listing shows. */
export function Trust({ r }: { r: Resource }) {
  return (
    <p class="meta">
      {r.status === 'suggested'
        ? 'Suggested, waiting for a reviewer.'
        : r.verified
          ? `Verified by ${r.verified.by} (a verified professional), ${r.verified.ago}.`
          : 'Not yet verified by a professional.'}{' '}
      {r.needsReview && <strong class="gap-label">Needs review.</strong>} Added by {r.addedBy}
      {r.source ? (
        <>
          {' '}
          from{' '}
          <a href={r.source} rel="noopener">
            its source
          </a>
        </>
      ) : null}
      .
    </p>
  );
}

export function Reach({ r }: { r: Resource }) {
  return (
    <p>
      {r.phone && (
        <>
          Call <a href={`tel:${r.phone.replace(/[^\d+]/g, '')}`}>{r.phone}</a>.{' '}
        </>
      )}
      {r.sms && (
        <>
          Text <a href={`sms:${r.sms.replace(/[^\d+]/g, '')}`}>{r.sms}</a>.{' '}
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
