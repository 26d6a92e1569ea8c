/** Planning a roster: auto-fill with its reasons before anything is written, and a facilitator's own availability. @module */
import { useEffect, useState } from 'preact/hooks';
import { WEEKDAYS } from '../../../functions/core/recurrence';
import { ROSTER_ROLES } from '../../../functions/core/roster';
import type {
  AutofillAnswer as Autofill,
  AvailabilitySaved,
  FacilitatorView as Facilitator,
} from '../../../functions/core/schemas/roster';
import { api, get, post } from '../api';
import { asNumber, ErrorSummary, Field, Stamp, useSubmit } from '../ui';
import { dateText, localText } from '../when';
import { DAY_NAMES } from './facilitators';

export const today = () => new Date().toISOString().slice(0, 10);

export const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

export function AutofillPanel({ groupId, onApplied }: { groupId: string; onApplied: () => Promise<void> }) {
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

export function Availability({ groupId, onSaved }: { groupId: string; onSaved: () => Promise<void> }) {
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
