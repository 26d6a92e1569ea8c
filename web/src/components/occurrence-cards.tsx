/** Meetups as cards: one meetup, and a group's upcoming ones. @module */
import { useEffect, useState } from 'preact/hooks';
import type { OccurrenceView } from '../../../functions/core/schemas/meetups';
import { get } from '../api';
import { Loading } from '../ui';
import { rsvpText, seatsLine, whenText } from '../when';

export type Page = { items: OccurrenceView[]; nextCursor: string | null };

const MODE_NAMES = { in_person: 'In person', online: 'Online', hybrid: 'In person and online' } as const;

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
        <p class="error">Cancelled{o.cancelReason ? `: ${o.cancelReason}` : ''}</p>
      ) : (
        <p class="meta">
          {MODE_NAMES[o.mode]}
          {o.venue?.neighbourhood ? ` · ${o.venue.neighbourhood}` : ''}
          {[seatsLine(o.seats.inPerson, 'In person'), seatsLine(o.seats.online, 'Online')]
            .filter(Boolean)
            .map((s) => ` · ${s}`)}
        </p>
      )}
      {withPlace && o.status !== 'cancelled' && o.venue?.address && (
        <p>
          {o.venue.name}, {o.venue.address}
        </p>
      )}
      {withPlace && o.status !== 'cancelled' && o.online?.url && (
        <p>
          Online: <a href={o.online.url}>{o.online.url}</a>
        </p>
      )}
      {rsvpText(o) && <p class="notice small">{rsvpText(o)}</p>}
    </li>
  );
}

/** The next meetups of a group, with a link to the month view. */
export function UpcomingMeetups({ groupId, canSchedule }: { groupId: string; canSchedule: boolean }) {
  const [page, setPage] = useState<Page | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    get<Page>(`/groups/${groupId}/occurrences?limit=6`)
      .then(setPage)
      .catch(() => setFailed(true));
  }, [groupId]);
  return (
    <section aria-labelledby="upcoming">
      <h2 id="upcoming">Upcoming meetups</h2>
      {canSchedule && (
        <p>
          <a class="button secondary" href={`/groups/${groupId}/meetups/new`}>
            Schedule a meetup
          </a>
        </p>
      )}
      {failed && <p class="error">The schedule could not be loaded.</p>}
      {!page && !failed && <Loading />}
      {page && page.items.length === 0 && <p>No meetups are scheduled yet.</p>}
      {page && page.items.length > 0 && (
        <ul class="cards" aria-label="Upcoming meetups">
          {page.items.map((o) => (
            <OccurrenceCard key={o.occurrenceId} o={o} />
          ))}
        </ul>
      )}
      <p>
        <a href={`/groups/${groupId}/schedule`}>Month view</a>
      </p>
    </section>
  );
}
