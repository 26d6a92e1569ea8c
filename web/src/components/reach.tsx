/**
 * "Notifications and reminders" on the account page: the devices that receive notifications
 * (this one added with a press, any removed, all tried with a test), and the reminders, quiet
 * hours and wording the member chooses.
 * @module
 */
import { useEffect, useState } from 'preact/hooks';
import { REMINDER_MINUTES, REMINDER_NAMES, type ReminderMinutes } from '../../../functions/core/reach';
import type { MyGroups } from '../../../functions/core/schemas/groups';
import type { ReachView } from '../../../functions/core/schemas/reach';
import { api, get, patch, post } from '../api';
import { deviceIdHere, pushUnavailable, subscribeHere, suggestedLabel, unsubscribeHere } from '../push';
import { me } from '../state';
import { Loading, Stamp, Status, TextField, useOutcome, useSubmit } from '../ui';
import { Checkboxes, Form, FormActions, PlainInput } from './forms';

const REMINDER_OPTIONS = REMINDER_MINUTES.map((m) => [m, REMINDER_NAMES[m]] as const);

export function ReachSection() {
  const [reach, setReach] = useState<ReachView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    get<ReachView>('/me/reach')
      .then(setReach)
      .catch((e: Error) => setError(e.message));
  }, []);
  return (
    <section aria-labelledby="reach" id="reach-section">
      <h2 id="reach">Notifications and reminders</h2>
      <p>
        Hearth never asks for your email or phone number. It reaches you here, in your calendar if you
        subscribe, and on the devices you choose below.
      </p>
      {error ? (
        <p class="alert" role="alert">
          {error}
        </p>
      ) : !reach ? (
        <Loading />
      ) : (
        <>
          <Devices reach={reach} onChange={setReach} />
          <Reminders reach={reach} onChange={setReach} />
        </>
      )}
    </section>
  );
}

