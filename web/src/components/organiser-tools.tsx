/** What organisers do to a meetup: change it, cancel or put it back on, record who came. @module */
import { useState } from 'preact/hooks';
import type { OccurrenceView } from '../../../functions/core/schemas/meetups';
import { post } from '../api';
import { RestoreMeetup } from '../components/restore-meetup';
import { t } from '../i18n';
import { asNumber, Field, useSubmit } from '../ui';
import { Form, FormActions, TextArea } from './forms';

export function OrganiserTools({
  o,
  started,
  onChange,
}: {
  o: OccurrenceView;
  started: boolean;
  onChange: (news: string) => Promise<void>;
}) {
  const [reason, setReason] = useState('');
  const [cancelling, setCancelling] = useState(false);
  const cancel = useSubmit(async () => {
    await post(`/occurrences/${o.occurrenceId}/cancel`, { reason });
    setCancelling(false);
    await onChange(t('organiserTools.cancelled'));
  });
  const [inPerson, setInPerson] = useState('');
  const [online, setOnline] = useState('');
  const [recorded, setRecorded] = useState<string | null>(null);
  const attendance = useSubmit(async () => {
    const headcount = {
      ...(inPerson ? { inPerson: asNumber(inPerson) } : {}),
      ...(online ? { online: asNumber(online) } : {}),
    };
    await post(`/occurrences/${o.occurrenceId}/attendance`, { headcount });
    setRecorded(t('organiserTools.headcountSaved'));
  });
  return (
    <section aria-labelledby="organise">
      <h2 id="organise">{t('organiserTools.heading')}</h2>
      {o.status === 'cancelled' && <RestoreMeetup o={o} onDone={onChange} />}
      {o.status === 'scheduled' && !started && (
        <div class="actions">
          <a class="button secondary" href={`/occurrences/${o.occurrenceId}/edit`}>
            {t('organiserTools.change')}
          </a>
          <a class="button secondary" href={`/meetups/${o.meetupId}/edit`}>
            {o.recurring ? t('organiserTools.changeSeries') : t('organiserTools.repeat')}
          </a>
          {!cancelling && (
            <button type="button" class="secondary" onClick={() => setCancelling(true)}>
              {t('organiserTools.cancelThis')}
            </button>
          )}
        </div>
      )}
      {cancelling && (
        <Form submit={cancel.submit} error={cancel.error}>
          <TextArea
            label={t('organiserTools.why')}
            name="reason"
            hint={t('organiserTools.whyHint')}
            error={cancel.error}
            value={reason}
            onValue={setReason}
            max={500}
          />
          <FormActions
            busy={cancel.busy}
            label={t('organiserTools.cancelMeetup')}
            look="danger"
            cancel={{ label: t('organiserTools.keepIt'), onClick: () => setCancelling(false) }}
          />
        </Form>
      )}
      {started && o.status === 'scheduled' && (
        <Form class="inline" submit={attendance.submit} error={attendance.error}>
          {o.seats.inPerson && (
            <Field
              label={t('organiserTools.peopleInRoom')}
              name="headcount.inPerson"
              error={attendance.error}
            >
              {(a) => (
                <input
                  {...a}
                  inputMode="numeric"
                  value={inPerson}
                  onInput={(e) => setInPerson(e.currentTarget.value)}
                />
              )}
            </Field>
          )}
          {o.seats.online && (
            <Field label={t('organiserTools.peopleOnline')} name="headcount.online" error={attendance.error}>
              {(a) => (
                <input
                  {...a}
                  inputMode="numeric"
                  value={online}
                  onInput={(e) => setOnline(e.currentTarget.value)}
                />
              )}
            </Field>
          )}
          <button type="submit" disabled={attendance.busy}>
            {t('organiserTools.saveHeadcount')}
          </button>
          {recorded && <p role="status">{recorded}</p>}
        </Form>
      )}
    </section>
  );
}
