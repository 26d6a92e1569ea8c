/**
 * What the pages a visit lands on read from the API, by address: one list for the server that
 * draws them (functions/pages), the first script that asks for them early (early.ts) and the
 * parts that show them (landed.ts), so all three name each answer alike.
 * @module
 */

/** A group's page. */
export const GROUP_PAGE = /^\/groups\/([A-Za-z0-9_-]{22})$/;

/** A group's next meetups, as its page shows them. */
export const upcomingOf = (groupId: string) => `/groups/${groupId}/occurrences?limit=6`;

/** The API paths (without `/api`) a landing page reads, its own first; null: not a landing page. */
export function landingReads(path: string, search: URLSearchParams): string[] | null {
  if (path === '/') return [`/groups?${search.toString()}`];
  const group = GROUP_PAGE.exec(path);
  if (group) return [`/groups/${group[1]}`, upcomingOf(group[1]!)];
  if (path === '/new-here') return [];
  return null;
}