function Devices({ reach, onChange }: { reach: ReachView; onChange: (r: ReachView) => void }) {
  const [here, setHere] = useState<string | null>(null);
  const [label, setLabel] = useState(suggestedLabel);
  const [added, setAdded] = useState<string | null>(null);
  useEffect(() => {
    void deviceIdHere().then(setHere);
  }, [reach]);
  // What the test and the removals did, said where the keyboard is.
  const { act, outcome } = useOutcome(async () => undefined);
  // Judged once, as the page opens: a refusal while adding is said by the form, where focus is.
  const [unavailable] = useState(() =>
    reach.publicKey ? pushUnavailable() : 'Notifications on devices are not set up on this Hearth.',
  );
  const add = useSubmit(async () => {
    setAdded(null);
    const subscription = await subscribeHere(reach.publicKey!);
    onChange(await post<ReachView>('/me/reach/devices', { subscription, label }));
    setAdded('This device will now receive notifications. Send a test to see one.');
  });
  const remove = (deviceId: string, name: string) =>
    act(async () => {
      onChange(await api<ReachView>('DELETE', `/me/reach/devices/${deviceId}`));
      if (deviceId === here) await unsubscribeHere();
    }, `“${name}” will no longer receive notifications.`);
  const test = () =>
    act(
      async () => onChange(await post<ReachView>('/me/reach/test')),
      `A test notification went to ${reach.devices.length === 1 ? 'your device' : 'each of your devices'}.`,
    );
  return (
    <>
      <h3>Devices that receive notifications</h3>
      {reach.devices.length === 0 ? (
        <p>None yet.</p>
      ) : (
        <ul class="devices">
          {reach.devices.map((d) => (
            <li key={d.deviceId}>
              <strong>{d.label}</strong>
              {d.deviceId === here && ' (this device)'}{' '}
              <span class="meta">
                added <Stamp at={d.addedAt} day />
              </span>{' '}
              <button type="button" class="secondary small" onClick={() => void remove(d.deviceId, d.label)}>
                Remove<span class="visually-hidden"> {d.label}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {reach.devices.length > 0 && (
        <p>
          <button type="button" class="secondary" onClick={() => void test()}>
            Send a test notification
          </button>
        </p>
      )}
      {outcome}
      {unavailable ? (
        <p class="meta">{unavailable}</p>
      ) : (
        // This browser is not among the devices (never added, or removed elsewhere): it can be.
        !reach.devices.some((d) => d.deviceId === here) && (
          <Form submit={add.submit} error={add.error} label="Receive notifications on this device">
            <TextField
              label="What to call this device"
              name="label"
              hint="So you can tell your devices apart, say “Phone” or “Laptop”."
              value={label}
              onValue={setLabel}
              error={add.error}
              maxLength={60}
            />
            <FormActions busy={add.busy} label="Receive notifications on this device" />
          </Form>
        )
      )}
      <Status message={added} />
    </>
  );
}

function Reminders({ reach, onChange }: { reach: ReachView; onChange: (r: ReachView) => void }) {
  const s = reach.settings;
  const [meetups, setMeetups] = useState<ReminderMinutes[]>(s.meetups);
  const [duties, setDuties] = useState<ReminderMinutes[]>(s.duties);
  const [quietOn, setQuietOn] = useState(s.quiet !== null);
  const [from, setFrom] = useState(s.quiet?.from ?? '22:00');
  const [to, setTo] = useState(s.quiet?.to ?? '08:00');
  const [detail, setDetail] = useState(s.detail);
  const [news, setNews] = useState<string[]>(s.newMeetups);
  const [groups, setGroups] = useState<MyGroups['items'] | null>(null);
  useEffect(() => {
    void get<MyGroups>('/me/groups')
      .then((r) => setGroups(r.items.filter((g) => g.status === 'active')))
      .catch(() => undefined); // offline: the groups to choose from appear once connected
  }, []);
  const [saved, setSaved] = useState(false);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const save = useSubmit(async () => {
    setSaved(false);
    onChange(
      await patch<ReachView>('/me/reach', {
        meetups,
        duties,
        detail,
        // Only groups still theirs (one they left drops out when they next save); nothing about
        // groups is sent before their list has loaded.
        ...(groups ? { newMeetups: news.filter((g) => groups.some((x) => x.groupId === g)) } : {}),
        quiet: quietOn ? { from, to } : null,
        zone,
      }),
    );
    setSaved(true);
  });
  return (
    <>
      <h3>Reminders</h3>
      <p class="meta">
        In Hearth’s notifications, and on your devices above. Times are on your clock (
        {zone.replace(/_/g, ' ')}).
      </p>
      <Form submit={save.submit} error={save.error} label="Reminders and quiet hours">
        <Checkboxes
          legend="Before a meetup I am going to (tick none for no reminders)"
          options={REMINDER_OPTIONS}
          chosen={meetups}
          onChosen={setMeetups}
        />
        {me.value?.facilitates && (
          <Checkboxes
            legend="Before a duty you hold"
            options={REMINDER_OPTIONS}
            chosen={duties}
            onChosen={setDuties}
          />
        )}
        {groups && groups.length > 0 && (
          <Checkboxes
            legend="Tell me when a group I am in schedules a new meetup"
            options={groups.map((g) => [g.groupId, g.name] as const)}
            chosen={news}
            onChosen={setNews}
          />
        )}
        <fieldset>
          <legend>Quiet hours</legend>
          <label class="check">
            <input type="checkbox" checked={quietOn} onChange={(e) => setQuietOn(e.currentTarget.checked)} />
            No notifications on my devices during these hours
          </label>
          {quietOn && (
            <div class="row">
              <PlainInput id="quiet-from" label="From" type="time" value={from} onValue={setFrom} />
              <PlainInput id="quiet-to" label="Until" type="time" value={to} onValue={setTo} />
            </div>
          )}
          <p class="hint">
            Reminders held back are still in your notifications in Hearth. A support request that needs you
            comes through quiet hours, because someone may be in distress.
          </p>
        </fieldset>
        <fieldset>
          <legend>What a notification on your lock screen says</legend>
          <label class="check">
            <input
              type="radio"
              name="detail"
              checked={detail === 'discreet'}
              onChange={() => setDetail('discreet')}
            />
            Discreet: “Hearth: a session at 18:30 tomorrow”, no group or meetup named
          </label>
          <label class="check">
            <input
              type="radio"
              name="detail"
              checked={detail === 'full'}
              onChange={() => setDetail('full')}
            />
            Full: the meetup, the group and what happened
          </label>
        </fieldset>
        <FormActions busy={save.busy} label="Save reminders" saved={saved} />
      </Form>
    </>
  );
}
