/**
 * Rosters in the web app: a group's roster (meetups × duties, gaps marked), auto-fill with its
 * reasons before anything is written, giving duties by hand, open cover requests, a facilitator's
 * availability (cover requests: components/cover-requests; "My duties": pages/duties).
 * @module
 */

import { useEffect, useState } from 'preact/hooks';
import { WEEKDAYS } from '../../../functions/core/recurrence';
import { ROLE_ORDER, ROSTER_ROLES, type RosterRole } from '../../../functions/core/roster';
import type { GroupDetail } from '../../../functions/core/schemas/groups';
import type {
  AutofillAnswer as Autofill,
  AvailabilitySaved,
  CoverRequestView as Cover,
  RosterEntry as Entry,
  FacilitatorView as Facilitator,
} from '../../../functions/core/schemas/roster';
import { api, del, get, post } from '../api';
import { CoverRequests } from '../components/cover-requests';
import { me } from '../state';
import { asNumber, ErrorSummary, Field, Loading, SignInFirst, Stamp, usePage, useSubmit } from '../ui';
import { dateText, localText } from '../when';

const DAY_NAMES = { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' } as const;
const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

export function RosterPage({ groupId }: { groupId: string }) {
  const h = usePage('Roster');
  const [group, setGroup] = useState<GroupDetail | null>(null);
  const [rows, setRows] = useState<Entry[] | null>(null);
  const [people, setPeople] = useState<Facilitator[]>([]);
  const [covers, setCovers] = useState<Cover[]>([]);
  const [from, setFrom] = useState(today());
  const [to, setTo] = useState(inDays(27));
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    try {
      const [g, r, f, c] = await Promise.all([
        get<GroupDetail>(`/groups/${groupId}`),
        get<{ items: Entry[] }>(`/groups/${groupId}/roster?from=${from}&to=${to}`),
        get<{ items: Facilitator[] }>(`/groups/${groupId}/facilitators`),
        get<{ items: Cover[] }>(`/groups/${groupId}/cover-requests`),
      ]);
      setGroup(g);
      setRows(r.items);
      setPeople(f.items);
      setCovers(c.items);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  useEffect(() => {
    if (me.value) void load();
  }, [groupId, me.value?.userId, from, to]);
  if (me.value === null)
    return <SignInFirst title="Roster" next={`/groups/${groupId}/roster`} doing="see the roster" />;
  const owner = group?.membership?.role === 'owner';
  const facilitator =
    group?.membership?.role === 'facilitator' || people.some((p) => p.userId === me.value?.userId);
  const gaps = rows?.filter((r) => r.understaffed).length ?? 0;
  // A cancelled meetup needs no one: it is neither staffed nor a gap.
  const live = rows?.filter((r) => r.status === 'scheduled').length ?? 0;
  const off = (rows?.length ?? 0) - live;
  const offText = off ? ` (${off} cancelled)` : '';
  return (
    <>
      <p>
        <a href={`/groups/${groupId}`}>← {group?.name ?? 'Group'}</a>
      </p>
      <h1 ref={h} tabIndex={-1}>
        Roster
      </h1>
      {error ? (
        <p class="alert" role="alert">
          {error}
        </p>
      ) : !rows ? (
        <Loading />
      ) : (
        <>
          <div class="row">
            <div class="field">
              <label for="roster-from">From</label>
              <input
                id="roster-from"
                type="date"
                value={from}
                onInput={(e) => setFrom(e.currentTarget.value)}
              />
            </div>
            <div class="field">
              <label for="roster-to">To</label>
              <input id="roster-to" type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
            </div>
          </div>
          <p class={gaps ? 'alert' : 'notice'} role="status">
            {live === 0
              ? `No meetups to staff in these dates${offText}.`
              : gaps
                ? `${gaps} of ${live} ${live === 1 ? 'meetup' : 'meetups'} ${gaps === 1 ? 'is' : 'are'} understaffed${offText}.`
                : live === 1
                  ? `The meetup is staffed${offText}.`
                  : `All ${live} meetups are staffed${offText}.`}
          </p>
          <RosterTable rows={rows} people={people} owner={owner} onChange={load} />
          {(covers.length > 0 || facilitator) && <CoverRequests covers={covers} onChange={load} />}
          {owner && <Facilitators groupId={groupId} people={people} onChange={load} />}
          {owner && <AutofillPanel groupId={groupId} onApplied={load} />}
          {facilitator && <Availability groupId={groupId} onSaved={load} />}
        </>
      )}
    </>
  );
}

/** Rows grouped by the week (Monday to Sunday, by the meetup's own date) they fall in. */
function weeks(rows: Entry[]): [string, Entry[]][] {
  const out = new Map<string, Entry[]>();
  for (const o of rows) {
    const d = new Date(`${o.startLocal.slice(0, 10)}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    const monday = d.toISOString().slice(0, 10);
    out.set(monday, [...(out.get(monday) ?? []), o]);
  }
  return [...out];
}

function RosterTable({
  rows,
  people,
  owner,
  onChange,
}: {
  rows: Entry[];
  people: Facilitator[];
  owner: boolean;
  onChange: () => Promise<void>;
}) {
  const [error, setError] = useState<string | null>(null);
  const roles = ROLE_ORDER.filter((r) => rows.some((o) => o.staffing.roles.includes(r)));
  const give = async (o: Entry, role: RosterRole, userId: string) => {
    setError(null);
    try {
      await api('PUT', `/occurrences/${o.occurrenceId}/roster/${role}`, { userId });
      await onChange();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  if (!rows.length) return null;
  return (
    <div class="table-wrap">
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
      <table class="stack roster">
        <caption class="visually-hidden">Duties for each meetup</caption>
        <thead>
          <tr>
            <th scope="col">Meetup</th>
            {roles.map((r) => (
              <th key={r} scope="col">
                {ROSTER_ROLES[r]}
              </th>
            ))}
          </tr>
        </thead>
        {weeks(rows).map(([monday, week]) => (
          <tbody key={monday}>
            <tr class="week">
              <th colSpan={roles.length + 1} scope="rowgroup">
                Week of {dateText(monday)}
              </th>
            </tr>
            {week.map((o) =>
              o.status === 'cancelled' ? (
                <tr key={o.occurrenceId} class="cancelled">
                  <th scope="row" data-label="Meetup">
                    <a href={`/occurrences/${o.occurrenceId}`}>{o.title}</a>
                    <span class="meta"> {localText(o.startLocal)}</span>
                    <strong> Cancelled</strong>
                  </th>
                  <td colSpan={roles.length} class="meta" data-label="Duties">
                    No one is needed.
                  </td>
                </tr>
              ) : (
                <tr key={o.occurrenceId} class={o.understaffed ? 'gap' : undefined}>
                  <th scope="row" data-label="Meetup">
                    <a href={`/occurrences/${o.occurrenceId}`}>{o.title}</a>
                    <span class="meta"> {localText(o.startLocal)}</span>
                    {o.understaffed && <strong class="gap-label"> Understaffed</strong>}
                  </th>
                  {roles.map((r) => {
                    const s = o.slots[r];
                    if (!o.staffing.roles.includes(r))
                      return (
                        <td key={r} data-label={ROSTER_ROLES[r]} class="meta">
                          not needed
                        </td>
                      );
                    return (
                      <td key={r} data-label={ROSTER_ROLES[r]}>
                        {s ? (
                          <>
                            {s.displayName}{' '}
                            <span class="meta">
                              (
                              {s.coverRequestId
                                ? 'asking for cover'
                                : s.status === 'confirmed'
                                  ? 'confirmed'
                                  : 'not confirmed'}
                              )
                            </span>
                            {owner && (
                              <button
                                type="button"
                                class="secondary small"
                                aria-label={`Take ${ROSTER_ROLES[r].toLowerCase()} off ${s.displayName} on ${localText(o.startLocal)}`}
                                onClick={async () => {
                                  await del(`/occurrences/${o.occurrenceId}/roster/${r}`);
                                  await onChange();
                                }}
                              >
                                Remove
                              </button>
                            )}
                          </>
                        ) : owner ? (
                          <select
                            aria-label={`${ROSTER_ROLES[r]} on ${localText(o.startLocal)}`}
                            value=""
                            onChange={(e) => void give(o, r, e.currentTarget.value)}
                          >
                            <option value="">Gap: choose…</option>
                            {people
                              .filter((p) => p.active)
                              .map((p) => (
                                <option key={p.userId} value={p.userId}>
                                  {p.displayName}
                                </option>
                              ))}
                          </select>
                        ) : (
                          <strong class="gap-label">Gap</strong>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ),
            )}
          </tbody>
        ))}
      </table>
    </div>
  );
}

/** Owners record training, who is active, and the most duties each wants a month. */
function Facilitators({
  groupId,
  people,
  onChange,
}: {
  groupId: string;
  people: Facilitator[];
  onChange: () => Promise<void>;
}) {
  return (
    <section aria-labelledby="facilitators">
      <h2 id="facilitators">Facilitators</h2>
      {people.length === 0 ? (
        <p>
          No facilitators yet. Give members the facilitator role on the{' '}
          <a href={`/groups/${groupId}/members`}>members page</a>.
        </p>
      ) : (
        <ul class="cards">
          {people.map((p) => (
            <FacilitatorRow key={p.userId} groupId={groupId} p={p} onChange={onChange} />
          ))}
        </ul>
      )}
    </section>
  );
}

function FacilitatorRow({
  groupId,
  p,
  onChange,
}: {
  groupId: string;
  p: Facilitator;
  onChange: () => Promise<void>;
}) {
  const [trainedOn, setTrainedOn] = useState(p.trainedOn ?? '');
  const [active, setActive] = useState(p.active);
  const [max, setMax] = useState(String(p.maxPerMonth));
  const [saved, setSaved] = useState(false);
  const save = useSubmit(async () => {
    setSaved(false);
    await api('PUT', `/groups/${groupId}/facilitators/${p.userId}`, {
      trainedOn: trainedOn || null,
      active,
      maxPerMonth: asNumber(max),
    });
    setSaved(true);
    await onChange();
  });
  return (
    <li class="card">
      <form onSubmit={save.submit} noValidate aria-label={`Facilitator: ${p.displayName}`}>
        <h3>{p.displayName}</h3>
        <ErrorSummary error={save.error} />
        <p class="meta">
          {p.trainedOn
            ? `Training recorded${p.trainedBy ? ` by ${p.trainedBy}` : ''}.`
            : 'Training not recorded: cannot lead.'}{' '}
          {p.weekly.length
            ? `Available ${p.weekly.map((w) => `${DAY_NAMES[w.day]} ${w.from}–${w.to}`).join(', ')}.`
            : 'Available any time.'}
          {p.away.length ? ` Away ${p.away.map((a) => `${a.from} to ${a.to}`).join(', ')}.` : ''}
        </p>
        <div class="row">
          <div class="field">
            <label for={`trained-${p.userId}`}>Trained on</label>
            <input
              id={`trained-${p.userId}`}
              type="date"
              value={trainedOn}
              onInput={(e) => setTrainedOn(e.currentTarget.value)}
            />
          </div>
          <Field label="Most duties a month" name="maxPerMonth" error={save.error}>
            {(a) => (
              <input {...a} inputMode="numeric" value={max} onInput={(e) => setMax(e.currentTarget.value)} />
            )}
          </Field>
        </div>
        <label class="check">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
          Active (can be given duties)
        </label>
        <div class="actions">
          <button type="submit" class="secondary" disabled={save.busy}>
            Save {p.displayName}
          </button>
          {saved && (
            <span role="status" class="meta">
              Saved.
            </span>
          )}
        </div>
      </form>
    </li>
  );
}

function AutofillPanel({ groupId, onApplied }: { groupId: string; onApplied: () => Promise<void> }) {
  const [from, setFrom] = useState(today());
  const [to, setTo] = useState(inDays(27));
  const [preview, setPreview] = useState<Autofill | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const ask = useSubmit(async () => {
    setDone(null);
    setPreview(await post<Autofill>(`/groups/${groupId}/roster/autofill`, { from, to }));
  });
  const apply = useSubmit(async () => {
    const r = await post<Autofill>(`/groups/${groupId}/roster/autofill`, { from, to, apply: true });
    setPreview(null);
    setDone(`${r.applied} duties given. Everyone given one is asked to confirm it.`);
    await onApplied();
  });
  return (
    <section aria-labelledby="autofill">
      <h2 id="autofill">Fill the roster</h2>
      <p>
        Proposes who takes each open duty: only people available then, within the most they want a month,
        never two duties at once, a trained lead, and the fewest duties first. Nothing changes until you apply
        it.
      </p>
      <form onSubmit={ask.submit} noValidate>
        <ErrorSummary error={ask.error ?? apply.error} />
        <div class="row">
          <div class="field">
            <label for="fill-from">From</label>
            <input id="fill-from" type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="fill-to">To</label>
            <input id="fill-to" type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
          </div>
        </div>
        <button type="submit" class="secondary" disabled={ask.busy}>
          Preview
        </button>
      </form>
      {done && (
        <p class="notice" role="status">
          {done}
        </p>
      )}
      {preview && (
        <div class="preview" aria-live="polite">
          {preview.proposals.length === 0 && preview.unfilled.length === 0 ? (
            <p>Nothing to fill in these dates.</p>
          ) : (
            <>
              <ul>
                {preview.proposals.map((p) => (
                  <li key={`${p.occurrenceId}.${p.role}`}>
                    {localText(p.startLocal)} {p.title}: <strong>{p.displayName}</strong> as{' '}
                    {ROSTER_ROLES[p.role].toLowerCase()} <span class="meta">(chosen: {p.reason})</span>
                  </li>
                ))}
                {preview.unfilled.map((u) => (
                  <li key={`${u.occurrenceId}.${u.role}`}>
                    {localText(u.startLocal)} {u.title}:{' '}
                    <strong class="gap-label">no {ROSTER_ROLES[u.role].toLowerCase()}</strong>{' '}
                    <span class="meta">({u.reason})</span>
                  </li>
                ))}
              </ul>
              {preview.proposals.length > 0 && (
                <button type="button" disabled={apply.busy} onClick={() => apply.submit()}>
                  Apply {preview.proposals.length} {preview.proposals.length === 1 ? 'duty' : 'duties'}
                </button>
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}

function Availability({ groupId, onSaved }: { groupId: string; onSaved: () => Promise<void> }) {
  const [profile, setProfile] = useState<Facilitator | null>(null);
  const [weekly, setWeekly] = useState<Facilitator['weekly']>([]);
  const [away, setAway] = useState<Facilitator['away']>([]);
  const [max, setMax] = useState('4');
  const [modes, setModes] = useState<Facilitator['modes']>([]);
  const [saved, setSaved] = useState(false);
  const [conflicts, setConflicts] = useState<AvailabilitySaved['conflicts']>([]);
  useEffect(() => {
    void get<Facilitator>(`/groups/${groupId}/facilitators/me`).then((p) => {
      setProfile(p);
      setWeekly(p.weekly);
      setAway(p.away);
      setMax(String(p.maxPerMonth));
      setModes(p.modes);
    });
  }, [groupId]);
  const save = useSubmit(async () => {
    setSaved(false);
    const res = await api<AvailabilitySaved>('PUT', `/groups/${groupId}/facilitators/me/availability`, {
      weekly,
      away,
    });
    setConflicts(res.conflicts);
    await api('PUT', `/groups/${groupId}/facilitators/me`, { maxPerMonth: asNumber(max), modes });
    setSaved(true);
    await onSaved();
  });
  if (!profile) return null;
  const setWindow = (i: number, change: Partial<Facilitator['weekly'][number]>) =>
    setWeekly(weekly.map((w, j) => (j === i ? { ...w, ...change } : w)));
  return (
    <section aria-labelledby="availability">
      <h2 id="availability">Your availability</h2>
      <p class="meta">
        {profile.trainedOn
          ? `Trained on ${dateText(profile.trainedOn)}.`
          : 'Not yet recorded as trained: you can help, but not lead.'}
      </p>
      <form onSubmit={save.submit} noValidate>
        <ErrorSummary error={save.error} />
        <fieldset>
          <legend>Each week (none: any time)</legend>
          {weekly.map((w, i) => (
            <div class="row" key={`${i}-${w.day}`}>
              <div class="field">
                <label for={`day-${i}`}>Day</label>
                <select
                  id={`day-${i}`}
                  value={w.day}
                  onChange={(e) => setWindow(i, { day: e.currentTarget.value as typeof w.day })}
                >
                  {WEEKDAYS.map((d) => (
                    <option key={d} value={d}>
                      {DAY_NAMES[d]}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for={`from-${i}`}>From</label>
                <input
                  id={`from-${i}`}
                  type="time"
                  value={w.from}
                  onInput={(e) => setWindow(i, { from: e.currentTarget.value })}
                />
              </div>
              <div class="field">
                <label for={`to-${i}`}>To</label>
                <input
                  id={`to-${i}`}
                  type="time"
                  value={w.to}
                  onInput={(e) => setWindow(i, { to: e.currentTarget.value })}
                />
              </div>
              <button
                type="button"
                class="secondary small"
                onClick={() => setWeekly(weekly.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            </div>
          ))}
          <button
            type="button"
            class="secondary small"
            onClick={() => setWeekly([...weekly, { day: 'TU', from: '18:00', to: '21:00' }])}
          >
            Add a time I can do
          </button>
        </fieldset>
        <fieldset>
          <legend>Away</legend>
          {away.map((a, i) => (
            <div class="row" key={`${i}-${a.from}`}>
              <div class="field">
                <label for={`away-from-${i}`}>From</label>
                <input
                  id={`away-from-${i}`}
                  type="date"
                  value={a.from}
                  onInput={(e) =>
                    setAway(away.map((x, j) => (j === i ? { ...x, from: e.currentTarget.value } : x)))
                  }
                />
              </div>
              <div class="field">
                <label for={`away-to-${i}`}>To</label>
                <input
                  id={`away-to-${i}`}
                  type="date"
                  value={a.to}
                  onInput={(e) =>
                    setAway(away.map((x, j) => (j === i ? { ...x, to: e.currentTarget.value } : x)))
                  }
                />
              </div>
              <button
                type="button"
                class="secondary small"
                onClick={() => setAway(away.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            </div>
          ))}
          <button
            type="button"
            class="secondary small"
            onClick={() => setAway([...away, { from: today(), to: today() }])}
          >
            Add dates away
          </button>
        </fieldset>
        <fieldset>
          <legend>I prefer to facilitate</legend>
          {(
            [
              ['in_person', 'In the room'],
              ['online', 'Online'],
            ] as const
          ).map(([m, label]) => (
            <label key={m}>
              <input
                type="checkbox"
                checked={modes.includes(m)}
                onChange={(e) =>
                  setModes(e.currentTarget.checked ? [...modes, m] : modes.filter((x) => x !== m))
                }
              />
              {label}
            </label>
          ))}
        </fieldset>
        <Field label="The most duties a month I want" name="maxPerMonth" error={save.error}>
          {(a) => (
            <input {...a} inputMode="numeric" value={max} onInput={(e) => setMax(e.currentTarget.value)} />
          )}
        </Field>
        <div class="actions">
          <button type="submit" disabled={save.busy}>
            Save my availability
          </button>
          {saved && (
            <span role="status" class="meta">
              Saved.
            </span>
          )}
        </div>
        {saved && conflicts.length > 0 && (
          <div class="notice caution" role="status">
            <p>
              You hold {conflicts.length === 1 ? 'a duty' : `${conflicts.length} duties`} you can no longer
              make:
            </p>
            <ul>
              {conflicts.map((d) => (
                <li key={d.assignmentId}>
                  {ROSTER_ROLES[d.role]}, <Stamp at={d.startAt} /> (
                  {d.reason === 'away' ? 'you are away' : 'outside your times'})
                </li>
              ))}
            </ul>
            <p>
              They stay yours until someone covers them: <a href="/me/duties">ask for cover in My duties</a>.
              The group’s owners are told.
            </p>
          </div>
        )}
      </form>
    </section>
  );
}
