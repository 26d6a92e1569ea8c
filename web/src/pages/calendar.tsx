import { useEffect, useRef, useState } from 'preact/hooks';
import type { AlarmMinutes } from '../../../functions/core/feeds';
import type { FeedAnswer } from '../../../functions/core/schemas/feeds';
import { del, get, patch, post } from '../api';
import { type MessageKey, t, tx } from '../i18n';
import { me } from '../state';
import { ErrorSummary, Loading, SignInFirst, usePage, useSubmit } from '../ui';

type Feed = NonNullable<FeedAnswer['feed']>;

/** "Subscribe in your calendar": the member's private feed, its link shown once, and its settings. */
export function CalendarPage() {
  const h = usePage(t('calendar.title'));
  const [feed, setFeed] = useState<Feed | null | undefined>(undefined);
  /** The full link, known only in the answer that made it. */
  const [link, setLink] = useState<string | null>(null);
  useEffect(() => {
    if (me.value) void get<FeedAnswer>('/me/feed').then((r) => setFeed(r.feed));
  }, [me.value?.userId]);
  const make = useSubmit(async () => {
    if (feed && !window.confirm(t('calendar.confirmNewLink'))) return;
    const r = await post<FeedAnswer>('/me/feed');
    setFeed(r.feed);
    setLink(r.feed?.path ? `${window.location.origin}${r.feed.path}` : null);
  });
  const [off, setOff] = useState(false);
  const revoke = useSubmit(async () => {
    if (!window.confirm(t('calendar.confirmTurnOff'))) return;
    await del('/me/feed');
    setFeed(null);
    setLink(null);
    setOff(true);
  });
  // The button pressed is gone: the keyboard and a screen reader go to what happened.
  const offNote = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (off) offNote.current?.focus();
  }, [off]);

  if (me.value === null) return <SignInFirst title={t('calendar.title')} doing={t('calendar.signInDoing')} />;
  if (me.value === undefined || feed === undefined) return <Loading />;
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        {t('calendar.heading')}
      </h1>
      <p>{t('calendar.intro')}</p>
      <ErrorSummary error={make.error ?? revoke.error} />
      {!feed ? (
        <>
          {off && (
            <p class="notice" role="status" ref={offNote} tabIndex={-1}>
              {t('calendar.turnedOff')}
            </p>
          )}
          <p>
            <button type="button" aria-disabled={make.busy} onClick={() => make.submit()}>
              {t('calendar.makeLink')}
            </button>
          </p>
        </>
      ) : (
        <>
          {link ? <FeedLink link={link} key={link} /> : <p class="card">{t('calendar.linkIsOn')}</p>}
          <Settings feed={feed} onChange={setFeed} />
          <section aria-labelledby="feed-link">
            <h2 id="feed-link">{t('calendar.theLink')}</h2>
            <p>{t('calendar.linkWarning')}</p>
            <div class="actions">
              <button type="button" class="secondary" aria-disabled={make.busy} onClick={() => make.submit()}>
                {t('calendar.makeNewLink')}
              </button>
              <button
                type="button"
                class="secondary"
                aria-disabled={revoke.busy}
                onClick={() => revoke.submit()}
              >
                {t('calendar.turnOff')}
              </button>
            </div>
          </section>
        </>
      )}
    </>
  );
}

function FeedLink({ link }: { link: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  // Shown once, and maybe far above the button that made it: the keyboard and the eye go to it.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start' });
  }, []);
  const webcal = link.replace(/^https?:/, 'webcal:');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      // The browser refused: the link is selected for the person to copy themselves.
      (document.getElementById('feed-url') as HTMLInputElement | null)?.select();
      setCopied('no');
    }
  };
  return (
    <section aria-labelledby="your-link" class="card">
      <h2 id="your-link" ref={heading} tabIndex={-1}>
        {t('calendar.yourLink')}
      </h2>
      <p class="notice" role="status">
        {t('calendar.copyNow')}
      </p>
      <div class="field">
        <label for="feed-url">{t('calendar.linkLabel')}</label>
        <input id="feed-url" type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
      </div>
      <div class="actions">
        <button type="button" onClick={copy}>
          {copied === 'yes' ? t('calendar.copied') : t('calendar.copy')}
        </button>
        <a class="button secondary" href={webcal}>
          {t('calendar.openInApp')}
        </a>
      </div>
      <p class={copied === 'no' ? 'hint' : 'visually-hidden'} aria-live="polite">
        {copied === 'yes' ? t('calendar.linkCopied') : copied === 'no' ? t('calendar.copyRefused') : ''}
      </p>
      <h3>{t('calendar.howToAdd')}</h3>
      {HOW_TO.map(([app, steps]) => (
        <details key={app}>
          <summary>{t(app)}</summary>
          <ol>
            {steps.map((step) => (
              <li key={step}>{t(step)}</li>
            ))}
          </ol>
        </details>
      ))}
    </section>
  );
}

