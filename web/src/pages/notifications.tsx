import { signal } from '@preact/signals';
import { MY_MEETUPS_DAYS } from '../../../functions/core/meetups';
import type { Notification, OccurrenceView } from '../../../functions/core/schemas/meetups';
import type { ThreadView } from '../../../functions/core/schemas/threads';
import { get, post } from '../api';
import { OccurrenceCard } from '../components/occurrence-cards';
import { locale, t, tx } from '../i18n';
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
  const h = usePage(t('notifications.title'));
  const [items, failed, setItems] = useLoad(
    me.value ? async () => (await get<{ items: Notification[] }>('/me/notifications?limit=50')).items : null,
    // Worded by the server in the language on show: read again when it changes.
    [me.value?.userId, locale.value],
  );
  if (me.value === null)
    return <SignInFirst title={t('notifications.title')} doing={t('notifications.signInToSee')} />;
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
        {t('notifications.title')}
      </h1>
      {items?.some((n) => !n.read) && (
        <p>
          <button type="button" class="secondary" onClick={readAll}>
            {t('notifications.markAllRead')}
          </button>
        </p>
      )}
      {!items ? (
        <Loading error={failed} />
      ) : items.length === 0 ? (
        <p>
          {tx('notifications.none', undefined, (c) => (
            <a href="/account#reach">{c}</a>
          ))}
        </p>
      ) : (
        <ul class="notes">
          {items.map((n) => (
            <li key={n.notificationId} class={n.read ? 'read' : 'unread'}>
              {!n.read && <span class="visually-hidden">{t('notifications.new')} </span>}
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
    // Worded by the server in the language on show: read again when it changes.
    [me.value?.userId, locale.value],
  );
  return (
    <section aria-labelledby="following">
      <h2 id="following">{t('notifications.following')}</h2>
      {!items ? (
        <Loading error={failed} />
      ) : items.length === 0 ? (
        <p>{t('notifications.noneFollowed')}</p>
      ) : (
        <ul class="notes">
          {items.map((th) => (
            <li key={th.threadId} class={th.unread ? 'unread' : 'read'}>
              <a href={`/threads/${th.threadId}`}>{th.title}</a>
              <span class="meta">
                {' '}
                {tx('notifications.followedMeta', { count: th.unread }, () => (
                  <Stamp at={th.lastPostAt} />
                ))}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function MyMeetupsPage() {
  const h = usePage(t('notifications.myMeetups'));
  const [mine, failed] = useLoad(
    me.value ? () => get<{ items: OccurrenceView[]; through: string }>('/me/occurrences') : null,
    // Worded by the server in the language on show: read again when it changes.
    [me.value?.userId, locale.value],
  );
  const items = mine?.items ?? null;
  const through = mine?.through ?? null;
  if (me.value === null)
    return <SignInFirst title={t('notifications.myMeetups')} doing={t('notifications.signInToSeeMeetups')} />;
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        {t('notifications.myMeetups')}
      </h1>
      <p>
        <a href="/me/calendar">{t('notifications.calendarLink')}</a>
        {me.value?.facilitates && (
          <>
            {' '}
            · <a href="/me/duties">{t('notifications.myDuties')}</a>
          </>
        )}
      </p>
      {through && (
        <p class="meta">{t('notifications.through', { date: dayText(through), days: MY_MEETUPS_DAYS })}</p>
      )}
      {!items ? (
        <Loading error={failed} />
      ) : items.length === 0 ? (
        <p>
          {tx(
            'notifications.noMeetups',
            { days: MY_MEETUPS_DAYS },
            (c) => (
              <a href="/account">{c}</a>
            ),
            (c) => (
              <a href="/">{c}</a>
            ),
          )}
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
