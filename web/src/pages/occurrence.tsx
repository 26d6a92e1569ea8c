import { useEffect, useRef, useState } from 'preact/hooks';
import { ACCESS_FEATURES } from '../../../functions/core/meetups';
import type { GroupDetail } from '../../../functions/core/schemas/groups';
import type { OccurrenceView } from '../../../functions/core/schemas/meetups';
import { ApiError, api, get, post, serverNow } from '../api';
import { RestoreMeetup } from '../components/restore-meetup';
import { location, me, navigate } from '../state';
import { asNumber, ErrorSummary, Field, Loading, TooLong, useOutcome, usePage, useSubmit } from '../ui';
import { formatIn, seatsLine, whenText } from '../when';
import { rsvpText } from './schedule';

type Attendee = {
  userId: string;
  displayName: string;
  status: 'going' | 'waitlisted';
  attendance: string;
  position?: number;
};

export function OccurrencePage({ occurrenceId }: { occurrenceId: string }) {
  const [o, setO] = useState<OccurrenceView | null | undefined>(undefined);
  const [group, setGroup] = useState<GroupDetail | null>(null);
  const load = async () => {
    try {
      const occ = await get<OccurrenceView>(`/occurrences/${occurrenceId}`);
      setO(occ);
      setGroup(await get<GroupDetail>(`/groups/${occ.groupId}`));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setO(null);
      else throw e;
    }
  };
  useEffect(() => {
    void load();
  }, [occurrenceId, me.value?.userId]);
  /** What an organiser's action did, said where the keyboard then is (the button pressed is gone). */
  const { act, outcome } = useOutcome(load);
  const acted = (said: string) => act(async () => {}, said);
  const h = usePage(o ? o.title : 'Meetup');
  if (o === undefined) return <Loading />;
  if (o === null) {
    return (
      <h1 ref={h} tabIndex={-1}>
        Meetup not found
      </h1>
    );
  }
  const when = whenText(o);
  const role = group?.membership?.status === 'active' ? group.membership.role : null;
  const organiser = role === 'owner' || role === 'facilitator';
  const started = Date.parse(o.startAt) <= Date.now();
  // Where the address and link are not shown: what would show them.
  // Said the same before and after joining a waiting list: it is a place that shows it.
  const hidden = 'once you have a place';
  return (
    <>
      <p>
        <a href={`/groups/${o.groupId}`}>← {group?.name ?? 'Group'}</a>
      </p>
      <h1 ref={h} tabIndex={-1}>
        {o.title}
      </h1>
      {outcome}
      {o.status === 'cancelled' && (
        <p class="alert" role="status">
          This meetup is cancelled{o.cancelReason ? `: ${o.cancelReason}` : '.'}
        </p>
      )}
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
      {role &&
        (group?.sessionThreadsGoingOnly && !o.rsvp && !organiser && role !== 'moderator' ? (
          <p class="meta">This meetup’s discussion is for the people who RSVP’d to it.</p>
        ) : (
          <p>
            <button type="button" class="secondary" onClick={() => openSession(o.occurrenceId)}>
              Talk about this session
            </button>
          </p>
        ))}
      {o.status === 'scheduled' && (
        <p>
          <a
            class="button secondary"
            href={`/api/occurrences/${o.occurrenceId}/event.ics`}
            download="hearth-meetup.ics"
          >
            Add to calendar
          </a>{' '}
          <a href="/me/calendar" class="meta">
            or subscribe to all your meetups
          </a>
          <br />
          <span class="meta">
            Your calendar calls it “Hearth session” unless you choose full details in your calendar settings.
          </span>
        </p>
      )}
      <section aria-labelledby="where">
        <h2 id="where">Where</h2>
        {o.venue && (
          <div class="card">
            <p>
              <strong>{o.venue.name}</strong>
              {o.venue.neighbourhood ? `, ${o.venue.neighbourhood}` : ''}
            </p>
            <p>{o.venue.address ?? <span class="meta">The address is shown {hidden}.</span>}</p>
            {o.venue.access.length > 0 && (
              <ul class="tags" aria-label="Access">
                {o.venue.access.map((a) => (
                  <li key={a}>{ACCESS_FEATURES[a]}</li>
                ))}
              </ul>
            )}
            {o.venue.accessNotes && <p>{o.venue.accessNotes}</p>}
          </div>
        )}
        {o.online && (
          <div class="card">
            <p>
              <strong>Online</strong>{' '}
              {o.online.url ? (
                <a href={o.online.url} rel="noopener noreferrer" target="_blank">
                  Join the online room
                </a>
              ) : (
                <span class="meta">The link is shown {hidden}.</span>
              )}
            </p>
            {o.online.notes && <p>{o.online.notes}</p>}
          </div>
        )}
      </section>
      <section aria-labelledby="places">
        <h2 id="places">Places</h2>
        {o.status === 'cancelled' ? (
          <p>It is cancelled: no places are held.</p>
        ) : (
          <ul>
            {[seatsLine(o.seats.inPerson, 'In person'), seatsLine(o.seats.online, 'Online')]
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
      {(organiser || role === 'moderator') && <Attendees o={o} />}
    </>
  );
}

/** Whether anyone waits in the member's own line (their place would go to them). */
function someoneWaits(o: OccurrenceView): boolean {
  const s = o.rsvp?.attendance === 'online' ? o.seats.online : o.seats.inPerson;
  return !!s && s.waitlisted > 0;
}

/** Opens (or makes) the meetup's session thread and goes there. */
async function openSession(occurrenceId: string) {
  const thread = await post<{ threadId: string }>('/threads/sessions', { occurrenceId });
  navigate(`/threads/${thread.threadId}`);
}

function Rsvp({
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
        <a href={`/signin?next=${next}`}>Sign in</a> to RSVP.
      </p>
    );
  }
  if (group && group.membership?.status !== 'active') {
    return (
      <p>
        <a href={`/groups/${o.groupId}`}>Join the group</a> to RSVP.
      </p>
    );
  }
  const modes = o.mode === 'hybrid' ? (['in_person', 'online'] as const) : ([o.mode] as const);
  const label = (m: string) => (m === 'online' ? 'online' : 'in person');
  // Every place taken: the button says a click joins the waiting list, before it is clicked.
  const seats = (m: 'in_person' | 'online') => (m === 'online' ? o.seats.online : o.seats.inPerson);
  const full = (m: 'in_person' | 'online') => {
    const s = seats(m);
    return !!s && s.going >= s.capacity;
  };
  // Where they would stand in the line, said before they join it.
  const place = (m: 'in_person' | 'online') => `: you would be number ${(seats(m)?.waitlisted ?? 0) + 1}`;
  const answer = (m: 'in_person' | 'online') =>
    o.rsvp
      ? full(m)
        ? `Switch to the ${label(m)} waiting list${place(m)}`
        : `Switch to ${label(m)}`
      : full(m)
        ? `Join the waiting list (${label(m)})${place(m)}`
        : `Going ${label(m)}`;
  // The server decides; this only keeps buttons away that it would refuse.
  const now = serverNow();
  const zone = `(${o.timezone.replace(/_/g, ' ')})`;
  const opened = now >= Date.parse(o.rsvpOpensAt);
  const open = opened && now < Date.parse(o.rsvpClosesAt);
  const started = now >= Date.parse(o.startAt);
  return (
    <section ref={answered} tabIndex={-1} aria-label="Your RSVP">
      {rsvpText(o) && (
        <p class="notice" role="status">
          {rsvpText(o)}
          {o.rsvp?.status === 'waitlisted' ? '. You will get a place automatically if one opens.' : '.'}
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
            {o.rsvp.status === 'going' ? 'I can’t go any more' : 'Leave the waiting list'}
          </button>
        )}
      </div>
      {o.rsvp && !started && leaving && (
        <div class="card">
          <p id="leaving-q">
            {o.rsvp.status === 'going'
              ? someoneWaits(o)
                ? 'Give up your place? It goes to the next person waiting, so you may not get it back.'
                : 'Give up your place? You can RSVP again while places are free.'
              : 'Leave the waiting list? If you join again, you go to the end of it.'}
          </p>
          <div class="actions">
            <button
              type="button"
              ref={confirm}
              aria-describedby="leaving-q"
              aria-disabled={busy}
              onClick={() => !busy && change()}
            >
              {o.rsvp.status === 'going' ? 'Yes, give up my place' : 'Yes, leave the list'}
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                kept.current = true;
                setLeaving(false);
              }}
            >
              {o.rsvp.status === 'going' ? 'Keep my place' : 'Stay on the list'}
            </button>
          </div>
        </div>
      )}
      <p class="meta">
        {!opened
          ? `RSVPs open ${formatIn(o.rsvpOpensAt, o.timezone)} ${zone}.`
          : open
            ? `RSVPs close ${formatIn(o.rsvpClosesAt, o.timezone)} ${zone}.`
            : started
              ? 'This meetup has started.'
              : 'RSVPs have closed.'}
      </p>
    </section>
  );
}

