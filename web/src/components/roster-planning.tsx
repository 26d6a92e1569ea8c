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
import { asNumber, Field, Stamp, useSubmit } from '../ui';
import { dateText, localText } from '../when';
import { DAY_NAMES } from './facilitators';
import { Checkboxes, Form, FormActions, PlainInput, RunButton } from './forms';
import { Rows } from './rows';

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
      <Form submit={ask.submit} error={ask.error ?? apply.error}>
        <div class="row">
          <PlainInput id="fill-from" label="From" type="date" value={from} onValue={setFrom} />
          <PlainInput id="fill-to" label="To" type="date" value={to} onValue={setTo} />
        </div>
        <button type="submit" class="secondary" disabled={ask.busy}>
          Preview
        </button>
      </Form>
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
                <RunButton run={apply}>
                  Apply {preview.proposals.length} {preview.proposals.length === 1 ? 'duty' : 'duties'}
                </RunButton>
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
  return (
    <section aria-labelledby="availability">
      <h2 id="availability">Your availability</h2>
      <p class="meta">
        {profile.trainedOn
          ? `Trained on ${dateText(profile.trainedOn)}.`
          : 'Not yet recorded as trained: you can help, but not lead.'}
      </p>
      <Form submit={save.submit} error={save.error}>
        <Rows
          legend="Each week (none: any time)"
          items={weekly}
          onItems={setWeekly}
          fresh={() => ({ day: 'TU' as const, from: '18:00', to: '21:00' })}
          add="Add a time I can do"
        >
          {(w, i, change) => (
            <>
              <div class="field">
                <label for={`day-${i}`}>Day</label>
                <select
                  id={`day-${i}`}
                  value={w.day}
                  onChange={(e) => change({ day: e.currentTarget.value as typeof w.day })}
                >
                  {WEEKDAYS.map((d) => (
                    <option key={d} value={d}>
                      {DAY_NAMES[d]}
                    </option>
                  ))}
                </select>
              </div>
              <PlainInput
                id={`from-${i}`}
                label="From"
                type="time"
                value={w.from}
                onValue={(from) => change({ from })}
              />
              <PlainInput
                id={`to-${i}`}
                label="To"
                type="time"
                value={w.to}
                onValue={(to) => change({ to })}
              />
            </>
          )}
        </Rows>
        <Rows
          legend="Away"
          items={away}
          onItems={setAway}
          fresh={() => ({ from: today(), to: today() })}
          add="Add dates away"
        >
          {(a, i, change) => (
            <>
              <PlainInput
                id={`away-from-${i}`}
                label="From"
                type="date"
                value={a.from}
                onValue={(from) => change({ from })}
              />
              <PlainInput
                id={`away-to-${i}`}
                label="To"
                type="date"
                value={a.to}
                onValue={(to) => change({ to })}
              />
            </>
          )}
        </Rows>
        <Checkboxes
          legend="I prefer to facilitate"
          options={[
            ['in_person', 'In the room'],
            ['online', 'Online'],
          ]}
          chosen={modes}
          onChosen={setModes}
        />
        <Field label="The most duties a month I want" name="maxPerMonth" error={save.error}>
          {(a) => (
            <input {...a} inputMode="numeric" value={max} onInput={(e) => setMax(e.currentTarget.value)} />
          )}
        </Field>
        <FormActions busy={save.busy} label="Save my availability" saved={saved} />
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
      </Form>
    </section>
  );
}
