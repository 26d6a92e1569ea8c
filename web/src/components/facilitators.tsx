/** A group's facilitators: training, limits and availability, as owners keep them. @module */
import { useState } from 'preact/hooks';
import type { FacilitatorView as Facilitator } from '../../../functions/core/schemas/roster';
import { api } from '../api';
import { asNumber, ErrorSummary, Field, useSubmit } from '../ui';
import { FormActions } from './forms';

export const DAY_NAMES = {
  MO: 'Mon',
  TU: 'Tue',
  WE: 'Wed',
  TH: 'Thu',
  FR: 'Fri',
  SA: 'Sat',
  SU: 'Sun',
} as const;

/** Owners record training, who is active, and the most duties each wants a month. */
export function Facilitators({
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
        <FormActions busy={save.busy} label={`Save ${p.displayName}`} look="secondary" saved={saved} />
      </form>
    </li>
  );
}
