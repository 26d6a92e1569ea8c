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

/** Whether a meetup takes feedback now: not before it ends, nor long after, nor if it was cancelled. */
export function feedbackWindow(
  o: { endAt: number; status: string },
  now: number,
): 'not-yet' | 'open' | 'closed' | 'cancelled' {
  if (o.status === 'cancelled') return 'cancelled';
  if (now < o.endAt) return 'not-yet';
  return now < o.endAt + FEEDBACK_DAYS * 86_400_000 ? 'open' : 'closed';
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
 * What facilitators may see of the feedback: each meetup's mean ratings, and each month's with its
 * comments (dated by the month alone), each only where at least `K_MIN` answered; fewer are counted
 * as "fewer than 5", never said exactly.
 */
export function feedbackSummary(tallies: FeedbackTally[]) {
  const months = new Map<string, { n: number; sums: Record<FeedbackItem, number>; comments: string[] }>();
  for (const t of tallies) {
    const m = months.get(t.month) ?? {
      n: 0,
      sums: { heard: 0, mattered: 0, approach: 0, overall: 0 },
      comments: [],
    };
    m.n += t.n;
    for (const i of FEEDBACK_ITEMS) m.sums[i] += t.sums[i];
    m.comments.push(...t.comments);
    months.set(t.month, m);
  }
  return {
    meetups: [...tallies]
      .sort((a, b) => a.startAt - b.startAt)
      .map((t) => ({
        occurrenceId: t.occurrenceId,
        startAt: t.startAt,
        answers: t.n >= K_MIN ? t.n : null,
        means: meansOf(t.n, t.sums),
      })),
    months: [...months]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([month, m]) => ({
        month,
        answers: m.n >= K_MIN ? m.n : null,
        means: meansOf(m.n, m.sums),
        // Shuffled by sorting: the order they came in would say which came from which meetup.
        comments: m.n >= K_MIN ? [...m.comments].sort((a, b) => a.localeCompare(b)) : [],
      })),
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

/** A quarter's distribution as facilitators may see it: the bands, when at least `K_MIN` members counted. */
export function who5Distribution(quarters: { quarter: string; bands: Partial<Record<Who5Band, number>> }[]) {
  return [...quarters]
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
