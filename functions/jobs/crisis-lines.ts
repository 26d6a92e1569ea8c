/**
 * Keeps the well-known crisis lines listed in the global directory: any that are missing are
 * added (fixed ids, so this is idempotent; listings already there, edited or verified, are left
 * as they are). One BatchGet when nothing is missing.
 * @module
 */
import { crisisLineListings, resourcesRepo } from '../store/repos/resources';
import type { Job, JobContext } from './job';

export const crisisLines = {
  name: 'crisis-lines',
  run: ({ db, now }: JobContext) => resourcesRepo(db).seed(crisisLineListings(now)),
} satisfies Job;
