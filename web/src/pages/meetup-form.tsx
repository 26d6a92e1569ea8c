import { useEffect, useMemo, useState } from 'preact/hooks';
import type { FieldError } from '../../../functions/core/errors';
import { ACCESS_FEATURES, adjustmentWarning, type MeetupMode } from '../../../functions/core/meetups';
import {
  describeRule,
  expand,
  MAX_OCCURRENCES,
  parseRule,
  WEEKDAYS,
  weekdayIndex,
} from '../../../functions/core/recurrence';
import {
  defaultStaffing,
  ROLE_ORDER,
  ROSTER_ROLES,
  type RosterRole,
  type Staffing,
} from '../../../functions/core/roster';
import type { GroupDetail } from '../../../functions/core/schemas/groups';
import type { MeetupView, OccurrenceView } from '../../../functions/core/schemas/meetups';
import { formatLocal, type LocalParts, parseLocal, resolveLocal } from '../../../functions/core/time';
import { ApiError, api, get, post } from '../api';
import { navigate } from '../state';
import { asNumber, ErrorSummary, Field, Loading, TextField, TooLong, usePage, useSubmit } from '../ui';
import { formatIn } from '../when';

const DAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const NTH = [
  ['1', 'first'],
  ['2', 'second'],
  ['3', 'third'],
  ['4', 'fourth'],
  ['-1', 'last'],
] as const;

type Place = {
  venueName: string;
  address: string;
  neighbourhood: string;
  access: string[];
  accessNotes: string;
  url: string;
  urlNotes: string;
  capInPerson: string;
  capOnline: string;
};

/** A field's own aria-describedby (hint, error) with more ids. */
const described = (a: Record<string, unknown>, ...ids: string[]) =>
  [a['aria-describedby'], ...ids].filter(Boolean).join(' ');

