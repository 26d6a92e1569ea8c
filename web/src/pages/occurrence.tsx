/** A meetup's page: when and where, places, the member's RSVP, and the organisers' tools. @module */
import { useEffect, useState } from 'preact/hooks';
import { canSchedule, canSeeAttendees } from '../../../functions/core/meetups';
import type { GroupDetail } from '../../../functions/core/schemas/groups';
import type { OccurrenceView } from '../../../functions/core/schemas/meetups';
import { sessionsKeptFrom } from '../../../functions/core/threads';
import { ApiError, get, post, serverNow } from '../api';
import { Attendees, CheckIn } from '../components/attendees';
import { OrganiserTools } from '../components/organiser-tools';
import { QaSection } from '../components/qa';
import { Rsvp } from '../components/rsvp';
import { SessionFeedback } from '../components/session-feedback';
import { t, tx } from '../i18n';
import { label } from '../labels';
import { me, navigate } from '../state';
import { Back, Loading, useOutcome, usePage } from '../ui';
import { seatsLine, whenText } from '../when';

export function OccurrencePage({ occurrenceId }: { occurrenceId: string }) {
  const [o, setO] = useState<OccurrenceView | null | undefined>(undefined);
  const [group, setGroup] = useState<GroupDetail | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const load = async () => {
    try {
      const occ = await get<OccurrenceView>(`/occurrences/${occurrenceId}`);
      setO(occ);
      setFailed(null);
      setGroup(await get<GroupDetail>(`/groups/${occ.groupId}`));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setO(null);
      else setFailed((e as Error).message);
    }
  };
  useEffect(() => {
    void load();
  }, [occurrenceId, me.value?.userId]);
  /** What an organiser's action did, said where the keyboard then is (the button pressed is gone). */
  const { act, outcome } = useOutcome(load);
  const acted = (said: string) => act(async () => {}, said);
  const h = usePage(o ? o.title : t('occurrence.meetup'));
  if (o === undefined && failed)
    return (
      <>
        <h1 ref={h} tabIndex={-1}>
          {t('occurrence.meetup')}
        </h1>
        <p class="alert" role="alert">
          {failed}
        </p>
        <p>
          {tx('occurrence.keptOn', undefined, (c) => (
            <a href="/me/meetups">{c}</a>
          ))}
        </p>
      </>
    );
  if (o === undefined) return <Loading />;
  if (o === null) {
    return (
      <h1 ref={h} tabIndex={-1}>
        {t('occurrence.notFound')}
      </h1>
    );
  }
  const when = whenText(o);
  const role = group?.membership?.status === 'active' ? group.membership.role : null;
  const organiser = canSchedule(group?.membership);
  // On the server's clock, as the server will judge what is pressed.
  const now = serverNow();
  const started = Date.parse(o.startAt) <= now;
  const ended = Date.parse(o.endAt) <= now;
  return (
    <>
      <Back href={`/groups/${o.groupId}`}>{group?.name ?? t('occurrence.group')}</Back>
      <h1 ref={h} tabIndex={-1}>
        {o.title}
      </h1>
      {outcome}
      {o.status === 'cancelled' && (
        <p class="alert" role="status">
          {o.cancelReason
            ? t('occurrence.cancelledBecause', { reason: o.cancelReason })
            : t('occurrence.cancelled')}
        </p>
      )}
      {ended && o.status === 'scheduled' && <p class="notice">{t('occurrence.ended')}</p>}
      <p>
        <strong>{when.main}</strong>
        {when.yours && (
          <>
            <br />
            <span class="meta">{when.yours}</span>
          </>
        )}
      </p>
      {o.description && <p class="guidelines">{o.description}</p>}
      <SessionFeedback o={o} research={!!group?.researchShare} />
      <QaSection o={o} group={group} onDecided={load} />
      {role &&
        (group && sessionsKeptFrom(group, group.membership) && !o.rsvp ? (
          <p class="meta">{t('occurrence.discussionForRsvps')}</p>
        ) : (
          <p>
            <button type="button" class="secondary" onClick={() => openSession(o.occurrenceId)}>
              {t('occurrence.talk')}
            </button>
          </p>
        ))}
      {o.status === 'scheduled' && !ended && (
        <p>
          <a
            class="button secondary"
            href={`/api/occurrences/${o.occurrenceId}/event.ics`}
            download="hearth-meetup.ics"
          >
            {t('occurrence.addToCalendar')}
          </a>{' '}
          <a href="/me/calendar" class="meta">
            {t('occurrence.subscribe')}
          </a>
          <br />
          <span class="meta">{t('occurrence.calendarName')}</span>
        </p>
      )}
      <section aria-labelledby="where">
        <h2 id="where">{t('occurrence.where')}</h2>
        {o.venue && (
          <div class="card">
            <p>
              {o.venue.neighbourhood ? (
                tx(
                  'occurrence.venueIn',
                  { venue: o.venue.name, neighbourhood: o.venue.neighbourhood },
                  (c) => <strong>{c}</strong>,
                )
              ) : (
                <strong>{o.venue.name}</strong>
              )}
            </p>
            {/* Not shown: said the same before and after joining a waiting list, as a place shows it. */}
            <p dir="auto">{o.venue.address ?? <span class="meta">{t('occurrence.addressHidden')}</span>}</p>
            {o.venue.access.length > 0 && (
              <ul class="tags" aria-label={t('occurrence.access')}>
                {o.venue.access.map((a) => (
                  <li key={a}>{label('access', a)}</li>
                ))}
              </ul>
            )}
            {o.venue.accessNotes && <p dir="auto">{o.venue.accessNotes}</p>}
          </div>
        )}
        {o.online && (
          <div class="card">
            <p>
              <strong>{label('way', 'online')}</strong>{' '}
              {ended ? null : o.online.url ? (
                <a href={o.online.url} rel="noopener noreferrer" target="_blank">
                  {t('occurrence.joinRoom')}
                </a>
              ) : (
                <span class="meta">{t('occurrence.linkHidden')}</span>
              )}
            </p>
            {o.online.notes && !ended && <p dir="auto">{o.online.notes}</p>}
          </div>
        )}
      </section>
      <section aria-labelledby="places">
        <h2 id="places">{t('occurrence.places')}</h2>
        {o.status === 'cancelled' ? (
          <p>{t('occurrence.cancelledNoPlaces')}</p>
        ) : (
          <ul>
            {[
              seatsLine(o.seats.inPerson, label('way', 'in_person')),
              seatsLine(o.seats.online, label('way', 'online')),
            ]
              .filter(Boolean)
              .map((s) => (
                <li key={s}>{s}</li>
              ))}
          </ul>
        )}
        <Rsvp o={o} group={group} onChange={setO} />
      </section>
      {organiser && !(o.status === 'cancelled' && started) && (
        <OrganiserTools o={o} started={started} onChange={acted} />
      )}
      {organiser && started && o.status === 'scheduled' && group?.checkIn && <CheckIn o={o} />}
      {canSeeAttendees(group?.membership) && <Attendees o={o} />}
    </>
  );
}

/** Opens (or makes) the meetup's session thread and goes there. */
async function openSession(occurrenceId: string) {
  const thread = await post<{ threadId: string }>('/threads/sessions', { occurrenceId });
  navigate(`/threads/${thread.threadId}`);
}
