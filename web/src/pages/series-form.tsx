/** A series: its change for every upcoming meetup, its new dates, and cancelling it. @module */
import { useEffect, useState } from 'preact/hooks';
import type { Staffing } from '../../../functions/core/roster';
import type { GroupDetail } from '../../../functions/core/schemas/groups';
import type { MeetupView } from '../../../functions/core/schemas/meetups';
import { parseLocal } from '../../../functions/core/time';
import { api, get, post } from '../api';
import { Form, FormActions, PlainInput } from '../components/forms';
import { MeetupTitleField } from '../components/meetup-title';
import { type Repeat, RepeatSection, repeatOf, ruleFor, sendRepeating } from '../components/repeat';
import { type RsvpWindow, RsvpWindowFields } from '../components/rsvp-window';
import { StaffingFields } from '../components/staffing-fields';
import { navigate } from '../state';
import { asNumber, Field, Loading, TextField, usePage, useSubmit } from '../ui';

export function EditSeriesPage({ meetupId }: { meetupId: string }) {
  const h = usePage('Change the series');
  const [m, setM] = useState<MeetupView | null>(null);
  const [title, setTitle] = useState('');
  const [time, setTime] = useState('');
  const [duration, setDuration] = useState('');
  const [capInPerson, setCapInPerson] = useState('');
  const [capOnline, setCapOnline] = useState('');
  const [staffing, setStaffing] = useState<Staffing | null>(null);
  const [rsvpWindow, setRsvpWindow] = useState<RsvpWindow>({ opens: '', closes: '0' });
  const [result, setResult] = useState<string | null>(null);
  const windowOf = (s: MeetupView): RsvpWindow => ({
    opens: s.rsvpOpensHoursBefore === null ? '' : String(s.rsvpOpensHoursBefore),
    closes: String(s.rsvpClosesMinutesBefore),
  });
  useEffect(() => {
    void get<MeetupView>(`/meetups/${meetupId}`).then((s) => {
      setM(s);
      setTitle(s.title);
      setTime(s.start.slice(11));
      setDuration(String(s.durationMinutes));
      setCapInPerson(s.capacity.inPerson ? String(s.capacity.inPerson) : '');
      setCapOnline(s.capacity.online ? String(s.capacity.online) : '');
      setStaffing(s.staffing as Staffing);
      setRsvpWindow(windowOf(s));
    });
  }, [meetupId]);
  const { busy, error, submit } = useSubmit(async () => {
    const capacity = {
      ...(capInPerson ? { inPerson: asNumber(capInPerson) } : {}),
      ...(capOnline ? { online: asNumber(capOnline) } : {}),
    };
    const res = await api<{ meetup: MeetupView; updated: number; skipped: number }>(
      'PATCH',
      `/meetups/${meetupId}`,
      {
        ...(title !== m!.title ? { title } : {}),
        ...(time !== m!.start.slice(11) ? { time } : {}),
        ...(asNumber(duration) !== m!.durationMinutes ? { durationMinutes: asNumber(duration) } : {}),
        ...(Object.keys(capacity).length ? { capacity } : {}),
        ...(staffing && JSON.stringify(staffing) !== JSON.stringify(m!.staffing) ? { staffing } : {}),
        ...(JSON.stringify(rsvpWindow) !== JSON.stringify(windowOf(m!))
          ? {
              rsvpOpensHoursBefore: rsvpWindow.opens ? Number(rsvpWindow.opens) : null,
              rsvpClosesMinutesBefore: Number(rsvpWindow.closes),
            }
          : {}),
      },
    );
    setM(res.meetup);
    setResult(
      `${res.updated} upcoming meetups changed.${res.skipped ? ` ${res.skipped} could not take the new capacity because more people are already going.` : ''}`,
    );
  });
  if (!m) return <Loading />;
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        {m.rrule ? 'Change the series' : 'Repeat this meetup'}
      </h1>
      <p class="lead">
        {m.rrule
          ? `${m.title}: ${m.repeats}. Changes apply to upcoming meetups, except dates you changed on their own.`
          : `${m.title}: once. Choose below how it repeats, and it becomes a series starting with it.`}
      </p>
      <Form submit={submit} error={error}>
        {result && (
          <p class="notice" role="status">
            {result}
          </p>
        )}
        <MeetupTitleField value={title} onValue={setTitle} error={error} />
        <div class="row">
          <Field label="Start time" name="time" error={error}>
            {(a) => <input {...a} type="time" value={time} onInput={(e) => setTime(e.currentTarget.value)} />}
          </Field>
          <TextField
            label="Minutes"
            name="durationMinutes"
            value={duration}
            onValue={setDuration}
            error={error}
          />
        </div>
        {(
          [
            ['inPerson', 'Places in the room', 'online', capInPerson, setCapInPerson],
            ['online', 'Places online', 'in_person', capOnline, setCapOnline],
          ] as const
        )
          // A place of each kind the meetups have: none in the room for an online-only series.
          .filter(([, , without]) => m.mode !== without)
          .map(([kind, label, , value, onValue]) => (
            <TextField
              key={kind}
              label={label}
              name={`capacity.${kind}`}
              value={value}
              onValue={onValue}
              error={error}
            />
          ))}
        {staffing && <StaffingFields value={staffing} set={setStaffing} />}
        <RsvpWindowFields value={rsvpWindow} set={setRsvpWindow} error={error} />
        <div class="actions">
          <button type="submit" disabled={busy}>
            Save changes
          </button>
          <a class="button secondary" href={`/groups/${m.groupId}`}>
            Back to the group
          </a>
        </div>
      </Form>
      {m.status === 'scheduled' && <SeriesDates m={m} onChanged={setM} />}
      {m.status === 'scheduled' && m.rrule && <CancelSeries meetupId={meetupId} groupId={m.groupId} />}
    </>
  );
}

