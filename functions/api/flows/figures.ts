/**
 * A group's figures as facilitators may see them: attendance at its past meetups, session
 * feedback by meetup and by month, wellbeing by quarter; aggregates only (core/outcomes).
 * @module
 */
import { feedbackSummary, K_MIN, who5Distribution } from '../../core/outcomes';
import type { OutcomesView } from '../../core/schemas/outcomes';
import { iso } from '../../core/time';
import { feedbackRepo } from '../../store/repos/feedback';
import { scheduleReads } from '../../store/repos/schedule-reads';
import { wellbeingRepo } from '../../store/repos/wellbeing';
import type { Ctx } from '../context';

/** How far back the figures reach. */
const YEARS_BACK = 2;

export async function groupFigures(c: Ctx, groupId: string): Promise<OutcomesView> {
  const now = c.var.services.now();
  const reads = c.var.services.repo(scheduleReads);
  const from = now - YEARS_BACK * 366 * 86_400_000;
  const [tallies, quarters, past] = await Promise.all([
    c.var.services.repo(feedbackRepo).tallies(groupId),
    c.var.services.repo(wellbeingRepo).quarters(groupId),
    (async () => {
      const cards = [];
      let cursor: string | undefined;
      do {
        const page = await reads.listSchedule(groupId, { from, to: now, limit: 100, cursor });
        cards.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return cards;
    })(),
  ]);
  const summary = feedbackSummary(
    tallies.filter((t) => t.startAt >= from),
    now,
  );
  return {
    attendance: past
      .filter((o) => o.status === 'scheduled' && o.endAt <= now)
      .map((o) => ({
        occurrenceId: o.occurrenceId,
        title: o.title,
        startAt: iso(o.startAt),
        // Only the ways it met: an online meetup has no one "in person".
        inPerson: o.capInPerson ? o.goingInPerson : null,
        online: o.capOnline ? o.goingOnline : null,
        headcount: o.attendance?.headcount
          ? (o.attendance.headcount.inPerson ?? 0) + (o.attendance.headcount.online ?? 0)
          : null,
      })),
    feedback: {
      meetups: summary.meetups.map((m) => ({ ...m, startAt: iso(m.startAt) })),
      months: summary.months,
    },
    wellbeing: who5Distribution(quarters, now),
    kMin: K_MIN,
  };
}
