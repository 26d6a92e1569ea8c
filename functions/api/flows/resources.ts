/**
 * Writing a listing: the record a request makes, saved under its version (refused when
 * someone else changed it meanwhile).
 * @module
 */
import { conflict } from '../../core/errors';
import { reviewDueAt, searchable } from '../../core/resources';
import type { NewResource } from '../../core/schemas/resources';
import type { ResourceRecord } from '../../store/repos/resource-records';
import { resourcesRepo } from '../../store/repos/resources';
import type { Ctx } from '../context';
import { show } from '../views/resources';

export function recordFrom(
  body: Omit<typeof NewResource._zod.output, never>,
  meta: {
    resourceId: string;
    scope: string;
    status: ResourceRecord['status'];
    addedBy: string;
    now: number;
    months: number;
  },
): ResourceRecord {
  return {
    resourceId: meta.resourceId,
    scope: meta.scope,
    ...body,
    status: meta.status,
    addedBy: meta.addedBy,
    createdAt: meta.now,
    updatedAt: meta.now,
    reviewDueAt: reviewDueAt(meta.now, meta.months),
    search: searchable(body.title, body.description, body.tags.join(' '), body.audience),
    version: 1,
  };
}

/** Writes a listing as changed from what was read (409 if someone changed it meanwhile), and shows it. */
export async function save(c: Ctx, before: ResourceRecord, after: ResourceRecord) {
  if (!(await c.var.services.repo(resourcesRepo).replace(before, after)))
    throw conflict('The listing was being changed by someone else; please try again');
  return show(c, { ...after, version: before.version + 1 });
}
