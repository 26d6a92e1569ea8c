import { render } from 'preact';
import { AccountPage } from './pages/account';
import { RecoverPage, SignInPage, SignUpPage } from './pages/auth';
import { CalendarPage } from './pages/calendar';
import { ConversationPage, GroupConversationsPage, MyConversationsPage } from './pages/conversations';
import { DirectoryPage } from './pages/directory';
import { MyDutiesPage } from './pages/duties';
import { GroupPage } from './pages/group';
import { GroupFormPage } from './pages/group-form';
import { EditOccurrencePage, ScheduleMeetupPage } from './pages/meetup-form';
import { MembersPage } from './pages/members';
import { ModerationPage } from './pages/moderation';
import { ModerationLogPage } from './pages/moderation-log';
import { NewHerePage } from './pages/new-here';
import { MyMeetupsPage, NotificationsPage, refreshUnread, unread } from './pages/notifications';
import { OccurrencePage } from './pages/occurrence';
import { AdminProfessionalsPage, ProfessionalPage } from './pages/professional';
import { ResourcePage } from './pages/resource';
import { ReviewQueuePage } from './pages/resource-review';
import { SuggestPage } from './pages/resource-suggest';
import { ResourceDirectoryPage } from './pages/resources';
import { RosterPage } from './pages/roster';
import { SafetyPlanPage } from './pages/safety-plan';
import { MonthView } from './pages/schedule';
import { EditSeriesPage } from './pages/series-form';
import { SupportPage } from './pages/support';
import { ThreadPage, ThreadsPage } from './pages/threads';
import { WelcomePage } from './pages/welcome';
import { loadMe, location, me, navigate } from './state';
import { usePage } from './ui';

function NotFound() {
  const h = usePage('Not found');
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        Page not found
      </h1>
      <p>
        That page does not exist, or the group is private. <a href="/">Browse groups</a>.
      </p>
    </>
  );
}

function Route() {
  const path = location.value.pathname;
  if (path === '/') return <DirectoryPage />;
  if (path === '/signup') return <SignUpPage />;
  if (path === '/signin') return <SignInPage />;
  if (path === '/recover') return <RecoverPage />;
  if (path === '/account') return <AccountPage />;
  if (path === '/new-here') return <NewHerePage />;
  if (path === '/welcome') return <WelcomePage />;
  if (path === '/groups/new') return <GroupFormPage />;
  if (path === '/notifications') return <NotificationsPage />;
  if (path === '/me/meetups') return <MyMeetupsPage />;
  if (path === '/me/calendar') return <CalendarPage />;
  if (path === '/me/duties') return <MyDutiesPage />;
  if (path === '/me/safety-plan') return <SafetyPlanPage />;
  if (path === '/me/conversations') return <MyConversationsPage />;
  if (path === '/resources') return <ResourceDirectoryPage />;
  if (path === '/resources/suggest') return <SuggestPage />;
  if (path === '/resources/review') return <ReviewQueuePage />;
  if (path === '/professional') return <ProfessionalPage />;
  if (path === '/admin/professionals') return <AdminProfessionalsPage />;
  const res = /^\/resources\/([A-Za-z0-9_-]{22}(?:[A-Za-z0-9_-]{11})?)$/.exec(path);
  if (res) return <ResourcePage resourceId={res[1]!} key={res[1]} />;
  const m =
    /^\/groups\/([A-Za-z0-9_-]{22})(\/edit|\/members|\/schedule|\/meetups\/new|\/threads|\/moderation|\/roster|\/support|\/conversations|\/log)?$/.exec(
      path,
    );
  if (m) {
    const id = m[1]!;
    if (m[2] === '/edit') return <GroupFormPage groupId={id} key={`${id}-edit`} />;
    if (m[2] === '/members') return <MembersPage groupId={id} key={`${id}-members`} />;
    if (m[2] === '/meetups/new') return <ScheduleMeetupPage groupId={id} key={`${id}-new`} />;
    if (m[2] === '/threads') return <ThreadsPage groupId={id} key={`${id}-threads`} />;
    if (m[2] === '/moderation') return <ModerationPage groupId={id} key={`${id}-moderation`} />;
    if (m[2] === '/roster') return <RosterPage groupId={id} key={`${id}-roster`} />;
    if (m[2] === '/support') return <SupportPage groupId={id} key={`${id}-support`} />;
    if (m[2] === '/conversations') return <GroupConversationsPage groupId={id} key={`${id}-conversations`} />;
    if (m[2] === '/log') return <ModerationLogPage groupId={id} key={`${id}-log`} />;
    if (m[2] === '/schedule') {
      const month = location.value.searchParams.get('month') ?? new Date().toISOString().slice(0, 7);
      return (
        <SchedulePage
          groupId={id}
          month={/^\d{4}-\d{2}$/.test(month) ? month : new Date().toISOString().slice(0, 7)}
        />
      );
    }
    return <GroupPage groupId={id} key={id} />;
  }
  const o = /^\/occurrences\/([A-Za-z0-9_-]{33})(\/edit)?$/.exec(path);
  if (o)
    return o[2] ? (
      <EditOccurrencePage occurrenceId={o[1]!} key={`${o[1]}-edit`} />
    ) : (
      <OccurrencePage occurrenceId={o[1]!} key={o[1]} />
    );
  const c = /^\/conversations\/([A-Za-z0-9_-]{37})$/.exec(path);
  if (c) return <ConversationPage conversationId={c[1]!} key={c[1]} />;
  const t = /^\/threads\/([A-Za-z0-9_-]{33})$/.exec(path);
  if (t) return <ThreadPage threadId={t[1]!} key={t[1]} />;
  const s = /^\/meetups\/([A-Za-z0-9_-]{33})\/edit$/.exec(path);
  if (s) return <EditSeriesPage meetupId={s[1]!} key={s[1]} />;
  return <NotFound />;
}

