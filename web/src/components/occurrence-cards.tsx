/** Meetups as cards: one meetup, and a group's upcoming ones. @module */
import { useEffect, useState } from 'preact/hooks';
import type { OccurrenceView } from '../../../functions/core/schemas/meetups';
import { get } from '../api';
import { t, tx } from '../i18n';
import { label } from '../labels';
import { landed } from '../landed';
import { upcomingOf } from '../landing';
import { Loading } from '../ui';
import { rsvpText, seatsLine, whenText } from '../when';

export type Page = { items: OccurrenceView[]; nextCursor: string | null };

/**
 * One meetup as a card. `withPlace`: also where it is, the address and the link, where the viewer
 * has them (the API sends them only to those with a place), so the card alone gets them there,
 * offline too.
 */
export function OccurrenceCard({ o, withPlace }: { o: OccurrenceView; withPlace?: boolean }) {
  const when = whenText(o);
  return (
    <li class={`card${o.status === 'cancelled' ? ' cancelled' : ''}`}>
      <h3>
        <a href={`/occurrences/${o.occurrenceId}`}>{o.title}</a>
      </h3>
      <p>
        <strong>{when.main}</strong>
        {when.yours && <span class="meta"> · {when.yours}</span>}
      </p>
      {o.status === 'cancelled' ? (
        <p class="error">
          {o.cancelReason
            ? t('occurrenceCards.cancelledBecause', { reason: o.cancelReason })
            : t('occurrenceCards.cancelled')}
        </p>
      ) : (
        <p class="meta">
          {t('occurrenceCards.mode', { mode: o.mode })}
          {o.venue?.neighbourhood ? ` · ${o.venue.neighbourhood}` : ''}
          {[
            seatsLine(o.seats.inPerson, label('way', 'in_person')),
            seatsLine(o.seats.online, label('way', 'online')),
          ]
            .filter(Boolean)
            .map((s) => ` · ${s}`)}
        </p>
      )}
      {withPlace && o.status !== 'cancelled' && o.venue?.address && (
        <p>{t('occurrenceCards.venueAt', { venue: o.venue.name, address: o.venue.address })}</p>
      )}
      {withPlace && o.status !== 'cancelled' && o.online?.url && (
        <p>
          {tx('occurrenceCards.onlineAt', undefined, () => (
            <a href={o.online!.url!}>{o.online!.url}</a>
          ))}
        </p>
      )}
      {rsvpText(o) && <p class="notice small">{rsvpText(o)}</p>}
    </li>
  );
}

/** The next meetups of a group, with a link to the month view. */
export function UpcomingMeetups({ groupId, canSchedule }: { groupId: string; canSchedule: boolean }) {
  const [page, setPage] = useState<Page | null>(() => landed<Page>(upcomingOf(groupId)) ?? null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    get<Page>(upcomingOf(groupId))
      .then(setPage)
      .catch(() => setFailed(true));
  }, [groupId]);
  return (
    <section aria-labelledby="upcoming">
      <h2 id="upcoming">{t('occurrenceCards.upcoming')}</h2>
      {canSchedule && (
        <p>
          <a class="button secondary" href={`/groups/${groupId}/meetups/new`}>
            {t('occurrenceCards.schedule')}
          </a>
        </p>
      )}
      {failed && <p class="error">{t('occurrenceCards.loadFailed')}</p>}
      {!page && !failed && <Loading />}
      {page && page.items.length === 0 && <p>{t('occurrenceCards.none')}</p>}
      {page && page.items.length > 0 && (
        <ul class="cards" aria-label={t('occurrenceCards.upcoming')}>
          {page.items.map((o) => (
            <OccurrenceCard key={o.occurrenceId} o={o} />
          ))}
        </ul>
      )}
      <p>
        <a href={`/groups/${groupId}/schedule`}>{t('occurrenceCards.monthView')}</a>
      </p>
    </section>
  );
}
