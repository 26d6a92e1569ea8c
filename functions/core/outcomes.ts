/**
 * How sessions help, without identifying anyone: session feedback in the manner of the Session
 * Rating Scale (four ratings, 0 to 10, and a comment, once per member per meetup, kept apart from
 * who gave it), and the WHO-5 Wellbeing Index (five answers 0 to 5, scored 0 to 100) a member may
 * keep for themselves and let count, anonymously, in their group's figures. Facilitators see
 * aggregates only, and none made of fewer than `K_MIN` answers. Pure.
 * @module
 */
import { formatLocal, localAt } from './time';

/** The four ratings, in the order the form asks them. */
export const FEEDBACK_ITEMS = ['heard', 'mattered', 'approach', 'overall'] as const;
export type FeedbackItem = (typeof FEEDBACK_ITEMS)[number];
export const RATING_MAX = 10;
export const FEEDBACK_COMMENT_MAX = 500;
/** How long after a meetup ends its people may say how it went. */
export const FEEDBACK_DAYS = 14;
/** No figure is shown for fewer answers than this (k-anonymity). */
export const K_MIN = 5;

/** When a meetup's people may no longer say how it went. */
export const feedbackCloses = (endAt: number) => endAt + FEEDBACK_DAYS * 86_400_000;

/** Whether a meetup takes feedback now: not before it ends, nor long after, nor if it was cancelled. */
export function feedbackWindow(
  o: { endAt: number; status: string },
  now: number,
): 'not-yet' | 'open' | 'closed' | 'cancelled' {
  if (o.status === 'cancelled') return 'cancelled';
  if (now < o.endAt) return 'not-yet';
  return now < feedbackCloses(o.endAt) ? 'open' : 'closed';
}

/** A month of the group's calendar: `2027-03`. */
export const monthIn = (at: number, zone: string) => formatLocal(localAt(at, zone)).slice(0, 7);

/** A quarter of the group's calendar: `2027-Q1`. */
export function quarterIn(at: number, zone: string): string {
  const month = monthIn(at, zone);
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

/** One meetup's feedback as kept: how many answered, the sums of their ratings, their comments. */
export interface FeedbackTally {
  occurrenceId: string;
  startAt: number;
  month: string;
  n: number;
  sums: Record<FeedbackItem, number>;
  comments: string[];
}

export type Means = Record<FeedbackItem, number>;

const meansOf = (n: number, sums: Record<FeedbackItem, number>): Means | null =>
  n >= K_MIN
    ? (Object.fromEntries(FEEDBACK_ITEMS.map((i) => [i, Math.round((sums[i] / n) * 10) / 10])) as Means)
    : null;

/**
 * When a meetup's feedback is final: its window has closed (a meetup lasts at most a day, so a
 * day past the window from its start is after it, whatever its length).
 */
export const feedbackFinal = (startAt: number) => startAt + (FEEDBACK_DAYS + 1) * 86_400_000;

/**
 * What facilitators may see of the feedback, so that nobody's answer can be told from it:
 * - figures are shown only once they are final (a meetup's when it stops taking feedback, a
 *   month's when all its meetups have), so no one learns an answer by watching a total change;
 * - each only where at least `K_MIN` answered, fewer said as "fewer than 5", never exactly;
 * - a month only where what its hidden meetups add is none or at least `K_MIN` answers: else
 *   its total less its shown meetups would give those few answers away;
 * - comments by the month alone, in an order that tells nothing.
 */
export function feedbackSummary(tallies: FeedbackTally[], now: number) {
  const final = tallies.filter((t) => now >= feedbackFinal(t.startAt));
  const open = new Set(tallies.filter((t) => now < feedbackFinal(t.startAt)).map((t) => t.month));
  const shown = (t: FeedbackTally) => t.n >= K_MIN;
  const months = new Map<
    string,
    { n: number; hidden: number; sums: Record<FeedbackItem, number>; comments: string[] }
  >();
  for (const t of final) {
    const m = months.get(t.month) ?? {
      n: 0,
      hidden: 0,
      sums: { heard: 0, mattered: 0, approach: 0, overall: 0 },
      comments: [],
    };
    m.n += t.n;
    if (!shown(t)) m.hidden += t.n;
    for (const i of FEEDBACK_ITEMS) m.sums[i] += t.sums[i];
    m.comments.push(...t.comments);
    months.set(t.month, m);
  }
  return {
    meetups: [...final]
      .sort((a, b) => a.startAt - b.startAt)
      .map((t) => ({
        occurrenceId: t.occurrenceId,
        startAt: t.startAt,
        answers: shown(t) ? t.n : null,
        means: meansOf(t.n, t.sums),
      })),
    months: [...months]
      .filter(([month]) => !open.has(month))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([month, m]) => {
        const safe = m.n >= K_MIN && (m.hidden === 0 || m.hidden >= K_MIN);
        return {
          month,
          answers: safe ? m.n : null,
          means: safe ? meansOf(m.n, m.sums) : null,
          comments: safe ? [...m.comments].sort((a, b) => a.localeCompare(b)) : [],
        };
      }),
  };
}

/** The WHO-5's five statements, each answered 0 (at no time) to 5 (all of the time). */
export const WHO5_ITEMS = ['cheerful', 'calm', 'active', 'rested', 'interested'] as const;
export type Who5Item = (typeof WHO5_ITEMS)[number];
export const WHO5_ANSWER_MAX = 5;
/** A member checks in at most this often. */
export const WHO5_EVERY_DAYS = 7;

/** The WHO-5 score: the raw sum (0 to 25) times four, 0 to 100. */
export const who5Score = (answers: Record<Who5Item, number>) =>
  WHO5_ITEMS.reduce((sum, i) => sum + answers[i], 0) * 4;

/**
 * Bands a group's distribution is counted in: 28 or less suggests a check for depression is
 * worth having, 50 or less low wellbeing (the index's own cut-offs); above, moderate and high.
 */
export const WHO5_BANDS = ['0-28', '29-50', '51-75', '76-100'] as const;
export type Who5Band = (typeof WHO5_BANDS)[number];
export const bandOf = (score: number): Who5Band =>
  score <= 28 ? '0-28' : score <= 50 ? '29-50' : score <= 75 ? '51-75' : '76-100';

/** When a quarter (`2027-Q1`) is over everywhere: a day past its end in UTC. */
export const quarterOver = (quarter: string) =>
  Date.UTC(Number(quarter.slice(0, 4)), Number(quarter.slice(6)) * 3, 1) + 86_400_000;

/**
 * A quarter's distribution as facilitators may see it: the bands, when at least `K_MIN` members
 * counted, and only once the quarter is over, so no one's range can be told by watching a count
 * change (someone's new check-in, or their choice to stop counting).
 */
export function who5Distribution(
  quarters: { quarter: string; bands: Partial<Record<Who5Band, number>> }[],
  now: number,
) {
  return [...quarters]
    .filter((q) => now >= quarterOver(q.quarter))
    .sort((a, b) => (a.quarter < b.quarter ? -1 : 1))
    .map(({ quarter, bands }) => {
      const members = WHO5_BANDS.reduce((n, b) => n + (bands[b] ?? 0), 0);
      return {
        quarter,
        members: members >= K_MIN ? members : null,
        bands: members >= K_MIN ? Object.fromEntries(WHO5_BANDS.map((b) => [b, bands[b] ?? 0])) : null,
      };
    });
}
