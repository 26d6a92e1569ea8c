import { useEffect, useRef, useState } from 'preact/hooks';
import type { AlarmMinutes } from '../../../functions/core/feeds';
import type { FeedAnswer } from '../../../functions/core/schemas/feeds';
import { del, get, patch, post } from '../api';
import { me } from '../state';
import { ErrorSummary, Loading, SignInFirst, usePage, useSubmit } from '../ui';

type Feed = NonNullable<FeedAnswer['feed']>;

/** "Subscribe in your calendar": the member's private feed, its link shown once, and its settings. */
export function CalendarPage() {
  const h = usePage('Your calendar');
  const [feed, setFeed] = useState<Feed | null | undefined>(undefined);
  /** The full link, known only in the answer that made it. */
  const [link, setLink] = useState<string | null>(null);
  useEffect(() => {
    if (me.value) void get<FeedAnswer>('/me/feed').then((r) => setFeed(r.feed));
  }, [me.value?.userId]);
  const make = useSubmit(async () => {
    if (
      feed &&
      !window.confirm(
        'Make a new link? Calendars subscribed with the old link stop updating until you add the new one.',
      )
    )
      return;
    const r = await post<FeedAnswer>('/me/feed');
    setFeed(r.feed);
    setLink(r.feed?.path ? `${window.location.origin}${r.feed.path}` : null);
  });
  const [off, setOff] = useState(false);
  const revoke = useSubmit(async () => {
    if (
      !window.confirm(
        'Turn off your calendar feed? Calendars subscribed to it stop updating, and its settings are forgotten. What they show already stays until you remove the subscription in your calendar app.',
      )
    )
      return;
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

  if (me.value === null) return <SignInFirst title="Your calendar" doing="subscribe in your calendar" />;
  if (me.value === undefined || feed === undefined) return <Loading />;
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        Subscribe in your calendar
      </h1>
      <p>
        Your meetups can appear in the calendar you already use, and stay right when a meetup moves or is
        cancelled. Your calendar app checks for changes about once an hour (Google Calendar can take up to a
        day). Meetups more than a year ahead appear once they are within a year.
      </p>
      <ErrorSummary error={make.error ?? revoke.error} />
      {!feed ? (
        <>
          {off && (
            <p class="notice" role="status" ref={offNote} tabIndex={-1}>
              Your calendar feed is off: its link no longer works. Calendar apps keep what they last read, so
              remove the subscription there too. A new link starts with the usual settings (discreet, no
              reminders).
            </p>
          )}
          <p>
            <button type="button" aria-disabled={make.busy} onClick={() => make.submit()}>
              Make my calendar link
            </button>
          </p>
        </>
      ) : (
        <>
          {link ? (
            <FeedLink link={link} key={link} />
          ) : (
            <p class="card">
              Your calendar link is on. For your privacy it was shown only once, when it was made. To add it
              to another calendar, make a new link: the old one stops working.
            </p>
          )}
          <Settings feed={feed} onChange={setFeed} />
          <section aria-labelledby="feed-link">
            <h2 id="feed-link">The link</h2>
            <p>
              Anyone who has the link can see what it shows. If it may have been shared, make a new one: the
              old link stops working at once.
            </p>
            <div class="actions">
              <button type="button" class="secondary" aria-disabled={make.busy} onClick={() => make.submit()}>
                Make a new link
              </button>
              <button
                type="button"
                class="secondary"
                aria-disabled={revoke.busy}
                onClick={() => revoke.submit()}
              >
                Turn off the feed
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
        Your calendar link
      </h2>
      <p class="notice" role="status">
        Copy it now: for your privacy it is shown only this once.
      </p>
      <div class="field">
        <label for="feed-url">Calendar link</label>
        <input id="feed-url" type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
      </div>
      <div class="actions">
        <button type="button" onClick={copy}>
          {copied === 'yes' ? 'Copied' : 'Copy link'}
        </button>
        <a class="button secondary" href={webcal}>
          Open in my calendar app
        </a>
      </div>
      <p class={copied === 'no' ? 'hint' : 'visually-hidden'} aria-live="polite">
        {copied === 'yes'
          ? 'Link copied'
          : copied === 'no'
            ? 'This browser would not copy it: the link is selected above, so copy it with your keyboard or menu.'
            : ''}
      </p>
      <h3>How to add it</h3>
      <details>
        <summary>Google Calendar</summary>
        <ol>
          <li>On a computer, open Google Calendar.</li>
          <li>Next to “Other calendars”, choose “+”, then “From URL”.</li>
          <li>Paste the link and choose “Add calendar”.</li>
        </ol>
      </details>
      <details>
        <summary>Apple Calendar (iPhone, iPad, Mac)</summary>
        <ol>
          <li>
            Choose “Open in my calendar app” above, or in Calendar choose File → New Calendar Subscription.
          </li>
          <li>Paste the link if asked, then choose Subscribe.</li>
        </ol>
      </details>
      <details>
        <summary>Outlook</summary>
        <ol>
          <li>In Outlook on the web, choose “Add calendar”, then “Subscribe from web”.</li>
          <li>Paste the link, give it a name, and choose Import.</li>
        </ol>
      </details>
    </section>
  );
}

const REMINDERS: [AlarmMinutes, string][] = [
  [15, '15 minutes before'],
  [60, '1 hour before'],
  [1440, '1 day before'],
];

/** A set of reminders as checkboxes; `before` ends each box's name for a screen reader ("… a meetup"). */
function Reminders({
  legend,
  before,
  hint,
  value,
  onChange,
}: {
  legend: string;
  before: string;
  hint: string;
  value: AlarmMinutes[];
  onChange: (v: AlarmMinutes[]) => void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <p class="hint">{hint}</p>
      {REMINDERS.map(([minutes, label]) => (
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
          {label}
          <span class="visually-hidden"> {before}</span>
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
      <h2 id="feed-settings">What your calendar shows</h2>
      <ErrorSummary error={save.error} />
      <fieldset>
        <legend>Meetups</legend>
        {(
          [
            ['mine', 'Only meetups I am going to or waiting for'],
            ['all', 'Every meetup of my groups'],
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
        Discreet: every meetup is called “Hearth session”, with no group name and nothing about what happens
      </label>
      <p class="hint">
        Recommended if other people can see your calendar. Either way, addresses and online links appear only
        for meetups you have a place at.
      </p>
      <Reminders
        legend="Reminders before meetups"
        before="a meetup"
        hint="For meetups you are going to or waiting for: your calendar app reminds you, with the title your calendar shows. None unless you choose."
        value={alarms}
        onChange={setAlarms}
      />
      {/* Only for facilitators (and anyone who chose some before they stopped, so they can undo it). */}
      {(me.value?.facilitates || feed.dutyAlarms.length > 0) && (
        <Reminders
          legend="Reminders before duties you hold"
          before="a duty"
          hint="For the meetups you have a duty at on a roster."
          value={dutyAlarms}
          onChange={setDutyAlarms}
        />
      )}
      <div role="status">
        {changed ? (
          <p class="hint">You have changes not saved yet.</p>
        ) : (
          saved &&
          !save.busy && <p class="notice">Saved. Your calendar app picks this up at its next check.</p>
        )}
      </div>
      <p>
        <button type="submit" class="secondary" aria-disabled={save.busy}>
          Save
        </button>
      </p>
    </form>
  );
}
