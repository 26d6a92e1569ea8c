/** A group's facilitators: training, limits and availability, as owners keep them. @module */
import { useState } from 'preact/hooks';
import { WEEKDAYS } from '../../../functions/core/recurrence';
import type { FacilitatorView as Facilitator } from '../../../functions/core/schemas/roster';
import { api } from '../api';
import { listed, t, tx } from '../i18n';
import { weekdayName } from '../labels';
import { asNumber, ErrorSummary, Field, useSubmit } from '../ui';
import { FormActions } from './forms';

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
      <h2 id="facilitators">{t('facilitators.heading')}</h2>
      {people.length === 0 ? (
        <p>
          {tx('facilitators.none', undefined, (c) => (
            <a href={`/groups/${groupId}/members`}>{c}</a>
          ))}
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
      <form
        onSubmit={save.submit}
        noValidate
        aria-label={t('facilitators.formLabel', { name: p.displayName })}
      >
        <h3>{p.displayName}</h3>
        <ErrorSummary error={save.error} />
        <p class="meta">
          {p.trainedOn
            ? p.trainedBy
              ? t('facilitators.trainedBy', { name: p.trainedBy })
              : t('facilitators.trained')
            : t('facilitators.notTrained')}{' '}
          {p.weekly.length
            ? t('facilitators.available', {
                times: listed(
                  p.weekly.map((w) =>
                    t('facilitators.slot', {
                      day: weekdayName(WEEKDAYS.indexOf(w.day), 'short'),
                      from: w.from,
                      to: w.to,
                    }),
                  ),
                ),
              })
            : t('facilitators.anyTime')}
          {p.away.length
            ? ` ${t('facilitators.away', { dates: listed(p.away.map((a) => t('facilitators.awayDates', a))) })}`
            : ''}
        </p>
        <div class="row">
          <div class="field">
            <label for={`trained-${p.userId}`}>{t('facilitators.trainedOn')}</label>
            <input
              id={`trained-${p.userId}`}
              type="date"
              value={trainedOn}
              onInput={(e) => setTrainedOn(e.currentTarget.value)}
            />
          </div>
          <Field label={t('facilitators.maxPerMonth')} name="maxPerMonth" error={save.error}>
            {(a) => (
              <input {...a} inputMode="numeric" value={max} onInput={(e) => setMax(e.currentTarget.value)} />
            )}
          </Field>
        </div>
        <label class="check">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
          {t('facilitators.active')}
        </label>
        <FormActions
          busy={save.busy}
          label={t('facilitators.save', { name: p.displayName })}
          look="secondary"
          saved={saved}
        />
      </form>
    </li>
  );
}