function Nav() {
  const path = location.value.pathname;
  const link = (href: string, label: string) => (
    <a href={href} aria-current={path === href ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <>
      {link('/', 'Groups')}
      {link('/new-here', 'New here?')}
      {link('/resources', 'Resources')}
      {me.value ? link('/me/meetups', 'My meetups') : null}
      {me.value?.facilitates ? link('/me/duties', 'My duties') : null}
      {me.value ? (
        <a href="/notifications" aria-current={path === '/notifications' ? 'page' : undefined}>
          Notifications
          {unread.value ? (
            <span class="badge">
              {' '}
              {unread.value}
              <span class="visually-hidden"> unread</span>
            </span>
          ) : null}
        </a>
      ) : null}
      {me.value ? link('/account', me.value.handle) : null}
      {me.value === null ? link('/signin', 'Sign in') : null}
      {me.value === null ? link('/signup', 'Join Hearth') : null}
    </>
  );
}

/** Same-origin links navigate inside the app; everything else behaves as a normal link. */
document.addEventListener('click', (e) => {
  const a = (e.target as Element).closest?.('a');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const url = new URL(a.href, window.location.href);
  if (
    url.origin !== window.location.origin ||
    a.target ||
    a.hasAttribute('download') ||
    url.pathname.endsWith('.html')
  )
    return;
  e.preventDefault();
  navigate(url.pathname + url.search + url.hash);
  window.scrollTo(0, 0);
});
for (const event of ['popstate', 'hashchange']) {
  window.addEventListener(event, () => {
    location.value = new URL(window.location.href);
  });
}

function SchedulePage({ groupId, month }: { groupId: string; month: string }) {
  const h = usePage('Schedule');
  return (
    <>
      <p>
        <a href={`/groups/${groupId}`}>← Back to the group</a>
      </p>
      <h1 ref={h} tabIndex={-1}>
        Schedule
      </h1>
      <MonthView groupId={groupId} month={month} />
    </>
  );
}

render(<Nav />, document.getElementById('nav')!);
render(<Route />, document.getElementById('main')!);
void loadMe().then(refreshUnread);
// The unread count follows navigation, cheaply: one small request per page.
location.subscribe(() => void refreshUnread());
