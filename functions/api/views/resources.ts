/**
 * What the API answers about a listing: its details, who checked it and when, in words.
 * @module
 */
import { ago, countries } from '../../core/resources';
import { iso } from '../../core/time';
import type { ResourceRecord } from '../../store/repos/resource-records';
import type { Ctx } from '../context';

/** Who added and who verified listings, as the directory names people. */
export async function namesFor(c: Ctx, scope: string, userIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return new Map();
  return scope === 'global'
    ? c.var.services.accounts.handlesOf(ids)
    : c.var.services.groups.getDisplayNames(scope, ids);
}

export function resourceView(r: ResourceRecord, names: Map<string, string>, now: number) {
  return {
    resourceId: r.resourceId,
    scope: r.scope,
    title: r.title,
    description: r.description,
    category: r.category,
    tags: r.tags,
    url: r.url ?? null,
    phone: r.phone ?? null,
    sms: r.sms ?? null,
    hours: r.hours ?? null,
    languages: r.languages,
    cost: r.cost,
    region:
      r.region === 'online'
        ? ('online' as const)
        : {
            country: r.region.country,
            countryName: countries().get(r.region.country) ?? r.region.country,
            subdivision: r.region.subdivision ?? null,
          },
    address: r.address ?? null,
    accessNotes: r.accessNotes ?? null,
    audience: r.audience ?? null,
    status: r.status,
    addedBy: r.addedBy ? (names.get(r.addedBy) ?? 'Former member') : 'Hearth',
    source: r.source ?? null,
    createdAt: iso(r.createdAt),
    verified:
      r.verifiedBy && r.verifiedAt
        ? {
            by: names.get(r.verifiedBy) ?? 'Former member',
            at: iso(r.verifiedAt),
            ago: ago(r.verifiedAt, now),
          }
        : null,
    needsReview: r.status === 'listed' && r.reviewDueAt <= now,
    reviewDueAt: iso(r.reviewDueAt),
  };
}

/** A listing as the directory shows it, names and all. */
export async function show(c: Ctx, r: ResourceRecord) {
  return resourceView(r, await namesFor(c, r.scope, people([r])), c.var.services.now());
}

export const people = (rs: ResourceRecord[]) =>
  rs.flatMap((r) => [r.addedBy, r.verifiedBy].filter((u): u is string => !!u));
