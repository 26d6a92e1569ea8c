/** A member's RSVP to a meetup: going, which way, the waiting list, giving up a place. @module */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { GroupDetail } from '../../../functions/core/schemas/groups';
import type { OccurrenceView } from '../../../functions/core/schemas/meetups';
import { ApiError, api, get, serverNow } from '../api';
import { t, tx } from '../i18n';
import { location, me } from '../state';
import { ErrorSummary } from '../ui';
import { formatIn, rsvpText, zoneText } from '../when';

/** Whether anyone waits in the member's own line (their place would go to them). */
function someoneWaits(o: OccurrenceView): boolean {
  const s = o.rsvp?.attendance === 'online' ? o.seats.online : o.seats.inPerson;
  return !!s && s.waitlisted > 0;
}

export function Rsvp({
  o,
  group,
  onChange,
}: {
  o: OccurrenceView;
  group: GroupDetail | null;
  onChange: (o: OccurrenceView) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  /** Where the keyboard goes after an answer: the button pressed is gone, so to what it did. */
  const answered = useRef<HTMLElement>(null);
  const [moved, setMoved] = useState(0);
  useEffect(() => {
    if (moved) answered.current?.focus();
  }, [moved]);
  /** Giving up a place is asked first: it goes to the next in line, and may not come back. */
  const [leaving, setLeaving] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  const withdraw = useRef<HTMLButtonElement>(null);
  const kept = useRef(false);
  useEffect(() => {
    if (leaving) confirm.current?.focus();
    else if (kept.current) withdraw.current?.focus();
    kept.current = false;
  }, [leaving]);
  /** Going in a mode, switching to it, or (no mode) withdrawing. */
  async function change(attendance?: 'in_person' | 'online') {
    setBusy(true);
    setError(null);
    try {
      const res = attendance
        ? await api<{ occurrence: OccurrenceView }>('PUT', `/occurrences/${o.occurrenceId}/rsvp`, {
            attendance,
          })
        : await api<{ occurrence: OccurrenceView }>('DELETE', `/occurrences/${o.occurrenceId}/rsvp`);
      onChange(res.occurrence);
      setLeaving(false);
      setMoved((n) => n + 1);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'unknown', (e as Error).message));
    } finally {
      setBusy(false);
    }
  }
  if (o.status === 'cancelled') return null;
  if (!me.value) {
    const next = encodeURIComponent(location.value.pathname);
    return (
      <p>
        {tx('rsvp.signInFirst', undefined, (c) => (
          <a href={`/signin?next=${next}`}>{c}</a>
        ))}
      </p>
    );
  }
  if (group && group.membership?.status !== 'active') {
    return (
      <p>
        {tx('rsvp.joinFirst', undefined, (c) => (
          <a href={`/groups/${o.groupId}`}>{c}</a>
        ))}
      </p>
    );
  }
  const modes = o.mode === 'hybrid' ? (['in_person', 'online'] as const) : ([o.mode] as const);
  // Every place taken: the button says a click joins the waiting list, before it is clicked.
  const seats = (m: 'in_person' | 'online') => (m === 'online' ? o.seats.online : o.seats.inPerson);
  const full = (m: 'in_person' | 'online') => {
    const s = seats(m);
    return !!s && s.going >= s.capacity;
  };
  // Where they would stand in the line, said before they join it.
  const answer = (m: 'in_person' | 'online') => {
    const said = { mode: m, position: (seats(m)?.waitlisted ?? 0) + 1 };
    return o.rsvp
      ? full(m)
        ? t('rsvp.switchToWaitingList', said)
        : t('rsvp.switchTo', said)
      : full(m)
        ? t('rsvp.joinWaitingList', said)
        : t('rsvp.going', said);
  };
  // The server decides; this only keeps buttons away that it would refuse.
  const now = serverNow();
  const zone = zoneText(o.timezone);
  // The server's clock is known to the second (its Date header): a window that opens "now" is open.
  const opened = now + 1000 >= Date.parse(o.rsvpOpensAt);
  const open = opened && now < Date.parse(o.rsvpClosesAt);
  const started = now >= Date.parse(o.startAt);
  // Over: what the member had is said in the past, and nothing is left to press.
  if (now >= Date.parse(o.endAt))
    return o.rsvp ? (
      <p>
        {o.rsvp.status === 'waitlisted'
          ? t('rsvp.wasWaiting')
          : o.rsvp.attendance === 'online'
            ? t('rsvp.hadPlaceOnline')
            : t('rsvp.hadPlaceInPerson')}
      </p>
    ) : null;
  return (
    <section ref={answered} tabIndex={-1} aria-label={t('rsvp.yours')}>
      {rsvpText(o) && (
        <p class="notice" role="status">
          {o.rsvp?.status === 'waitlisted'
            ? t('rsvp.statusWaiting', { status: rsvpText(o) })
            : t('rsvp.status', { status: rsvpText(o) })}
        </p>
      )}
      <ErrorSummary error={error} />
      <div class="actions">
        {open &&
          modes
            .filter((m) => o.rsvp?.attendance !== m)
            .map((m) => (
              <button type="button" key={m} disabled={busy} onClick={() => change(m)}>
                {answer(m)}
              </button>
            ))}
        {o.rsvp && !started && !leaving && (
          <button
            type="button"
            class="secondary"
            ref={withdraw}
            disabled={busy}
            onClick={() => {
              setLeaving(true);
              // Whether anyone waits now, not when the page was opened: the question depends on it.
              void get<OccurrenceView>(`/occurrences/${o.occurrenceId}`).then(onChange, () => {});
            }}
          >
            {o.rsvp.status === 'going' ? t('rsvp.cantGo') : t('rsvp.leaveWaitingList')}
          </button>
        )}
      </div>
      {o.rsvp && !started && leaving && (
        <div class="card">
          <p id="leaving-q">
            {o.rsvp.status === 'going'
              ? someoneWaits(o)
                ? t('rsvp.giveUpSomeoneWaits')
                : t('rsvp.giveUp')
              : t('rsvp.leaveQuestion')}
          </p>
          <div class="actions">
            <button
              type="button"
              ref={confirm}
              aria-describedby="leaving-q"
              aria-disabled={busy}
              onClick={() => !busy && change()}
            >
              {o.rsvp.status === 'going' ? t('rsvp.yesGiveUp') : t('rsvp.yesLeave')}
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                kept.current = true;
                setLeaving(false);
              }}
            >
              {o.rsvp.status === 'going' ? t('rsvp.keepPlace') : t('rsvp.stayOnList')}
            </button>
          </div>
        </div>
      )}
      <p class="meta">
        {!opened
          ? t('rsvp.opensAt', { when: formatIn(o.rsvpOpensAt, o.timezone), zone })
          : open
            ? t('rsvp.closesAt', { when: formatIn(o.rsvpClosesAt, o.timezone), zone })
            : started
              ? t('rsvp.started')
              : t('rsvp.closed')}
      </p>
    </section>
  );
}
