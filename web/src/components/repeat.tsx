/**
 * How a meetup repeats: the builder's fields, the rule they make, a preview of its dates with the
 * clock changes they meet, and what the form can tell of them by itself before it sends.
 * @module
 */
import { useMemo } from 'preact/hooks';
import type { FieldError } from '../../../functions/core/errors';
import {
  expand,
  MAX_OCCURRENCES,
  parseRule,
  WEEKDAYS,
  weekdayIndex,
} from '../../../functions/core/recurrence';
import { formatLocal, type LocalParts, parseLocal, resolveLocal } from '../../../functions/core/time';
import { ApiError } from '../api';
import { locale, t } from '../i18n';
import { Field } from '../ui';
import { formatIn } from '../when';
import { clockWarning, dayOf, expandProblem, NTH, ruleText } from './repeat-words';

/** Clock-change warnings by the date they are about: to heed, not errors. */
export function ClockWarnings({ id, warnings }: { id: string; warnings: string[] }) {
  return (
    <div id={id} aria-live="polite">
      {warnings.map((w) => (
        <p key={w} class="notice caution">
          {w}
        </p>
      ))}
    </div>
  );
}

/** What the repeat builder holds; `ruleFor` turns it into an RRULE of the documented subset. */
export type Repeat = {
  repeats: 'none' | 'weekly' | 'monthly';
  interval: string;
  /** Weekly: more weekdays besides the first date's. */
  days: string[];
  monthly: 'day' | 'nth';
  ends: 'count' | 'until';
  count: string;
  until: string;
};

export const ONCE: Repeat = {
  repeats: 'none',
  interval: '1',
  days: [],
  monthly: 'nth',
  ends: 'count',
  count: '10',
  until: '',
};

export function ruleFor(r: Repeat, start: LocalParts | null): string | null {
  if (r.repeats === 'none' || !start) return null;
  const startDay = WEEKDAYS[weekdayIndex(start)]!;
  const parts = [
    `FREQ=${r.repeats === 'weekly' ? 'WEEKLY' : 'MONTHLY'}`,
    `INTERVAL=${whole(r.interval, 1, 52) ? Number(r.interval) : 1}`, // ownProblems refuses the rest
  ];
  if (r.repeats === 'weekly') {
    const days = new Set([startDay, ...r.days]);
    parts.push(`BYDAY=${WEEKDAYS.filter((d) => days.has(d)).join(',')}`);
  } else if (r.monthly === 'day') parts.push(`BYMONTHDAY=${start.day}`);
  else {
    const lastWeek = start.day + 7 > new Date(Date.UTC(start.year, start.month, 0)).getUTCDate();
    parts.push(
      `BYDAY=${start.day > 28 || (lastWeek && start.day > 21) ? -1 : Math.ceil(start.day / 7)}${startDay}`,
    );
  }
  parts.push(
    r.ends === 'count'
      ? `COUNT=${whole(r.count, 1, MAX_OCCURRENCES) ? Number(r.count) : 1}`
      : `UNTIL=${r.until.replace(/-/g, '')}`,
  );
  return parts.join(';');
}

/** The builder's state for a stored rule, so a series' editor starts from what it is. */
export function repeatOf(rrule: string | null): Repeat {
  const parsed = rrule ? parseRule(rrule) : null;
  if (!parsed || 'error' in parsed || parsed.rule.freq === 'DAILY') return ONCE;
  const { rule } = parsed;
  const until = rule.until && 'date' in rule.until ? rule.until.date : '';
  return {
    repeats: rule.freq === 'WEEKLY' ? 'weekly' : 'monthly',
    interval: String(rule.interval),
    days: rule.byDay ?? [],
    monthly: rule.byMonthDay ? 'day' : 'nth',
    ends: until ? 'until' : 'count',
    count: String(rule.count ?? 10),
    until,
  };
}

const whole = (typed: string, min: number, max: number) =>
  /^\d+$/.test(typed.trim()) && Number(typed) >= min && Number(typed) <= max;

/**
 * What the form can tell by itself, by field, in its own words: the date and time not chosen, and
 * the repeat builder's fields (a rule made from "abc" weeks would be refused in the rule's terms).
 */
function ownProblems(date: string, time: string, r: Repeat, datePath = 'body.start'): FieldError[] {
  const when =
    !date && !time
      ? t('repeat.chooseDateAndTime')
      : !date
        ? t('repeat.chooseDate')
        : !time
          ? t('repeat.chooseTime')
          : null;
  return [...(when ? [{ path: datePath, message: when }] : []), ...repeatProblems(r)];
}

