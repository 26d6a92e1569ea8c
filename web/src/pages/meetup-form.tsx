/** Scheduling a meetup, and changing one date of it on its own. @module */
import { useEffect, useState } from 'preact/hooks';
import type { MeetupMode } from '../../../functions/core/modes';
import { defaultStaffing, type Staffing } from '../../../functions/core/roster';
import type { GroupDetail } from '../../../functions/core/schemas/groups';
import type { OccurrenceView } from '../../../functions/core/schemas/meetups';
import { parseLocal } from '../../../functions/core/time';
import { api, get, post } from '../api';
import { Form, PlainInput, SubmitButton, TextArea } from '../components/forms';
import { MeetupTitleField } from '../components/meetup-title';
import { emptyPlace, type Place, PlaceFields, placeBody } from '../components/place-fields';
import {
  ClockWarnings,
  clockChange,
  ONCE,
  type Repeat,
  RepeatSection,
  ruleFor,
  sendRepeating,
} from '../components/repeat';
import { type RsvpWindow, RsvpWindowFields, rsvpWindowBody } from '../components/rsvp-window';
import { StaffingFields } from '../components/staffing-fields';
import { t } from '../i18n';
import { navigate } from '../state';
import { asNumber, describedBy, Field, Loading, usePage, useSubmit } from '../ui';
import { zoneText } from '../when';

export function ScheduleMeetupPage({ groupId }: { groupId: string }) {
  const h = usePage(t('meetupForm.title'));
  const [group, setGroup] = useState<GroupDetail | null>(null);
  useEffect(() => {
    void get<GroupDetail>(`/groups/${groupId}`).then(setGroup);
  }, [groupId]);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('18:30');
  const [duration, setDuration] = useState('90');
  const [mode, setMode] = useState('hybrid');
  const [staffing, setStaffing] = useState<Staffing | null>(null);
  const duties = staffing ?? defaultStaffing(mode as MeetupMode);
  const [place, setPlace] = useState<Place>(emptyPlace);
  const [repeat, setRepeat] = useState<Repeat>(ONCE);
  const [rsvpWindow, setRsvpWindow] = useState<RsvpWindow>({ opens: '', closes: '0' });

  const start = parseLocal(`${date}T${time}`);
  const rrule = ruleFor(repeat, start);
  const { busy, error, submit } = useSubmit(async () => {
    const res = await sendRepeating({ date, time, repeat }, (rule) =>
      post<{ occurrences: OccurrenceView[] }>(`/groups/${groupId}/meetups`, {
        title,
        description,
        start: `${date}T${time}`,
        durationMinutes: asNumber(duration),
        mode,
        ...placeBody(mode, place),
        staffing: duties,
        ...rsvpWindowBody(rsvpWindow),
        ...(rule ? { recurrence: { rrule: rule } } : {}),
      }),
    );
    navigate(`/occurrences/${res.occurrences[0]!.occurrenceId}`);
  });
  if (!group) return <Loading />;
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        {t('meetupForm.title')}
      </h1>
      <p class="lead">{t('meetupForm.lead', { group: group.name, zone: zoneText(group.timezone) })}</p>
      <Form submit={submit} error={error}>
        <MeetupTitleField value={title} onValue={setTitle} error={error} />
        <TextArea
          label={t('meetupForm.description')}
          name="description"
          error={error}
          value={description}
          onValue={setDescription}
          max={4000}
        />
        <div class="row">
          <Field label={t('meetupForm.date')} name="start" error={error}>
            {(a) => (
              <input
                {...a}
                type="date"
                value={date}
                onInput={(e) => setDate(e.currentTarget.value)}
                aria-describedby={describedBy(a, 'start-clock')}
              />
            )}
          </Field>
          <PlainInput
            id="time"
            label={t('meetupForm.startTime')}
            type="time"
            value={time}
            onValue={setTime}
            describedBy="start-clock"
          />
          <Field label={t('meetupForm.minutes')} name="durationMinutes" error={error}>
            {(a) => (
              <input
                {...a}
                inputMode="numeric"
                value={duration}
                onInput={(e) => setDuration(e.currentTarget.value)}
              />
            )}
          </Field>
        </div>
        <ClockWarnings id="start-clock" warnings={rrule ? [] : clockChange(start, group.timezone)} />
        <fieldset>
          <legend>{t('meetupForm.howJoin')}</legend>
          {(['in_person', 'online', 'hybrid'] as const).map((v) => (
            <label key={v}>
              <input type="radio" name="mode" checked={mode === v} onChange={() => setMode(v)} />
              {t('meetupForm.mode', { mode: v })}
            </label>
          ))}
        </fieldset>
        <PlaceFields mode={mode} p={place} set={setPlace} error={error} />
        <StaffingFields value={duties} set={setStaffing} />
        <RsvpWindowFields value={rsvpWindow} set={setRsvpWindow} error={error} />
        <RepeatSection r={repeat} set={setRepeat} start={start} zone={group.timezone} once error={error} />
        <SubmitButton busy={busy} label={t('meetupForm.schedule')} busyLabel={t('meetupForm.scheduling')} />
      </Form>
    </>
  );
}

