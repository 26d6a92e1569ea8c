/**
 * A repeat rule in the reader's words: what it gives ("every Tuesday, 10 times"), what a clock
 * change does to one of its dates, and why it gives none. The rules' own English (core/recurrence
 * describeRule, core/series adjustmentWarning) said from the same inputs, in every language.
 * @module
 */
import {
  MAX_OCCURRENCES,
  type Rule,
  WEEKDAYS,
  type Weekday,
  weekdayIndex,
} from '../../../functions/core/recurrence';
import { formatLocal, type LocalParts } from '../../../functions/core/time';
import { list, t } from '../i18n';
import { weekdayName } from '../labels';

/** The nth weekday of a month, by its place (-1: the last), as the messages choose its word. */
export const NTH: Record<number, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' };

/** A weekday's name ("Tuesday", or "Tue" short) in the reader's language. */
export const dayOf = (d: Weekday, width?: 'short') => weekdayName(WEEKDAYS.indexOf(d), width);

const untilOf = (rule: Rule) =>
  !rule.until
    ? null
    : 'date' in rule.until
      ? rule.until.date
      : new Date(rule.until.epochMs).toISOString().slice(0, 10);

/** A rule in words: "every Tuesday, 10 times", "every 2 weeks on Monday and Thursday, until 2027-06-30". */
export function ruleText(rule: Rule, start: LocalParts): string {
  const interval = rule.interval;
  const what =
    rule.freq === 'DAILY'
      ? t('repeatWords.daily', { interval })
      : rule.freq === 'WEEKLY'
        ? t('repeatWords.weekly', {
            interval,
            days: list((rule.byDay ?? [WEEKDAYS[weekdayIndex(start)]!]).map((d) => dayOf(d))),
          })
        : rule.byNthDay
          ? t('repeatWords.nthDay', { interval, nth: NTH[rule.byNthDay.n], day: dayOf(rule.byNthDay.day) })
          : t('repeatWords.monthDay', {
              interval,
              last: rule.byMonthDay === -1 ? 'yes' : 'no',
              day: rule.byMonthDay ?? start.day,
            });
  const until = untilOf(rule);
  if (rule.count !== undefined) return t('repeatWords.count', { rule: what, count: rule.count });
  return until ? t('repeatWords.until', { rule: what, date: until }) : what;
}

/** What the clocks do to a time that does not exist (`gap`) or happens twice (`overlap`) in a zone. */
export const clockWarning = (adjusted: 'gap' | 'overlap', local: LocalParts, zone: string) =>
  t(adjusted === 'gap' ? 'repeatWords.clockGap' : 'repeatWords.clockOverlap', {
    local: formatLocal(local).replace('T', ' '),
    zone,
  });

/**
 * Why a rule gives no dates, in words: the two the builder can make (a last date before the first,
 * more meetups than a series holds); any other in the rule's own terms.
 */
export function expandProblem(rule: Rule, start: LocalParts, error: string): string {
  const until = untilOf(rule);
  if (!until) return error;
  if (until < formatLocal(start).slice(0, 10)) return t('repeatWords.untilBeforeStart');
  return error.startsWith('A series can have at most')
    ? t('repeatWords.tooMany', { max: MAX_OCCURRENCES })
    : error;
}
