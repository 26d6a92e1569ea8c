/** Planning a roster: auto-fill with its reasons before anything is written, and a facilitator's own availability. @module */
import { useEffect, useState } from 'preact/hooks';
import { WEEKDAYS } from '../../../functions/core/recurrence';
import type {
  AutofillAnswer as Autofill,
  AvailabilitySaved,
  FacilitatorView as Facilitator,
} from '../../../functions/core/schemas/roster';
import { api, get, post } from '../api';
import { t, tx } from '../i18n';
import { label, weekdayName } from '../labels';
import { asNumber, Field, Stamp, useSubmit } from '../ui';
import { dateText, localText } from '../when';
import { Checkboxes, Form, FormActions, PlainInput, RunButton } from './forms';
import { chosenText, openText } from './roster-reasons';
import { roleInText } from './roster-table';
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
    setDone(t('rosterPlanning.applied', { count: r.applied }));
    await onApplied();
  });
  return (
    <section aria-labelledby="autofill">
      <h2 id="autofill">{t('rosterPlanning.fillHeading')}</h2>
      <p>{t('rosterPlanning.fillIntro')}</p>
      <Form submit={ask.submit} error={ask.error ?? apply.error}>
        <div class="row">
          <PlainInput
            id="fill-from"
            label={t('rosterPlanning.from')}
            type="date"
            value={from}
            onValue={setFrom}
          />
          <PlainInput id="fill-to" label={t('rosterPlanning.to')} type="date" value={to} onValue={setTo} />
        </div>
        <button type="submit" class="secondary" disabled={ask.busy}>
          {t('rosterPlanning.preview')}
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
            <p>{t('rosterPlanning.nothing')}</p>
          ) : (
            <>
              <ul>
                {preview.proposals.map((p) => (
                  <li key={`${p.occurrenceId}.${p.role}`}>
                    {tx(
                      'rosterPlanning.proposal',
                      {
                        when: localText(p.startLocal),
                        title: p.title,
                        name: p.displayName,
                        role: roleInText(p.role),
                        reason: chosenText(p.reason, p.role),
                      },
                      (c) => (
                        <strong>{c}</strong>
                      ),
                      (c) => (
                        <span class="meta">{c}</span>
                      ),
                    )}
                  </li>
                ))}
                {preview.unfilled.map((u) => (
                  <li key={`${u.occurrenceId}.${u.role}`}>
                    {tx(
                      'rosterPlanning.unfilled',
                      {
                        when: localText(u.startLocal),
                        title: u.title,
                        role: roleInText(u.role),
                        reason: openText(u.reason),
                      },
                      (c) => (
                        <strong class="gap-label">{c}</strong>
                      ),
                      (c) => (
                        <span class="meta">{c}</span>
                      ),
                    )}
                  </li>
                ))}
              </ul>
              {preview.proposals.length > 0 && (
                <RunButton run={apply}>
                  {t('rosterPlanning.apply', { count: preview.proposals.length })}
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
      <h2 id="availability">{t('rosterPlanning.availabilityHeading')}</h2>
      <p class="meta">
        {profile.trainedOn
          ? t('rosterPlanning.trainedOn', { date: dateText(profile.trainedOn) })
          : t('rosterPlanning.notTrained')}
      </p>
      <Form submit={save.submit} error={save.error}>
        <Rows
          legend={t('rosterPlanning.weekly')}
          items={weekly}
          onItems={setWeekly}
          fresh={() => ({ day: 'TU' as const, from: '18:00', to: '21:00' })}
          add={t('rosterPlanning.addTime')}
        >
          {(w, i, change) => (
            <>
              <div class="field">
                <label for={`day-${i}`}>{t('rosterPlanning.day')}</label>
                <select
                  id={`day-${i}`}
                  value={w.day}
                  onChange={(e) => change({ day: e.currentTarget.value as typeof w.day })}
                >
                  {WEEKDAYS.map((d, n) => (
                    <option key={d} value={d}>
                      {weekdayName(n, 'short')}
                    </option>
                  ))}
                </select>
              </div>
              <PlainInput
                id={`from-${i}`}
                label={t('rosterPlanning.from')}
                type="time"
                value={w.from}
                onValue={(from) => change({ from })}
              />
              <PlainInput
                id={`to-${i}`}
                label={t('rosterPlanning.to')}
                type="time"
                value={w.to}
                onValue={(to) => change({ to })}
              />
            </>
          )}
        </Rows>
        <Rows
          legend={t('rosterPlanning.away')}
          items={away}
          onItems={setAway}
          fresh={() => ({ from: today(), to: today() })}
          add={t('rosterPlanning.addAway')}
        >
          {(a, i, change) => (
            <>
              <PlainInput
                id={`away-from-${i}`}
                label={t('rosterPlanning.from')}
                type="date"
                value={a.from}
                onValue={(from) => change({ from })}
              />
              <PlainInput
                id={`away-to-${i}`}
                label={t('rosterPlanning.to')}
                type="date"
                value={a.to}
                onValue={(to) => change({ to })}
              />
            </>
          )}
        </Rows>
        <Checkboxes
          legend={t('rosterPlanning.prefer')}
          options={[
            ['in_person', t('rosterPlanning.inRoom')],
            ['online', t('rosterPlanning.online')],
          ]}
          chosen={modes}
          onChosen={setModes}
        />
        <Field label={t('rosterPlanning.maxPerMonth')} name="maxPerMonth" error={save.error}>
          {(a) => (
            <input {...a} inputMode="numeric" value={max} onInput={(e) => setMax(e.currentTarget.value)} />
          )}
        </Field>
        <FormActions busy={save.busy} label={t('rosterPlanning.save')} saved={saved} />
        {saved && conflicts.length > 0 && (
          <div class="notice caution" role="status">
            <p>{t('rosterPlanning.conflicts', { count: conflicts.length })}</p>
            <ul>
              {conflicts.map((d) => (
                <li key={d.assignmentId}>
                  {tx(
                    'rosterPlanning.conflict',
                    { role: label('rosterRole', d.role), reason: d.reason },
                    () => (
                      <Stamp at={d.startAt} />
                    ),
                  )}
                </li>
              ))}
            </ul>
            <p>
              {tx('rosterPlanning.conflictsAfter', undefined, (c) => (
                <a href="/me/duties">{c}</a>
              ))}
            </p>
          </div>
        )}
      </Form>
    </section>
  );
}