export function EditOccurrencePage({ occurrenceId }: { occurrenceId: string }) {
  const h = usePage(t('meetupForm.editTitle'));
  const [o, setO] = useState<OccurrenceView | null>(null);
  const [title, setTitle] = useState('');
  const [start, setStart] = useState('');
  const [place, setPlace] = useState<Place>(emptyPlace);
  useEffect(() => {
    void get<OccurrenceView>(`/occurrences/${occurrenceId}`).then((occ) => {
      setO(occ);
      setTitle(occ.title);
      setStart(occ.startLocal);
      setPlace({
        venueName: occ.venue?.name ?? '',
        address: occ.venue?.address ?? '',
        neighbourhood: occ.venue?.neighbourhood ?? '',
        access: occ.venue?.access ?? [],
        accessNotes: occ.venue?.accessNotes ?? '',
        url: occ.online?.url ?? '',
        urlNotes: occ.online?.notes ?? '',
        capInPerson: String(occ.seats.inPerson?.capacity ?? ''),
        capOnline: String(occ.seats.online?.capacity ?? ''),
      });
    });
  }, [occurrenceId]);
  const { busy, error, submit } = useSubmit(async () => {
    await api('PATCH', `/occurrences/${occurrenceId}`, {
      title,
      ...(start !== o!.startLocal ? { start } : {}),
      ...placeBody(o!.mode, place),
    });
    navigate(`/occurrences/${occurrenceId}`);
  });
  if (!o) return <Loading />;
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        {t('meetupForm.editTitle')}
      </h1>
      <p class="lead">{t('meetupForm.editLead')}</p>
      <Form submit={submit} error={error}>
        <MeetupTitleField value={title} onValue={setTitle} error={error} />
        <Field label={t('meetupForm.dateAndTime', { zone: zoneText(o.timezone) })} name="start" error={error}>
          {(a) => (
            <input
              {...a}
              type="datetime-local"
              value={start}
              onInput={(e) => setStart(e.currentTarget.value)}
              aria-describedby={describedBy(a, 'start-clock')}
            />
          )}
        </Field>
        <ClockWarnings id="start-clock" warnings={clockChange(parseLocal(start.slice(0, 16)), o.timezone)} />
        <PlaceFields mode={o.mode} p={place} set={setPlace} error={error} />
        <div class="actions">
          <button type="submit" disabled={busy}>
            {t('meetupForm.saveChanges')}
          </button>
          <a class="button secondary" href={`/occurrences/${occurrenceId}`}>
            {t('meetupForm.cancel')}
          </a>
        </div>
      </Form>
    </>
  );
}
