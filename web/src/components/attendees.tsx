/** Who is coming to a meetup (for organisers and moderators), and checking them in. @module */
import { useEffect, useState } from 'preact/hooks';
import type { OccurrenceView } from '../../../functions/core/schemas/meetups';
import { get, post, serverNow } from '../api';
import { t } from '../i18n';
import { useSubmit } from '../ui';
import { Checkboxes, Form } from './forms';

type Attendee = {
  userId: string;
  displayName: string;
  status: 'going' | 'waitlisted';
  attendance: string;
  position?: number;
};

export function Attendees({ o }: { o: OccurrenceView }) {
  const [list, setList] = useState<Attendee[] | null>(null);
  useEffect(() => {
    void get<{ items: Attendee[] }>(`/occurrences/${o.occurrenceId}/attendees`).then((r) => setList(r.items));
  }, [
    o.occurrenceId,
    o.status,
    o.seats.inPerson?.going,
    o.seats.online?.going,
    o.seats.inPerson?.waitlisted,
    o.seats.online?.waitlisted,
  ]);
  if (!list) return null;
  return (
    <section aria-labelledby="attendees">
      <h2 id="attendees">
        {o.status === 'cancelled'
          ? t('attendees.headingCancelled', { count: list.length })
          : Date.parse(o.endAt) <= serverNow()
            ? t('attendees.headingEnded', { count: list.filter((a) => a.status === 'going').length })
            : t('attendees.heading', { count: list.filter((a) => a.status === 'going').length })}
      </h2>
      {list.length === 0 ? (
        <p>{t('attendees.none')}</p>
      ) : (
        <ul>
          {list.map((a) => (
            <li key={a.userId}>
              {a.displayName}{' '}
              <span class="meta">
                {t('attendees.status', { status: a.status, position: a.position, mode: a.attendance })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function CheckIn({ o }: { o: OccurrenceView }) {
  const [going, setGoing] = useState<Attendee[] | null>(null);
  const [came, setCame] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    void get<{ items: Attendee[] }>(`/occurrences/${o.occurrenceId}/attendees`).then((r) =>
      setGoing(r.items.filter((a) => a.status === 'going')),
    );
  }, [o.occurrenceId]);
  const { busy, error, submit } = useSubmit(async () => {
    const res = await post<{ checkedIn: number }>(`/occurrences/${o.occurrenceId}/attendance`, {
      checkedIn: came,
    });
    setSaved(t('attendees.checkedIn', { count: res.checkedIn }));
  });
  if (!going) return null;
  return (
    <section aria-labelledby="checkin">
      <h2 id="checkin">{t('attendees.checkIn')}</h2>
      <Form submit={submit} error={error}>
        <Checkboxes
          legend={t('attendees.whoCame')}
          options={going.map((a) => [a.userId, a.displayName] as const)}
          chosen={came}
          onChosen={setCame}
        />
        <button type="submit" disabled={busy}>
          {t('attendees.save')}
        </button>
        {saved && <p role="status">{saved}</p>}
      </Form>
    </section>
  );
}
