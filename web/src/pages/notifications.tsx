import { signal } from '@preact/signals';
import { MY_MEETUPS_DAYS } from '../../../functions/core/meetups';
import type { Notification, OccurrenceView } from '../../../functions/core/schemas/meetups';
import type { ThreadView } from '../../../functions/core/schemas/threads';
import { get, post } from '../api';
import { OccurrenceCard } from '../components/occurrence-cards';
import { useLoad } from '../load';
import { me } from '../state';
import { Loading, SignInFirst, Stamp, usePage } from '../ui';
import { dayText } from '../when';

/** Unread notifications, for the badge in the header. */
export const unread = signal(0);

export async function refreshUnread(): Promise<void> {
  if (!me.value) {
    unread.value = 0;
    return;
  }
  try {
    unread.value = (await get<{ unread: number }>('/me/notifications?limit=1')).unread;
  } catch {
    // The badge is a convenience; the page shows errors.
  }
}

export function NotificationsPage() {
  const h = usePage('Notifications');
  const [items, failed, setItems] = useLoad(
    me.value ? async () => (await get<{ items: Notification[] }>('/me/notifications?limit=50')).items : null,
    [me.value?.userId],
  );
  if (me.value === null) return <SignInFirst title="Notifications" doing="see your notifications" />;
  const open = async (n: Notification) => {
    if (!n.read) {
      await post(`/me/notifications/${n.notificationId}/read`);
      void refreshUnread();
    }
  };
  const readAll = async () => {
    await post('/me/notifications/read');
    if (items) setItems(items.map((n) => ({ ...n, read: true })));
    void refreshUnread();
  };
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        Notifications
      </h1>
      {items?.some((n) => !n.read) && (
        <p>
          <button type="button" class="secondary" onClick={readAll}>
            Mark all as read
          </button>
        </p>
      )}
      {!items ? (
        <Loading error={failed} />
      ) : items.length === 0 ? (
        <p>
          Nothing yet. You will hear here when a place opens up for you, a meetup moves or is cancelled, a
          reminder is due, or a group you chose schedules a new meetup.{' '}
          <a href="/account#reach">Choose reminders and devices</a>.
        </p>
      ) : (
        <ul class="notes">
          {items.map((n) => (
            <li key={n.notificationId} class={n.read ? 'read' : 'unread'}>
              {!n.read && <span class="visually-hidden">New: </span>}
              <a href={n.href} onClick={() => open(n)}>
                {n.text}
              </a>
              <span class="meta">
                {' '}
                <Stamp at={n.createdAt} />
              </span>
            </li>
          ))}
        </ul>
      )}
      <FollowedDiscussions />
    </>
  );
}

/** Threads the member follows, with how many posts are new in each. */
function FollowedDiscussions() {
  const [items, failed] = useLoad(
    me.value ? async () => (await get<{ items: ThreadView[] }>('/me/following')).items : null,
    [me.value?.userId],
  );
  return (
    <section aria-labelledby="following">
      <h2 id="following">Discussions you follow</h2>
      {!items ? (
        <Loading error={failed} />
      ) : items.length === 0 ? (
        <p>
          None yet. You follow the discussions you start or post in, and those of meetups you are going to;
          each discussion has a Follow button.
        </p>
      ) : (
        <ul class="notes">
          {items.map((t) => (
            <li key={t.threadId} class={t.unread ? 'unread' : 'read'}>
              <a href={`/threads/${t.threadId}`}>{t.title}</a>
              <span class="meta">
                {' '}
                {t.unread ? `${t.unread} new` : 'nothing new'} · last post <Stamp at={t.lastPostAt} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function MyMeetupsPage() {
  const h = usePage('My meetups');
  const [mine, failed] = useLoad(
    me.value ? () => get<{ items: OccurrenceView[]; through: string }>('/me/occurrences') : null,
    [me.value?.userId],
  );
  const items = mine?.items ?? null;
  const through = mine?.through ?? null;
  if (me.value === null) return <SignInFirst title="My meetups" doing="see your meetups" />;
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        My meetups
      </h1>
      <p>
        <a href="/me/calendar">See these in your own calendar app</a>
        {me.value?.facilitates && (
          <>
            {' '}
            · <a href="/me/duties">My duties</a>
          </>
        )}
      </p>
      {through && (
        <p class="meta">
          Meetups you are going to or waiting for, in all your groups, up to {dayText(through)} (
          {MY_MEETUPS_DAYS} days ahead). Later ones are on each group’s page and in your calendar.
        </p>
      )}
      {!items ? (
        <Loading error={failed} />
      ) : items.length === 0 ? (
        <p>
          Nothing in the next {MY_MEETUPS_DAYS} days. Your groups are listed in your{' '}
          <a href="/account">account</a>, each with its meetups; or <a href="/">find a group</a>.
        </p>
      ) : (
        <ul class="cards">
          {items.map((o) => (
            <OccurrenceCard key={o.occurrenceId} o={o} withPlace />
          ))}
        </ul>
      )}
    </>
  );
}