/** Clock-change warnings by the date they are about: to heed, not errors. */
function ClockWarnings({ id, warnings }: { id: string; warnings: string[] }) {
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

function placeBody(mode: string, p: Place) {
  const inPerson = mode !== 'online';
  const online = mode !== 'in_person';
  return {
    venue: inPerson
      ? {
          name: p.venueName,
          address: p.address,
          ...(p.neighbourhood.trim() ? { neighbourhood: p.neighbourhood } : {}),
          access: p.access,
          ...(p.accessNotes.trim() ? { accessNotes: p.accessNotes } : {}),
        }
      : undefined,
    online: online ? { url: p.url, ...(p.urlNotes.trim() ? { notes: p.urlNotes } : {}) } : undefined,
    capacity: {
      ...(inPerson ? { inPerson: asNumber(p.capInPerson) } : {}),
      ...(online ? { online: asNumber(p.capOnline) } : {}),
    },
  };
}

function PlaceFields({
  mode,
  p,
  set,
  error,
}: {
  mode: string;
  p: Place;
  set: (p: Place) => void;
  error: Parameters<typeof TextField>[0]['error'];
}) {
  const field = (k: keyof Place) => (v: string) => set({ ...p, [k]: v });
  return (
    <>
      {mode !== 'online' && (
        <fieldset>
          <legend>In the room</legend>
          <TextField
            label="Venue"
            name="venue.name"
            value={p.venueName}
            onValue={field('venueName')}
            error={error}
            maxLength={120}
          />
          <TextField
            label="Address"
            name="venue.address"
            hint="Shown only to members who are going."
            value={p.address}
            onValue={field('address')}
            error={error}
            maxLength={300}
          />
          <TextField
            label="Neighbourhood (optional)"
            name="venue.neighbourhood"
            hint="Shown to every member, so they can tell whether it is near."
            value={p.neighbourhood}
            onValue={field('neighbourhood')}
            error={error}
            maxLength={80}
          />
          <fieldset class="columns">
            <legend>Access</legend>
            {Object.entries(ACCESS_FEATURES).map(([k, label]) => (
              <label key={k}>
                <input
                  type="checkbox"
                  checked={p.access.includes(k)}
                  onChange={(e) =>
                    set({
                      ...p,
                      access: e.currentTarget.checked ? [...p.access, k] : p.access.filter((a) => a !== k),
                    })
                  }
                />
                {label}
              </label>
            ))}
          </fieldset>
          <TextField
            label="Access notes (optional)"
            name="venue.accessNotes"
            value={p.accessNotes}
            onValue={field('accessNotes')}
            error={error}
            maxLength={500}
          />
          <TextField
            label="Places in the room"
            name="capacity.inPerson"
            value={p.capInPerson}
            onValue={field('capInPerson')}
            error={error}
          />
        </fieldset>
      )}
      {mode !== 'in_person' && (
        <fieldset>
          <legend>Online</legend>
          <TextField
            label="Link to the online room"
            name="online.url"
            hint="An https:// link, shown only to members who are going."
            value={p.url}
            onValue={field('url')}
            error={error}
            maxLength={500}
          />
          <TextField
            label="Notes for joining online (optional)"
            name="online.notes"
            value={p.urlNotes}
            onValue={field('urlNotes')}
            error={error}
            maxLength={500}
          />
          <TextField
            label="Places online"
            name="capacity.online"
            value={p.capOnline}
            onValue={field('capOnline')}
            error={error}
          />
        </fieldset>
      )}
    </>
  );
}

const emptyPlace: Place = {
  venueName: '',
  address: '',
  neighbourhood: '',
  access: [],
  accessNotes: '',
  url: '',
  urlNotes: '',
  capInPerson: '12',
  capOnline: '20',
};

/** What the repeat builder holds; `ruleFor` turns it into an RRULE of the documented subset. */
type Repeat = {
  repeats: 'none' | 'weekly' | 'monthly';
  interval: string;
  /** Weekly: more weekdays besides the first date's. */
  days: string[];
  monthly: 'day' | 'nth';
  ends: 'count' | 'until';
  count: string;
  until: string;
};

const ONCE: Repeat = {
  repeats: 'none',
  interval: '1',
  days: [],
  monthly: 'nth',
  ends: 'count',
  count: '10',
  until: '',
};

function ruleFor(r: Repeat, start: LocalParts | null): string | null {
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
function repeatOf(rrule: string | null): Repeat {
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
      ? 'Choose a date and a start time'
      : !date
        ? 'Choose a date'
        : !time
          ? 'Choose a start time'
          : null;
  return [...(when ? [{ path: datePath, message: when }] : []), ...repeatProblems(r)];
}

/** What is wrong with the repeat builder's own fields (nothing when it does not repeat). */
function repeatProblems(r: Repeat): FieldError[] {
  if (r.repeats === 'none') return [];
  return [
    ...(whole(r.interval, 1, 52)
      ? []
      : [{ path: 'body.interval', message: 'Use a whole number from 1 to 52' }]),
    ...(r.ends === 'count' && !whole(r.count, 1, MAX_OCCURRENCES)
      ? [{ path: 'body.count', message: `Use a whole number from 1 to ${MAX_OCCURRENCES}` }]
      : []),
    ...(r.ends === 'until' && !r.until ? [{ path: 'body.until', message: 'Choose the last date' }] : []),
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
  throw new ApiError(400, 'validation', 'Please check this:', [...own, ...rest]);
}

function RepeatFields({
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
    ...(once ? [['none', 'Just once'] as const] : []),
    ['weekly', 'Weekly'],
    ['monthly', 'Monthly'],
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
            label={`Every how many ${r.repeats === 'weekly' ? 'weeks' : 'months'}`}
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
              <legend>Also on</legend>
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
                  {DAY_LABELS[i]}
                </label>
              ))}
            </fieldset>
          )}
          {r.repeats === 'monthly' && start && (
            <div class="field">
              <label for="monthly">On</label>
              <select
                id="monthly"
                value={r.monthly}
                onChange={(e) => field('monthly')(e.currentTarget.value as 'day' | 'nth')}
              >
                <option value="nth">
                  the {NTH[Math.min(Math.ceil(start.day / 7), 5) - 1]?.[1] ?? 'last'}{' '}
                  {DAY_LABELS[weekdayIndex(start)]} of the month
                </option>
                <option value="day">day {start.day} of the month</option>
              </select>
            </div>
          )}
          <div class="row">
            <div class="field">
              <label for="ends">Ends</label>
              <select
                id="ends"
                value={r.ends}
                onChange={(e) => field('ends')(e.currentTarget.value as 'count' | 'until')}
              >
                <option value="count">after a number of meetups</option>
                <option value="until">on a date</option>
              </select>
            </div>
            {r.ends === 'count' ? (
              <Field label="Number of meetups" name="count" error={error}>
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
              <Field label="Last date" name="until" error={error}>
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
function clockChange(local: LocalParts | null, zone: string): string[] {
  const adjusted = local && resolveLocal(local, zone).adjusted;
  return adjusted ? [adjustmentWarning(adjusted, formatLocal(local), zone)] : [];
}

/** What a rule gives, in words and its first dates, with any time a clock change moves. */
function RulePreview({
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
        error: 'Its dates show here once how it repeats is filled in.',
      };
    if (!start) return null;
    if (!rrule) return { text: 'once', dates: [] as string[], warnings: [], error: null }; // said by the date
    const parsed = parseRule(rrule);
    if ('error' in parsed) return { text: '', dates: [], warnings: [], error: parsed.error };
    const out = expand(parsed.rule, start, zone);
    if ('error' in out) return { text: '', dates: [], warnings: [], error: out.error };
    return {
      text: `${describeRule(parsed.rule, start)}, at ${formatLocal(start).slice(11)}`,
      dates: out.occurrences.slice(0, 4).map((o) => formatIn(new Date(o.epochMs).toISOString(), zone)),
      warnings: out.occurrences
        .filter((o) => o.adjusted)
        .map((o) => adjustmentWarning(o.adjusted!, formatLocal(o.local), zone)),
      error: null,
    };
  }, [rrule, start && formatLocal(start), zone, unclear]);
  if (!preview) return null;
  return (
    <div class="preview" aria-live="polite">
      {preview.error ? (
        <p class={unclear ? 'meta' : 'error'}>{preview.error}</p>
      ) : (
        <>
          <p>
            <strong>Meets {preview.text}.</strong>
          </p>
          {preview.dates.length > 0 && <p class="meta">First: {preview.dates.join(' · ')}</p>}
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

/** The duties each meetup needs, for the roster, and how many must be filled for it to run. */
/** When RSVPs open (hours before each meetup; '' as soon as it is scheduled) and close (minutes before). */
const OPENS: [string, string][] = [
  ['', 'As soon as it is scheduled'],
  ['24', '1 day before'],
  ['48', '2 days before'],
  ['72', '3 days before'],
  ['168', '1 week before'],
  ['336', '2 weeks before'],
  ['672', '4 weeks before'],
];
const CLOSES: [string, string][] = [
  ['0', 'When it starts'],
  ['15', '15 minutes before'],
  ['60', '1 hour before'],
  ['180', '3 hours before'],
  ['1440', '1 day before'],
  ['2880', '2 days before'],
];

interface RsvpWindow {
  opens: string;
  closes: string;
}

function RsvpWindowFields({
  value,
  set,
  error,
}: {
  value: RsvpWindow;
  set: (w: RsvpWindow) => void;
  error: ApiError | null;
}) {
  const problem = error?.field('rsvpClosesMinutesBefore') ?? error?.field('rsvpOpensHoursBefore');
  // A series may hold a value set outside these choices: offer it too.
  const withCurrent = (options: [string, string][], v: string, unit: string) =>
    options.some(([o]) => o === v) ? options : [...options, [v, `${v} ${unit} before`] as [string, string]];
  const choose = (id: string, label: string, key: keyof RsvpWindow, options: [string, string][]) => (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value[key]}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? 'rsvp-window-err' : undefined}
        onChange={(e) => set({ ...value, [key]: e.currentTarget.value })}
      >
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <fieldset>
      <legend>RSVPs</legend>
      <div class="row">
        {choose('rsvp-opens', 'RSVPs open', 'opens', withCurrent(OPENS, value.opens, 'hours'))}
        {choose('rsvp-closes', 'RSVPs close', 'closes', withCurrent(CLOSES, value.closes, 'minutes'))}
      </div>
      <p class="meta">For a series, counted from each meetup.</p>
      {problem && (
        <p id="rsvp-window-err" class="error">
          {problem}
        </p>
      )}
    </fieldset>
  );
}

/** The request fields of an RSVP window. */
const rsvpWindowBody = (w: RsvpWindow) => ({
  ...(w.opens ? { rsvpOpensHoursBefore: Number(w.opens) } : {}),
  rsvpClosesMinutesBefore: Number(w.closes),
});

function StaffingFields({ value, set }: { value: Staffing; set: (s: Staffing) => void }) {
  const toggle = (role: RosterRole, on: boolean) => {
    const roles = ROLE_ORDER.filter((r) => (r === role ? on : value.roles.includes(r)));
    if (roles.length) set({ roles, minimum: Math.min(value.minimum, roles.length) });
  };
  return (
    <fieldset>
      <legend>Facilitators each meetup needs</legend>
      {ROLE_ORDER.map((r) => (
        <label key={r}>
          <input
            type="checkbox"
            checked={value.roles.includes(r)}
            onChange={(e) => toggle(r, e.currentTarget.checked)}
          />
          {ROSTER_ROLES[r]}
        </label>
      ))}
      <div class="field">
        <label for="staffing-minimum">It can run with at least</label>
        <select
          id="staffing-minimum"
          value={String(value.minimum)}
          onChange={(e) => set({ ...value, minimum: Number(e.currentTarget.value) })}
        >
          {value.roles.map((_, i) => (
            <option key={i} value={String(i + 1)}>
              {i + 1} of them
            </option>
          ))}
        </select>
      </div>
      {value.roles.includes('lead') && <p class="meta">A meetup without its lead counts as understaffed.</p>}
    </fieldset>
  );
}

export function ScheduleMeetupPage({ groupId }: { groupId: string }) {
  const h = usePage('Schedule a meetup');
  const [group, setGroup] = useState<GroupDetail | null>(null);
  useEffect(() => {
    void get<GroupDetail>(`/groups/${groupId}`).then(setGroup);
  }, [groupId]);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('18:30');
  const [duration, setDuration] = useState('90');
  const [mode, setMode] = useState('hybrid');
  const [staffing, setStaffing] = useState<Staffing | null>(null);
  const duties = staffing ?? defaultStaffing(mode as MeetupMode);
  const [place, setPlace] = useState<Place>(emptyPlace);
  const [repeat, setRepeat] = useState<Repeat>(ONCE);
  const [rsvpWindow, setRsvpWindow] = useState<RsvpWindow>({ opens: '', closes: '0' });

  const start = parseLocal(`${date}T${time}`);
  const rrule = ruleFor(repeat, start);
  const { busy, error, submit } = useSubmit(async () => {
    const own = ownProblems(date, time, repeat);
    const res = await sendWith(own, () =>
      post<{ occurrences: OccurrenceView[] }>(`/groups/${groupId}/meetups`, {
        title,
        description,
        start: `${date}T${time}`,
        durationMinutes: asNumber(duration),
        mode,
        ...placeBody(mode, place),
        staffing: duties,
        ...rsvpWindowBody(rsvpWindow),
        ...(own.length ? { recurrence: { rrule: REFUSED_RULE } } : rrule ? { recurrence: { rrule } } : {}),
      }),
    );
    navigate(`/occurrences/${res.occurrences[0]!.occurrenceId}`);
  });
  if (!group) return <Loading />;
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        Schedule a meetup
      </h1>
      <p class="lead">
        For {group.name}. Times are in the group’s time zone, {group.timezone.replace(/_/g, ' ')}.
      </p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary error={error} />
        <TextField
          label="Title"
          name="title"
          value={title}
          onValue={setTitle}
          error={error}
          maxLength={120}
        />
        <Field label="What happens (optional)" name="description" error={error}>
          {(a) => (
            <>
              <textarea {...a} value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
              <TooLong value={description} max={4000} />
            </>
          )}
        </Field>
        <div class="row">
          <Field label="Date" name="start" error={error}>
            {(a) => (
              <input
                {...a}
                type="date"
                value={date}
                onInput={(e) => setDate(e.currentTarget.value)}
                aria-describedby={described(a, 'start-clock')}
              />
            )}
          </Field>
          <div class="field">
            <label for="time">Start time</label>
            <input
              id="time"
              type="time"
              value={time}
              onInput={(e) => setTime(e.currentTarget.value)}
              aria-describedby="start-clock"
            />
          </div>
          <Field label="Minutes" name="durationMinutes" error={error}>
            {(a) => (
              <input
                {...a}
                inputMode="numeric"
                value={duration}
                onInput={(e) => setDuration(e.currentTarget.value)}
              />
            )}
          </Field>
        </div>
        <ClockWarnings id="start-clock" warnings={rrule ? [] : clockChange(start, group.timezone)} />
        <fieldset>
          <legend>How people join</legend>
          {(
            [
              ['in_person', 'In person'],
              ['online', 'Online'],
              ['hybrid', 'Both: in the room and online'],
            ] as const
          ).map(([v, label]) => (
            <label key={v}>
              <input type="radio" name="mode" checked={mode === v} onChange={() => setMode(v)} />
              {label}
            </label>
          ))}
        </fieldset>
        <PlaceFields mode={mode} p={place} set={setPlace} error={error} />
        <StaffingFields value={duties} set={setStaffing} />
        <RsvpWindowFields value={rsvpWindow} set={setRsvpWindow} error={error} />
        <fieldset>
          <legend>Repeats</legend>
          <RepeatFields r={repeat} set={setRepeat} start={start} once error={error} />
          <RulePreview
            rrule={rrule}
            start={start}
            zone={group.timezone}
            unclear={repeatProblems(repeat).length > 0}
          />
          {error?.field('recurrence.rrule') && <p class="error">{error.field('recurrence.rrule')}</p>}
        </fieldset>
        <p>
          <button type="submit" disabled={busy}>
            {busy ? 'Scheduling…' : 'Schedule'}
          </button>
        </p>
      </form>
    </>
  );
}

export function EditOccurrencePage({ occurrenceId }: { occurrenceId: string }) {
  const h = usePage('Change this meetup');
  const [o, setO] = useState<OccurrenceView | null>(null);
  const [title, setTitle] = useState('');
  const [start, setStart] = useState('');
  const [place, setPlace] = useState<Place>(emptyPlace);
  useEffect(() => {
    void get<OccurrenceView>(`/occurrences/${occurrenceId}`).then((occ) => {
      setO(occ);
      setTitle(occ.title);
      setStart(occ.startLocal);
      setPlace({
        venueName: occ.venue?.name ?? '',
        address: occ.venue?.address ?? '',
        neighbourhood: occ.venue?.neighbourhood ?? '',
        access: occ.venue?.access ?? [],
        accessNotes: occ.venue?.accessNotes ?? '',
        url: occ.online?.url ?? '',
        urlNotes: occ.online?.notes ?? '',
        capInPerson: String(occ.seats.inPerson?.capacity ?? ''),
        capOnline: String(occ.seats.online?.capacity ?? ''),
      });
    });
  }, [occurrenceId]);
  const { busy, error, submit } = useSubmit(async () => {
    await api('PATCH', `/occurrences/${occurrenceId}`, {
      title,
      ...(start !== o!.startLocal ? { start } : {}),
      ...placeBody(o!.mode, place),
    });
    navigate(`/occurrences/${occurrenceId}`);
  });
  if (!o) return <Loading />;
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        Change this meetup
      </h1>
      <p class="lead">
        Only this date changes; the rest of the series stays as it is. Everyone with an RSVP is told if the
        time or place moves.
      </p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary error={error} />
        <TextField
          label="Title"
          name="title"
          value={title}
          onValue={setTitle}
          error={error}
          maxLength={120}
        />
        <Field label={`Date and time (${o.timezone.replace(/_/g, ' ')})`} name="start" error={error}>
          {(a) => (
            <input
              {...a}
              type="datetime-local"
              value={start}
              onInput={(e) => setStart(e.currentTarget.value)}
              aria-describedby={described(a, 'start-clock')}
            />
          )}
        </Field>
        <ClockWarnings id="start-clock" warnings={clockChange(parseLocal(start.slice(0, 16)), o.timezone)} />
        <PlaceFields mode={o.mode} p={place} set={setPlace} error={error} />
        <div class="actions">
          <button type="submit" disabled={busy}>
            Save changes
          </button>
          <a class="button secondary" href={`/occurrences/${occurrenceId}`}>
            Cancel
          </a>
        </div>
      </form>
    </>
  );
}

