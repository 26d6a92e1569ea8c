/**
 * Once: directory entries written before they said how and where their group meets are given
 * those facets, so the directory's "How" and "Where" filters find every group. A no-op (one
 * GetItem) once done.
 * @module
 */
import { groupsRepo } from '../store/repos/groups';
import type { Job, JobContext } from './job';

export const directoryFacets = {
  name: 'directory-facets',
  run: ({ db }: JobContext) => groupsRepo(db).upgradeDirectoryFacets(),
} satisfies Job;