/** New dates for a series: longer, shorter, other days, or a new first date. */
function SeriesDates({ m, onChanged }: { m: MeetupView; onChanged: (m: MeetupView) => void }) {
  const [zone, setZone] = useState<string | null>(null);
  useEffect(() => {
    void get<GroupDetail>(`/groups/${m.groupId}`).then((g) => setZone(g.timezone));
  }, [m.groupId]);
  const [date, setDate] = useState(m.start.slice(0, 10));
  const [time, setTime] = useState(m.start.slice(11));
  const [repeat, setRepeat] = useState<Repeat>(() => {
    const r = repeatOf(m.rrule);
    return r.repeats === 'none' ? { ...r, repeats: 'weekly' } : r;
  });
  const [result, setResult] = useState<{ text: string; warnings: string[] } | null>(null);
  // The series changed above (its time, say): these fields start again from it, or saving new
  // dates would put back what was just changed.
  useEffect(() => {
    setDate(m.start.slice(0, 10));
    setTime(m.start.slice(11));
    const r = repeatOf(m.rrule);
    setRepeat(r.repeats === 'none' ? { ...r, repeats: 'weekly' } : r);
  }, [m.start, m.rrule]);
  const start = parseLocal(`${date}T${time}`);
  const rrule = ruleFor(repeat, start);
  const { busy, error, submit } = useSubmit(async () => {
    const res = await sendRepeating({ date, time, repeat, datePath: 'body.recurrence.start' }, (rule) =>
      api<{
        meetup: MeetupView;
        added: number;
        cancelled: number;
        warnings: { message: string }[];
      }>('PATCH', `/meetups/${m.meetupId}`, {
        recurrence: { rrule: rule ?? '', start: `${date}T${time}` },
      }),
    );
    onChanged(res.meetup);
    const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
    setResult({
      text:
        res.added || res.cancelled
          ? `Saved: ${plural(res.added, 'meetup')} added, ${plural(res.cancelled, 'meetup')} cancelled${res.cancelled ? ' (everyone with an RSVP has been told)' : ''}.`
          : 'Saved: the upcoming meetups were already on these dates.',
      warnings: res.warnings.map((w) => w.message),
    });
  });
  if (!zone) return null;
  return (
    <section aria-labelledby="series-dates">
      <h2 id="series-dates">{m.rrule ? 'Change the dates' : 'How it repeats'}</h2>
      <p>
        {m.rrule
          ? 'Meetups already held stay as they were. Upcoming meetups on a new date keep their RSVPs; the others are cancelled, and everyone with an RSVP is told.'
          : 'Started on its own date, the series keeps this meetup as it is, RSVPs and all, and adds its other dates after it.'}
      </p>
      <Form submit={submit} error={error}>
        {result && (
          <div class="notice" role="status">
            <p>{result.text}</p>
            {result.warnings.map((w) => (
              <p key={w}>{w}</p>
            ))}
          </div>
        )}
        <div class="row">
          <Field label="First date" name="recurrence.start" error={error}>
            {(a) => <input {...a} type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />}
          </Field>
          <PlainInput id="series-time" label="Start time" type="time" value={time} onValue={setTime} />
        </div>
        <RepeatSection r={repeat} set={setRepeat} start={start} zone={zone} error={error} />
        <div class="actions">
          <button type="submit" disabled={busy || !rrule}>
            Save the new dates
          </button>
        </div>
      </Form>
    </section>
  );
}

function CancelSeries({ meetupId, groupId }: { meetupId: string; groupId: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    await post(`/meetups/${meetupId}/cancel`, { reason });
    navigate(`/groups/${groupId}`);
  });
  return (
    <section aria-labelledby="cancel-series">
      <h2 id="cancel-series">Cancel the series</h2>
      {!open ? (
        <button type="button" class="secondary" onClick={() => setOpen(true)}>
          Cancel every upcoming meetup in this series
        </button>
      ) : (
        <Form submit={submit} error={error}>
          <TextField
            label="Why is the series cancelled?"
            name="reason"
            hint="Everyone with an RSVP is told."
            value={reason}
            onValue={setReason}
            error={error}
            maxLength={500}
          />
          <FormActions
            busy={busy}
            label="Cancel the series"
            look="danger"
            cancel={{ label: 'Keep it', onClick: () => setOpen(false) }}
          />
        </Form>
      )}
    </section>
  );
}