/** What is wrong with the repeat builder's own fields (nothing when it does not repeat). */
export function repeatProblems(r: Repeat): FieldError[] {
  if (r.repeats === 'none') return [];
  return [
    ...(whole(r.interval, 1, 52)
      ? []
      : [{ path: 'body.interval', message: t('repeat.wholeNumber', { min: 1, max: 52 }) }]),
    ...(r.ends === 'count' && !whole(r.count, 1, MAX_OCCURRENCES)
      ? [{ path: 'body.count', message: t('repeat.wholeNumber', { min: 1, max: MAX_OCCURRENCES }) }]
      : []),
    ...(r.ends === 'until' && !r.until ? [{ path: 'body.until', message: t('repeat.chooseLastDate') }] : []),
  ];
}

/** A rule the API refuses whatever else it is sent with: a form with problems of its own schedules nothing. */
const REFUSED_RULE = 'FREQ=WEEKLY;INTERVAL=0';

/**
 * Sends the form and answers with every problem at once: its own, and the API's about the rest
 * (the API's word on a field the form already spoke for, or on the stand-in rule, gives way).
 */
async function sendWith<T>(own: FieldError[], send: () => Promise<T>): Promise<T> {
  if (!own.length) return send();
  let refused: ApiError | null = null;
  try {
    await send();
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    refused = e;
  }
  const spoken = new Set(own.map((f) => f.path));
  const rest = (refused?.fields ?? []).filter(
    (f) => !spoken.has(f.path) && !f.path.endsWith('recurrence.rrule'),
  );
  throw new ApiError(400, 'validation', t('repeat.checkThis'), [...own, ...rest]);
}

/**
 * Sends a form that holds a repeat rule: with the rule its fields make or, where the form's own
 * fields are wrong, with one the API refuses, so every problem is said at once. `datePath` is
 * where the API places a problem with the first date.
 */
export function sendRepeating<T>(
  form: { date: string; time: string; repeat: Repeat; datePath?: string },
  send: (rrule: string | null) => Promise<T>,
): Promise<T> {
  const own = ownProblems(form.date, form.time, form.repeat, form.datePath);
  const rule = own.length ? REFUSED_RULE : ruleFor(form.repeat, parseLocal(`${form.date}T${form.time}`));
  return sendWith(own, () => send(rule));
}

/** The "Repeats" part of a form: the rule's fields, what they give, and the API's word on the rule. */
export function RepeatSection(props: {
  r: Repeat;
  set: (r: Repeat) => void;
  start: LocalParts | null;
  zone: string;
  once?: boolean;
  error: ApiError | null;
}) {
  const problem = props.error?.field('recurrence.rrule');
  return (
    <fieldset>
      <legend>{t('repeat.legend')}</legend>
      <RepeatFields r={props.r} set={props.set} start={props.start} once={props.once} error={props.error} />
      <RulePreview
        rrule={ruleFor(props.r, props.start)}
        start={props.start}
        zone={props.zone}
        unclear={repeatProblems(props.r).length > 0}
      />
      {problem && <p class="error">{problem}</p>}
    </fieldset>
  );
}