export function EditSeriesPage({ meetupId }: { meetupId: string }) {
  const h = usePage('Change the series');
  const [m, setM] = useState<MeetupView | null>(null);
  const [title, setTitle] = useState('');
  const [time, setTime] = useState('');
  const [duration, setDuration] = useState('');
  const [capInPerson, setCapInPerson] = useState('');
  const [capOnline, setCapOnline] = useState('');
  const [staffing, setStaffing] = useState<Staffing | null>(null);
  const [rsvpWindow, setRsvpWindow] = useState<RsvpWindow>({ opens: '', closes: '0' });
  const [result, setResult] = useState<string | null>(null);
  const windowOf = (s: MeetupView): RsvpWindow => ({
    opens: s.rsvpOpensHoursBefore === null ? '' : String(s.rsvpOpensHoursBefore),
    closes: String(s.rsvpClosesMinutesBefore),
  });
  useEffect(() => {
    void get<MeetupView>(`/meetups/${meetupId}`).then((s) => {
      setM(s);
      setTitle(s.title);
      setTime(s.start.slice(11));
      setDuration(String(s.durationMinutes));
      setCapInPerson(s.capacity.inPerson ? String(s.capacity.inPerson) : '');
      setCapOnline(s.capacity.online ? String(s.capacity.online) : '');
      setStaffing(s.staffing as Staffing);
      setRsvpWindow(windowOf(s));
    });
  }, [meetupId]);
  const { busy, error, submit } = useSubmit(async () => {
    const capacity = {
      ...(capInPerson ? { inPerson: asNumber(capInPerson) } : {}),
      ...(capOnline ? { online: asNumber(capOnline) } : {}),
    };
    const res = await api<{ meetup: MeetupView; updated: number; skipped: number }>(
      'PATCH',
      `/meetups/${meetupId}`,
      {
        ...(title !== m!.title ? { title } : {}),
        ...(time !== m!.start.slice(11) ? { time } : {}),
        ...(asNumber(duration) !== m!.durationMinutes ? { durationMinutes: asNumber(duration) } : {}),
        ...(Object.keys(capacity).length ? { capacity } : {}),
        ...(staffing && JSON.stringify(staffing) !== JSON.stringify(m!.staffing) ? { staffing } : {}),
        ...(JSON.stringify(rsvpWindow) !== JSON.stringify(windowOf(m!))
          ? {
              rsvpOpensHoursBefore: rsvpWindow.opens ? Number(rsvpWindow.opens) : null,
              rsvpClosesMinutesBefore: Number(rsvpWindow.closes),
            }
          : {}),
      },
    );
    setM(res.meetup);
    setResult(
      `${res.updated} upcoming meetups changed.${res.skipped ? ` ${res.skipped} could not take the new capacity because more people are already going.` : ''}`,
    );
  });
  if (!m) return <Loading />;
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        {m.rrule ? 'Change the series' : 'Repeat this meetup'}
      </h1>
      <p class="lead">
        {m.rrule
          ? `${m.title}: ${m.repeats}. Changes apply to upcoming meetups, except dates you changed on their own.`
          : `${m.title}: once. Choose below how it repeats, and it becomes a series starting with it.`}
      </p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary error={error} />
        {result && (
          <p class="notice" role="status">
            {result}
          </p>
        )}
        <TextField
          label="Title"
          name="title"
          value={title}
          onValue={setTitle}
          error={error}
          maxLength={120}
        />
        <div class="row">
          <Field label="Start time" name="time" error={error}>
            {(a) => <input {...a} type="time" value={time} onInput={(e) => setTime(e.currentTarget.value)} />}
          </Field>
          <TextField
            label="Minutes"
            name="durationMinutes"
            value={duration}
            onValue={setDuration}
            error={error}
          />
        </div>
        {m.mode !== 'online' && (
          <TextField
            label="Places in the room"
            name="capacity.inPerson"
            value={capInPerson}
            onValue={setCapInPerson}
            error={error}
          />
        )}
        {m.mode !== 'in_person' && (
          <TextField
            label="Places online"
            name="capacity.online"
            value={capOnline}
            onValue={setCapOnline}
            error={error}
          />
        )}
        {staffing && <StaffingFields value={staffing} set={setStaffing} />}
        <RsvpWindowFields value={rsvpWindow} set={setRsvpWindow} error={error} />
        <div class="actions">
          <button type="submit" disabled={busy}>
            Save changes
          </button>
          <a class="button secondary" href={`/groups/${m.groupId}`}>
            Back to the group
          </a>
        </div>
      </form>
      {m.status === 'scheduled' && <SeriesDates m={m} onChanged={setM} />}
      {m.status === 'scheduled' && m.rrule && <CancelSeries meetupId={meetupId} groupId={m.groupId} />}
    </>
  );
}