function OrganiserTools({
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
        <form onSubmit={cancel.submit} noValidate>
          <ErrorSummary error={cancel.error} />
          <Field
            label="Why is it cancelled?"
            name="reason"
            hint="Everyone with an RSVP is told."
            error={cancel.error}
          >
            {(a) => (
              <>
                <textarea {...a} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
                <TooLong value={reason} max={500} />
              </>
            )}
          </Field>
          <div class="actions">
            <button type="submit" class="danger" disabled={cancel.busy}>
              Cancel the meetup
            </button>
            <button type="button" class="secondary" onClick={() => setCancelling(false)}>
              Keep it
            </button>
          </div>
        </form>
      )}
      {started && o.status === 'scheduled' && (
        <form class="inline" onSubmit={attendance.submit} noValidate>
          <ErrorSummary error={attendance.error} />
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
        </form>
      )}
    </section>
  );
}

function Attendees({ o }: { o: OccurrenceView }) {
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
          ? `Who had answered (${list.length}), all told it is cancelled`
          : `Who is coming (${list.filter((a) => a.status === 'going').length})`}
      </h2>
      {list.length === 0 ? (
        <p>No one yet.</p>
      ) : (
        <ul>
          {list.map((a) => (
            <li key={a.userId}>
              {a.displayName}{' '}
              <span class="meta">
                {a.status === 'going' ? 'going' : `waiting (${a.position})`},{' '}
                {a.attendance === 'online' ? 'online' : 'in person'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CheckIn({ o }: { o: OccurrenceView }) {
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
    setSaved(`${res.checkedIn} checked in.`);
  });
  if (!going) return null;
  return (
    <section aria-labelledby="checkin">
      <h2 id="checkin">Check people in</h2>
      <form onSubmit={submit} noValidate>
        <ErrorSummary error={error} />
        <fieldset>
          <legend>Who came</legend>
          {going.map((a) => (
            <label key={a.userId}>
              <input
                type="checkbox"
                checked={came.includes(a.userId)}
                onChange={(e) =>
                  setCame(e.currentTarget.checked ? [...came, a.userId] : came.filter((u) => u !== a.userId))
                }
              />
              {a.displayName}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={busy}>
          Save check-ins
        </button>
        {saved && <p role="status">{saved}</p>}
      </form>
    </section>
  );
}
