/**
 * "Notifications and reminders" on the account page: the devices that receive notifications
 * (this one added with a press, any removed, all tried with a test), and the reminders, quiet
 * hours and wording the member chooses.
 * @module
 */
import { useEffect, useState } from 'preact/hooks';
import { REMINDER_MINUTES, type ReminderMinutes } from '../../../functions/core/reach';
import type { MyGroups } from '../../../functions/core/schemas/groups';
import type { ReachView } from '../../../functions/core/schemas/reach';
import { api, get, patch, post } from '../api';
import { t, tx } from '../i18n';
import { label } from '../labels';
import { deviceIdHere, pushUnavailable, subscribeHere, suggestedLabel, unsubscribeHere } from '../push';
import { me } from '../state';
import { Loading, Stamp, Status, TextField, useOutcome, useSubmit } from '../ui';
import { zoneText } from '../when';
import { Checkboxes, Form, FormActions, PlainInput } from './forms';

/** The reminders one may choose, named in the reader's language. */
const reminderOptions = () => REMINDER_MINUTES.map((m) => [m, label('reminder', m)] as const);

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
      <h2 id="reach">{t('reach.heading')}</h2>
      <p>{t('reach.intro')}</p>
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
  const [unavailable] = useState(() => (reach.publicKey ? pushUnavailable() : t('reach.notSetUp')));
  const add = useSubmit(async () => {
    setAdded(null);
    const subscription = await subscribeHere(reach.publicKey!);
    onChange(await post<ReachView>('/me/reach/devices', { subscription, label }));
    setAdded(t('reach.added'));
  });
  const remove = (deviceId: string, name: string) =>
    act(
      async () => {
        onChange(await api<ReachView>('DELETE', `/me/reach/devices/${deviceId}`));
        if (deviceId === here) await unsubscribeHere();
      },
      t('reach.removed', { name }),
    );
  const test = () =>
    act(
      async () => onChange(await post<ReachView>('/me/reach/test')),
      t('reach.tested', { count: reach.devices.length }),
    );
  return (
    <>
      <h3>{t('reach.devices')}</h3>
      {reach.devices.length === 0 ? (
        <p>{t('reach.none')}</p>
      ) : (
        <ul class="devices">
          {reach.devices.map((d) => (
            <li key={d.deviceId}>
              {d.deviceId === here ? (
                tx('reach.thisDevice', { name: d.label }, (c) => <strong>{c}</strong>)
              ) : (
                <strong>{d.label}</strong>
              )}{' '}
              <span class="meta">
                {tx('reach.addedOn', undefined, () => (
                  <Stamp at={d.addedAt} day />
                ))}
              </span>{' '}
              <button type="button" class="secondary small" onClick={() => void remove(d.deviceId, d.label)}>
                {tx('reach.remove', { name: d.label }, (c) => (
                  <span class="visually-hidden">{c}</span>
                ))}
              </button>
            </li>
          ))}
        </ul>
      )}
      {reach.devices.length > 0 && (
        <p>
          <button type="button" class="secondary" onClick={() => void test()}>
            {t('reach.test')}
          </button>
        </p>
      )}
      {outcome}
      {unavailable ? (
        <p class="meta">{unavailable}</p>
      ) : (
        // This browser is not among the devices (never added, or removed elsewhere): it can be.
        !reach.devices.some((d) => d.deviceId === here) && (
          <Form submit={add.submit} error={add.error} label={t('reach.receiveHere')}>
            <TextField
              label={t('reach.deviceName')}
              name="label"
              hint={t('reach.deviceNameHint')}
              value={label}
              onValue={setLabel}
              error={add.error}
              maxLength={60}
            />
            <FormActions busy={add.busy} label={t('reach.receiveHere')} />
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
      <h3>{t('reach.reminders')}</h3>
      <p class="meta">{t('reach.remindersWhere', { zone: zoneText(zone) })}</p>
      <Form submit={save.submit} error={save.error} label={t('reach.remindersForm')}>
        <Checkboxes
          legend={t('reach.beforeMeetup')}
          options={reminderOptions()}
          chosen={meetups}
          onChosen={setMeetups}
        />
        {me.value?.facilitates && (
          <Checkboxes
            legend={t('reach.beforeDuty')}
            options={reminderOptions()}
            chosen={duties}
            onChosen={setDuties}
          />
        )}
        {groups && groups.length > 0 && (
          <Checkboxes
            legend={t('reach.newMeetups')}
            options={groups.map((g) => [g.groupId, g.name] as const)}
            chosen={news}
            onChosen={setNews}
          />
        )}
        <fieldset>
          <legend>{t('reach.quiet')}</legend>
          <label class="check">
            <input type="checkbox" checked={quietOn} onChange={(e) => setQuietOn(e.currentTarget.checked)} />
            {t('reach.quietOn')}
          </label>
          {quietOn && (
            <div class="row">
              <PlainInput
                id="quiet-from"
                label={t('reach.from')}
                type="time"
                value={from}
                onValue={setFrom}
              />
              <PlainInput id="quiet-to" label={t('reach.until')} type="time" value={to} onValue={setTo} />
            </div>
          )}
          <p class="hint">{t('reach.quietHint')}</p>
        </fieldset>
        <fieldset>
          <legend>{t('reach.lockScreen')}</legend>
          <label class="check">
            <input
              type="radio"
              name="detail"
              checked={detail === 'discreet'}
              onChange={() => setDetail('discreet')}
            />
            {t('reach.discreet')}
          </label>
          <label class="check">
            <input
              type="radio"
              name="detail"
              checked={detail === 'full'}
              onChange={() => setDetail('full')}
            />
            {t('reach.full')}
          </label>
        </fieldset>
        <FormActions busy={save.busy} label={t('reach.save')} saved={saved} />
      </Form>
    </>
  );
}