/** New dates for a series: longer, shorter, other days, or a new first date. */
function SeriesDates({ m, onChanged }: { m: MeetupView; onChanged: (m: MeetupView) => void }) {
  const [zone, setZone] = useState<string | null>(null);
  useEffect(() => {
    void get<GroupDetail>(`/groups/${m.groupId}`).then((g) => setZone(g.timezone));
  }, [m.groupId]);
  const [date, setDate] = useState(m.start.slice(0, 10));
  const [time, setTime] = useState(m.start.slice(11));
  const [repeat, setRepeat] = useState<Repeat>(() => {
    const r = repeatOf(m.rrule);
    return r.repeats === 'none' ? { ...r, repeats: 'weekly' } : r;
  });
  const [result, setResult] = useState<{ text: string; warnings: string[] } | null>(null);
  // The series changed above (its time, say): these fields start again from it, or saving new
  // dates would put back what was just changed.
  useEffect(() => {
    setDate(m.start.slice(0, 10));
    setTime(m.start.slice(11));
    const r = repeatOf(m.rrule);
    setRepeat(r.repeats === 'none' ? { ...r, repeats: 'weekly' } : r);
  }, [m.start, m.rrule]);
  const start = parseLocal(`${date}T${time}`);
  const rrule = ruleFor(repeat, start);
  const { busy, error, submit } = useSubmit(async () => {
    const own = ownProblems(date, time, repeat, 'body.recurrence.start');
    const res = await sendWith(own, () =>
      api<{
        meetup: MeetupView;
        added: number;
        cancelled: number;
        warnings: { message: string }[];
      }>('PATCH', `/meetups/${m.meetupId}`, {
        recurrence: { rrule: own.length ? REFUSED_RULE : (rrule ?? ''), start: `${date}T${time}` },
      }),
    );
    onChanged(res.meetup);
    const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
    setResult({
      text:
        res.added || res.cancelled
          ? `Saved: ${plural(res.added, 'meetup')} added, ${plural(res.cancelled, 'meetup')} cancelled${res.cancelled ? ' (everyone with an RSVP has been told)' : ''}.`
          : 'Saved: the upcoming meetups were already on these dates.',
      warnings: res.warnings.map((w) => w.message),
    });
  });
  if (!zone) return null;
  return (
    <section aria-labelledby="series-dates">
      <h2 id="series-dates">{m.rrule ? 'Change the dates' : 'How it repeats'}</h2>
      <p>
        {m.rrule
          ? 'Meetups already held stay as they were. Upcoming meetups on a new date keep their RSVPs; the others are cancelled, and everyone with an RSVP is told.'
          : 'Started on its own date, the series keeps this meetup as it is, RSVPs and all, and adds its other dates after it.'}
      </p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary error={error} />
        {result && (
          <div class="notice" role="status">
            <p>{result.text}</p>
            {result.warnings.map((w) => (
              <p key={w}>{w}</p>
            ))}
          </div>
        )}
        <div class="row">
          <Field label="First date" name="recurrence.start" error={error}>
            {(a) => <input {...a} type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />}
          </Field>
          <div class="field">
            <label for="series-time">Start time</label>
            <input
              id="series-time"
              type="time"
              value={time}
              onInput={(e) => setTime(e.currentTarget.value)}
            />
          </div>
        </div>
        <fieldset>
          <legend>Repeats</legend>
          <RepeatFields r={repeat} set={setRepeat} start={start} error={error} />
          <RulePreview rrule={rrule} start={start} zone={zone} unclear={repeatProblems(repeat).length > 0} />
          {error?.field('recurrence.rrule') && <p class="error">{error.field('recurrence.rrule')}</p>}
        </fieldset>
        <div class="actions">
          <button type="submit" disabled={busy || !rrule}>
            Save the new dates
          </button>
        </div>
      </form>
    </section>
  );
}

function CancelSeries({ meetupId, groupId }: { meetupId: string; groupId: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    await post(`/meetups/${meetupId}/cancel`, { reason });
    navigate(`/groups/${groupId}`);
  });
  return (
    <section aria-labelledby="cancel-series">
      <h2 id="cancel-series">Cancel the series</h2>
      {!open ? (
        <button type="button" class="secondary" onClick={() => setOpen(true)}>
          Cancel every upcoming meetup in this series
        </button>
      ) : (
        <form onSubmit={submit} noValidate>
          <ErrorSummary error={error} />
          <TextField
            label="Why is the series cancelled?"
            name="reason"
            hint="Everyone with an RSVP is told."
            value={reason}
            onValue={setReason}
            error={error}
            maxLength={500}
          />
          <div class="actions">
            <button type="submit" class="danger" disabled={busy}>
              Cancel the series
            </button>
            <button type="button" class="secondary" onClick={() => setOpen(false)}>
              Keep it
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