/** Each calendar app, and the steps to subscribe in it. */
const HOW_TO: [MessageKey, MessageKey[]][] = [
  ['calendar.google', ['calendar.googleStep1', 'calendar.googleStep2', 'calendar.googleStep3']],
  ['calendar.apple', ['calendar.appleStep1', 'calendar.appleStep2']],
  ['calendar.outlook', ['calendar.outlookStep1', 'calendar.outlookStep2']],
];

/** The reminders a calendar may give, each with its name ("15 minutes before<0> a meetup</0>"). */
const REMINDERS: [AlarmMinutes, MessageKey][] = [
  [15, 'calendar.reminder15'],
  [60, 'calendar.reminder60'],
  [1440, 'calendar.reminder1440'],
];

/** A set of reminders as checkboxes; what they are before ends each box's name for a screen reader. */
function Reminders({
  legend,
  kind,
  hint,
  value,
  onChange,
}: {
  legend: string;
  kind: 'meetup' | 'duty';
  hint: string;
  value: AlarmMinutes[];
  onChange: (v: AlarmMinutes[]) => void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <p class="hint">{hint}</p>
      {REMINDERS.map(([minutes, key]) => (
        <label class="check" key={minutes}>
          <input
            type="checkbox"
            checked={value.includes(minutes)}
            onChange={(e) =>
              onChange(
                e.currentTarget.checked
                  ? REMINDERS.map(([m]) => m).filter((m) => m === minutes || value.includes(m))
                  : value.filter((m) => m !== minutes),
              )
            }
          />
          {tx(key, { kind }, (c) => (
            <span class="visually-hidden">{c}</span>
          ))}
        </label>
      ))}
    </fieldset>
  );
}

function Settings({ feed, onChange }: { feed: Feed; onChange: (f: Feed) => void }) {
  const [scope, setScope] = useState(feed.scope);
  const [discreet, setDiscreet] = useState(feed.discreet);
  const [alarms, setAlarms] = useState<AlarmMinutes[]>(feed.alarms);
  const [dutyAlarms, setDutyAlarms] = useState<AlarmMinutes[]>(feed.dutyAlarms);
  const [saved, setSaved] = useState(false);
  const changed =
    scope !== feed.scope ||
    discreet !== feed.discreet ||
    alarms.join() !== feed.alarms.join() ||
    dutyAlarms.join() !== feed.dutyAlarms.join();
  const save = useSubmit(async () => {
    const r = await patch<FeedAnswer>('/me/feed', { scope, discreet, alarms, dutyAlarms });
    if (r.feed) onChange({ ...r.feed, path: null });
    setSaved(true);
  });
  return (
    <form onSubmit={save.submit} noValidate aria-labelledby="feed-settings">
      <h2 id="feed-settings">{t('calendar.whatItShows')}</h2>
      <ErrorSummary error={save.error} />
      <fieldset>
        <legend>{t('calendar.meetups')}</legend>
        {(
          [
            ['mine', t('calendar.scopeMine')],
            ['all', t('calendar.scopeAll')],
          ] as const
        ).map(([value, label]) => (
          <label class="check" key={value}>
            <input
              type="radio"
              name="scope"
              value={value}
              checked={scope === value}
              onChange={() => setScope(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <label class="check">
        <input type="checkbox" checked={discreet} onChange={(e) => setDiscreet(e.currentTarget.checked)} />
        {t('calendar.discreet')}
      </label>
      <p class="hint">{t('calendar.discreetHint')}</p>
      <Reminders
        legend={t('calendar.meetupReminders')}
        kind="meetup"
        hint={t('calendar.meetupRemindersHint')}
        value={alarms}
        onChange={setAlarms}
      />
      {/* Only for facilitators (and anyone who chose some before they stopped, so they can undo it). */}
      {(me.value?.facilitates || feed.dutyAlarms.length > 0) && (
        <Reminders
          legend={t('calendar.dutyReminders')}
          kind="duty"
          hint={t('calendar.dutyRemindersHint')}
          value={dutyAlarms}
          onChange={setDutyAlarms}
        />
      )}
      <div role="status">
        {changed ? (
          <p class="hint">{t('calendar.unsaved')}</p>
        ) : (
          saved && !save.busy && <p class="notice">{t('calendar.saved')}</p>
        )}
      </div>
      <p>
        <button type="submit" class="secondary" aria-disabled={save.busy}>
          {t('calendar.save')}
        </button>
      </p>
    </form>
  );
}