export function RepeatFields({
  r,
  set,
  start,
  once,
  error,
}: {
  r: Repeat;
  set: (r: Repeat) => void;
  start: LocalParts | null;
  /** Offer "just once". */
  once?: boolean;
  error: ApiError | null;
}) {
  const field =
    <K extends keyof Repeat>(k: K) =>
    (v: Repeat[K]) =>
      set({ ...r, [k]: v });
  const choices = [
    ...(once ? [['none', t('repeat.justOnce')] as const] : []),
    ['weekly', t('repeat.weekly')],
    ['monthly', t('repeat.monthly')],
  ] as const;
  return (
    <>
      {choices.map(([v, label]) => (
        <label key={v}>
          <input type="radio" name="repeats" checked={r.repeats === v} onChange={() => field('repeats')(v)} />
          {label}
        </label>
      ))}
      {r.repeats !== 'none' && (
        <>
          <Field
            label={t('repeat.everyHowMany', { unit: r.repeats === 'weekly' ? 'weeks' : 'months' })}
            name="interval"
            error={error}
          >
            {(a) => (
              <input
                {...a}
                inputMode="numeric"
                value={r.interval}
                onInput={(e) => field('interval')(e.currentTarget.value)}
              />
            )}
          </Field>
          {r.repeats === 'weekly' && (
            <fieldset class="days">
              <legend>{t('repeat.alsoOn')}</legend>
              {WEEKDAYS.map((d, i) => (
                <label key={d}>
                  <input
                    type="checkbox"
                    checked={r.days.includes(d) || (start ? weekdayIndex(start) === i : false)}
                    disabled={start ? weekdayIndex(start) === i : false}
                    onChange={(e) =>
                      field('days')(e.currentTarget.checked ? [...r.days, d] : r.days.filter((x) => x !== d))
                    }
                  />
                  {dayOf(d, 'short')}
                </label>
              ))}
            </fieldset>
          )}
          {r.repeats === 'monthly' && start && (
            <div class="field">
              <label for="monthly">{t('repeat.on')}</label>
              <select
                id="monthly"
                value={r.monthly}
                onChange={(e) => field('monthly')(e.currentTarget.value as 'day' | 'nth')}
              >
                <option value="nth">
                  {t('repeat.nthOfMonth', {
                    nth: NTH[Math.ceil(start.day / 7)] ?? 'last',
                    day: dayOf(WEEKDAYS[weekdayIndex(start)]!, 'short'),
                  })}
                </option>
                <option value="day">{t('repeat.dayOfMonth', { day: start.day })}</option>
              </select>
            </div>
          )}
          <div class="row">
            <div class="field">
              <label for="ends">{t('repeat.ends')}</label>
              <select
                id="ends"
                value={r.ends}
                onChange={(e) => field('ends')(e.currentTarget.value as 'count' | 'until')}
              >
                <option value="count">{t('repeat.endsAfterCount')}</option>
                <option value="until">{t('repeat.endsOnDate')}</option>
              </select>
            </div>
            {r.ends === 'count' ? (
              <Field label={t('repeat.count')} name="count" error={error}>
                {(a) => (
                  <input
                    {...a}
                    inputMode="numeric"
                    value={r.count}
                    onInput={(e) => field('count')(e.currentTarget.value)}
                  />
                )}
              </Field>
            ) : (
              <Field label={t('repeat.until')} name="until" error={error}>
                {(a) => (
                  <input
                    {...a}
                    type="date"
                    value={r.until}
                    onInput={(e) => field('until')(e.currentTarget.value)}
                  />
                )}
              </Field>
            )}
          </div>
        </>
      )}
    </>
  );
}

/** What the clocks do to one wall-clock time: nothing (most days), or the warning the API gives too. */
export function clockChange(local: LocalParts | null, zone: string): string[] {
  const adjusted = local && resolveLocal(local, zone).adjusted;
  return adjusted ? [clockWarning(adjusted, local, zone)] : [];
}

/** What a rule gives, in words and its first dates, with any time a clock change moves. */
export function RulePreview({
  rrule,
  start,
  zone,
  unclear,
}: {
  rrule: string | null;
  start: LocalParts | null;
  zone: string;
  /** The builder's fields do not make a rule yet: no dates are shown made up from defaults. */
  unclear?: boolean;
}) {
  const preview = useMemo(() => {
    if (unclear)
      return {
        text: '',
        dates: [] as string[],
        warnings: [],
        error: t('repeat.unclear'),
      };
    if (!start) return null;
    // said by the date
    if (!rrule) return { text: t('repeat.meetsOnce'), dates: [] as string[], warnings: [], error: null };
    const parsed = parseRule(rrule);
    if ('error' in parsed) return { text: '', dates: [], warnings: [], error: parsed.error };
    const out = expand(parsed.rule, start, zone);
    if ('error' in out)
      return { text: '', dates: [], warnings: [], error: expandProblem(parsed.rule, start, out.error) };
    return {
      text: t('repeat.meets', { rule: ruleText(parsed.rule, start), time: formatLocal(start).slice(11) }),
      dates: out.occurrences.slice(0, 4).map((o) => formatIn(new Date(o.epochMs).toISOString(), zone)),
      warnings: out.occurrences
        .filter((o) => o.adjusted)
        .map((o) => clockWarning(o.adjusted!, o.local, zone)),
      error: null,
    };
  }, [rrule, start && formatLocal(start), zone, unclear, locale.value]);
  if (!preview) return null;
  return (
    <div class="preview" aria-live="polite">
      {preview.error ? (
        <p class={unclear ? 'meta' : 'error'}>{preview.error}</p>
      ) : (
        <>
          <p>
            <strong>{preview.text}</strong>
          </p>
          {preview.dates.length > 0 && (
            <p class="meta">{t('repeat.firstDates', { dates: preview.dates.join(' · ') })}</p>
          )}
          {preview.warnings.map((w) => (
            <p key={w} class="notice caution">
              {w}
            </p>
          ))}
        </>
      )}
    </div>
  );
}
