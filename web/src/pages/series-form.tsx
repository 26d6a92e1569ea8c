/** A series: its change for every upcoming meetup, its new dates, and cancelling it. @module */
import { useEffect, useState } from 'preact/hooks';
import { parseRule } from '../../../functions/core/recurrence';
import type { Staffing } from '../../../functions/core/roster';
import type { GroupDetail } from '../../../functions/core/schemas/groups';
import type { MeetupView } from '../../../functions/core/schemas/meetups';
import { parseLocal } from '../../../functions/core/time';
import { api, get, post } from '../api';
import { Form, FormActions, PlainInput } from '../components/forms';
import { MeetupTitleField } from '../components/meetup-title';
import { type Repeat, RepeatSection, repeatOf, ruleFor, sendRepeating } from '../components/repeat';
import { ruleText } from '../components/repeat-words';
import { type RsvpWindow, RsvpWindowFields } from '../components/rsvp-window';
import { StaffingFields } from '../components/staffing-fields';
import { t } from '../i18n';
import { navigate } from '../state';
import { asNumber, Field, Loading, TextField, usePage, useSubmit } from '../ui';

export function EditSeriesPage({ meetupId }: { meetupId: string }) {
  const h = usePage(t('seriesForm.changeSeries'));
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
      res.skipped
        ? t('seriesForm.updatedSkipped', { updated: res.updated, skipped: res.skipped })
        : t('seriesForm.updated', { updated: res.updated }),
    );
  });
  if (!m) return <Loading />;
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        {m.rrule ? t('seriesForm.changeSeries') : t('seriesForm.repeatThis')}
      </h1>
      <p class="lead">
        {m.rrule
          ? t('seriesForm.leadSeries', { title: m.title, rule: repeatsText(m) })
          : t('seriesForm.leadOnce', { title: m.title })}
      </p>
      <Form submit={submit} error={error}>
        {result && (
          <p class="notice" role="status">
            {result}
          </p>
        )}
        <MeetupTitleField value={title} onValue={setTitle} error={error} />
        <div class="row">
          <Field label={t('seriesForm.startTime')} name="time" error={error}>
            {(a) => <input {...a} type="time" value={time} onInput={(e) => setTime(e.currentTarget.value)} />}
          </Field>
          <TextField
            label={t('seriesForm.minutes')}
            name="durationMinutes"
            value={duration}
            onValue={setDuration}
            error={error}
          />
        </div>
        {(
          [
            ['inPerson', t('seriesForm.placesInRoom'), 'online', capInPerson, setCapInPerson],
            ['online', t('seriesForm.placesOnline'), 'in_person', capOnline, setCapOnline],
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
            {t('seriesForm.saveChanges')}
          </button>
          <a class="button secondary" href={`/groups/${m.groupId}`}>
            {t('seriesForm.backToGroup')}
          </a>
        </div>
      </Form>
      {m.status === 'scheduled' && <SeriesDates m={m} onChanged={setM} />}
      {m.status === 'scheduled' && m.rrule && <CancelSeries meetupId={meetupId} groupId={m.groupId} />}
    </>
  );
}

/** How a series repeats, in the reader's words ("every Tuesday, 10 times"); the API's English if its rule cannot be read. */
function repeatsText(m: MeetupView): string | null {
  const parsed = m.rrule ? parseRule(m.rrule) : null;
  const start = parseLocal(m.start);
  return parsed && 'rule' in parsed && start ? ruleText(parsed.rule, start) : m.repeats;
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
    const counts = { added: res.added, cancelled: res.cancelled };
    setResult({
      text: res.cancelled
        ? t('seriesForm.savedCancelled', counts)
        : res.added
          ? t('seriesForm.savedAdded', counts)
          : t('seriesForm.savedSame'),
      warnings: res.warnings.map((w) => w.message),
    });
  });
  if (!zone) return null;
  return (
    <section aria-labelledby="series-dates">
      <h2 id="series-dates">{m.rrule ? t('seriesForm.changeDates') : t('seriesForm.howRepeats')}</h2>
      <p>{m.rrule ? t('seriesForm.datesIntroSeries') : t('seriesForm.datesIntroOnce')}</p>
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
          <Field label={t('seriesForm.firstDate')} name="recurrence.start" error={error}>
            {(a) => <input {...a} type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />}
          </Field>
          <PlainInput
            id="series-time"
            label={t('seriesForm.startTime')}
            type="time"
            value={time}
            onValue={setTime}
          />
        </div>
        <RepeatSection r={repeat} set={setRepeat} start={start} zone={zone} error={error} />
        <div class="actions">
          <button type="submit" disabled={busy || !rrule}>
            {t('seriesForm.saveDates')}
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
      <h2 id="cancel-series">{t('seriesForm.cancelSeries')}</h2>
      {!open ? (
        <button type="button" class="secondary" onClick={() => setOpen(true)}>
          {t('seriesForm.cancelEvery')}
        </button>
      ) : (
        <Form submit={submit} error={error}>
          <TextField
            label={t('seriesForm.cancelWhy')}
            name="reason"
            hint={t('seriesForm.cancelHint')}
            value={reason}
            onValue={setReason}
            error={error}
            maxLength={500}
          />
          <FormActions
            busy={busy}
            label={t('seriesForm.cancelSeries')}
            look="danger"
            cancel={{ label: t('seriesForm.keepIt'), onClick: () => setOpen(false) }}
          />
        </Form>
      )}
    </section>
  );
}
