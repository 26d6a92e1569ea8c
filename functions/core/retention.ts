/**
 * How long a group keeps what its people leave behind, as its owners choose: its discussions
 * (forever, or 1 to 24 months after a thread's last post; pinned threads stay), and past meetups'
 * records of who answered, waited, came and held a duty (1 to 24 months after the meetup, 12 by
 * default). Past that, the jobs erase them: a thread and its posts go whole; a meetup keeps its
 * numbers and loses its names.
 * @module
 */

export const RETENTION_MONTHS = { min: 1, max: 24 } as const;
export const ATTENDANCE_MONTHS_DEFAULT = 12;

/** Calendar months back from a moment, in UTC (31 March less one month is 28 or 29 February). */
export function monthsBefore(at: number, months: number): number {
  const d = new Date(at);
  const target = new Date(
    Date.UTC(
      d.getUTCFullYear(),
      d.getUTCMonth() - months,
      1,
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
      d.getUTCMilliseconds(),
    ),
  );
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.getTime();
}

/** A UTC day as `yyyy-mm-dd`. */
export const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);

/** The days after `from` up to and including `to` (both `yyyy-mm-dd`), at most `limit` of them. */
export function daysBetween(from: string, to: string, limit: number): string[] {
  const days: string[] = [];
  for (let at = Date.parse(`${from}T00:00:00Z`) + 86_400_000; days.length < limit; at += 86_400_000) {
    const day = dayOf(at);
    if (day > to) break;
    days.push(day);
  }
  return days;
}

const months = (n: number) => (n === 1 ? '1 month' : `${n} months`);

/** What the group page says of its discussions. */
export const discussionsKeptText = (discussionMonths: number | null) =>
  discussionMonths === null
    ? 'Kept until their authors or moderators remove them'
    : `Erased ${months(discussionMonths)} after a thread’s last post (pinned threads stay)`;

/** What the group page says of its meetups' records. */
export const attendanceKeptText = (attendanceMonths: number) =>
  `Who said they would come, who was on the waiting list, who came and who held a duty are erased ${months(attendanceMonths)} after each meetup; the numbers stay`;
