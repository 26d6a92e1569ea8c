/** What organisers do to a meetup: change it, cancel or put it back on, record who came. @module */
import { useState } from 'preact/hooks';
import type { OccurrenceView } from '../../../functions/core/schemas/meetups';
import { post } from '../api';
import { RestoreMeetup } from '../components/restore-meetup';
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
    await onChange('Cancelled. Everyone with an RSVP or a duty is told.');
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
    setRecorded('Headcount saved.');
  });
  return (
    <section aria-labelledby="organise">
      <h2 id="organise">Organise</h2>
      {o.status === 'cancelled' && <RestoreMeetup o={o} onDone={onChange} />}
      {o.status === 'scheduled' && !started && (
        <div class="actions">
          <a class="button secondary" href={`/occurrences/${o.occurrenceId}/edit`}>
            Change this meetup
          </a>
          <a class="button secondary" href={`/meetups/${o.meetupId}/edit`}>
            {o.recurring ? 'Change the whole series' : 'Repeat this meetup'}
          </a>
          {!cancelling && (
            <button type="button" class="secondary" onClick={() => setCancelling(true)}>
              Cancel this meetup
            </button>
          )}
        </div>
      )}
      {cancelling && (
        <Form submit={cancel.submit} error={cancel.error}>
          <TextArea
            label="Why is it cancelled?"
            name="reason"
            hint="Everyone with an RSVP is told."
            error={cancel.error}
            value={reason}
            onValue={setReason}
            max={500}
          />
          <FormActions
            busy={cancel.busy}
            label="Cancel the meetup"
            look="danger"
            cancel={{ label: 'Keep it', onClick: () => setCancelling(false) }}
          />
        </Form>
      )}
      {started && o.status === 'scheduled' && (
        <Form class="inline" submit={attendance.submit} error={attendance.error}>
          {o.seats.inPerson && (
            <Field label="People in the room" name="headcount.inPerson" error={attendance.error}>
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
            <Field label="People online" name="headcount.online" error={attendance.error}>
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
            Save headcount
          </button>
          {recorded && <p role="status">{recorded}</p>}
        </Form>
      )}
    </section>
  );
}
