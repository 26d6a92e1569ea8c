/**
 * Every page of the app, by path: one table, read top to bottom, first match wins. A `:name`
 * segment matches an id of that kind (its length); the page is given the ids by name, and is
 * keyed by the path, so another id opens a fresh page.
 * @module
 */
import { cloneElement, type JSX } from 'preact';
import { serverNow } from './api';
import { type LazyPage, lazy } from './lazy';
// The directory, where most visits start, comes with the app; every other page is a file of its own.
import { DirectoryPage } from './pages/directory';

const AccountPage = lazy(() => import('./pages/account').then((m) => m.AccountPage));
const RecoverPage = lazy(() => import('./pages/auth').then((m) => m.RecoverPage));
const SignInPage = lazy(() => import('./pages/auth').then((m) => m.SignInPage));
const SignUpPage = lazy(() => import('./pages/auth').then((m) => m.SignUpPage));
const CalendarPage = lazy(() => import('./pages/calendar').then((m) => m.CalendarPage));
const ConversationPage = lazy(() => import('./pages/conversations').then((m) => m.ConversationPage));
const GroupConversationsPage = lazy(() =>
  import('./pages/conversations').then((m) => m.GroupConversationsPage),
);
const MyConversationsPage = lazy(() => import('./pages/conversations').then((m) => m.MyConversationsPage));
const MyDutiesPage = lazy(() => import('./pages/duties').then((m) => m.MyDutiesPage));
const GroupPage = lazy(() => import('./pages/group').then((m) => m.GroupPage));
const GroupFormPage = lazy(() => import('./pages/group-form').then((m) => m.GroupFormPage));
const EditOccurrencePage = lazy(() => import('./pages/meetup-form').then((m) => m.EditOccurrencePage));
const ScheduleMeetupPage = lazy(() => import('./pages/meetup-form').then((m) => m.ScheduleMeetupPage));
const MembersPage = lazy(() => import('./pages/members').then((m) => m.MembersPage));
const ModerationPage = lazy(() => import('./pages/moderation').then((m) => m.ModerationPage));
const ModerationLogPage = lazy(() => import('./pages/moderation-log').then((m) => m.ModerationLogPage));
const NewHerePage = lazy(() => import('./pages/new-here').then((m) => m.NewHerePage));
const MyMeetupsPage = lazy(() => import('./pages/notifications').then((m) => m.MyMeetupsPage));
const NotificationsPage = lazy(() => import('./pages/notifications').then((m) => m.NotificationsPage));
const OccurrencePage = lazy(() => import('./pages/occurrence').then((m) => m.OccurrencePage));
const OutcomesPage = lazy(() => import('./pages/outcomes').then((m) => m.OutcomesPage));
const AdminProfessionalsPage = lazy(() =>
  import('./pages/professional').then((m) => m.AdminProfessionalsPage),
);
const ProfessionalPage = lazy(() => import('./pages/professional').then((m) => m.ProfessionalPage));
const ResourcePage = lazy(() => import('./pages/resource').then((m) => m.ResourcePage));
const ReviewQueuePage = lazy(() => import('./pages/resource-review').then((m) => m.ReviewQueuePage));
const SuggestPage = lazy(() => import('./pages/resource-suggest').then((m) => m.SuggestPage));
const ResourceDirectoryPage = lazy(() => import('./pages/resources').then((m) => m.ResourceDirectoryPage));
const RosterPage = lazy(() => import('./pages/roster').then((m) => m.RosterPage));
const SafetyPlanPage = lazy(() => import('./pages/safety-plan').then((m) => m.SafetyPlanPage));
const SchedulePage = lazy(() => import('./pages/schedule').then((m) => m.SchedulePage));
const EditSeriesPage = lazy(() => import('./pages/series-form').then((m) => m.EditSeriesPage));
const SupportPage = lazy(() => import('./pages/support').then((m) => m.SupportPage));
const ThreadPage = lazy(() => import('./pages/threads').then((m) => m.ThreadPage));
const ThreadsPage = lazy(() => import('./pages/threads').then((m) => m.ThreadsPage));
const WelcomePage = lazy(() => import('./pages/welcome').then((m) => m.WelcomePage));
const WellbeingPage = lazy(() => import('./pages/wellbeing').then((m) => m.WellbeingPage));

const ID = '[A-Za-z0-9_-]';
/** What each kind of id looks like (a group's is 22 characters; what is inside a group adds 11). */
const IDS: Record<string, string> = {
  groupId: `${ID}{22}`,
  resourceId: `${ID}{22}(?:${ID}{11})?`,
  occurrenceId: `${ID}{33}`,
  meetupId: `${ID}{33}`,
  threadId: `${ID}{33}`,
  conversationId: `${ID}{37}`,
};

type Params = Record<string, string>;
type View = (params: Params, query: URLSearchParams) => JSX.Element;

/** This month, by the server's clock (a device's own may be wrong). */
const thisMonth = () => new Date(serverNow()).toISOString().slice(0, 7);

export const ROUTES: [string, View][] = [
  ['/', () => <DirectoryPage />],
  ['/signup', () => <SignUpPage />],
  ['/signin', () => <SignInPage />],
  ['/recover', () => <RecoverPage />],
  ['/account', () => <AccountPage />],
  ['/new-here', () => <NewHerePage />],
  ['/welcome', () => <WelcomePage />],
  ['/notifications', () => <NotificationsPage />],
  ['/me/meetups', () => <MyMeetupsPage />],
  ['/me/calendar', () => <CalendarPage />],
  ['/me/duties', () => <MyDutiesPage />],
  ['/me/safety-plan', () => <SafetyPlanPage />],
  ['/me/wellbeing', () => <WellbeingPage />],
  ['/me/conversations', () => <MyConversationsPage />],
  ['/resources', () => <ResourceDirectoryPage />],
  ['/resources/suggest', () => <SuggestPage />],
  ['/resources/review', () => <ReviewQueuePage />],
  ['/resources/:resourceId', (p) => <ResourcePage resourceId={p.resourceId!} />],
  ['/professional', () => <ProfessionalPage />],
  ['/admin/professionals', () => <AdminProfessionalsPage />],
  ['/groups/new', () => <GroupFormPage />],
  ['/groups/:groupId', (p) => <GroupPage groupId={p.groupId!} />],
  ['/groups/:groupId/edit', (p) => <GroupFormPage groupId={p.groupId!} />],
  ['/groups/:groupId/members', (p) => <MembersPage groupId={p.groupId!} />],
  ['/groups/:groupId/meetups/new', (p) => <ScheduleMeetupPage groupId={p.groupId!} />],
  ['/groups/:groupId/threads', (p) => <ThreadsPage groupId={p.groupId!} />],
  ['/groups/:groupId/moderation', (p) => <ModerationPage groupId={p.groupId!} />],
  ['/groups/:groupId/roster', (p) => <RosterPage groupId={p.groupId!} />],
  ['/groups/:groupId/outcomes', (p) => <OutcomesPage groupId={p.groupId!} />],
  ['/groups/:groupId/support', (p) => <SupportPage groupId={p.groupId!} />],
  ['/groups/:groupId/conversations', (p) => <GroupConversationsPage groupId={p.groupId!} />],
  ['/groups/:groupId/log', (p) => <ModerationLogPage groupId={p.groupId!} />],
  [
    '/groups/:groupId/schedule',
    (p, query) => {
      const month = query.get('month') ?? '';
      return <SchedulePage groupId={p.groupId!} month={/^\d{4}-\d{2}$/.test(month) ? month : thisMonth()} />;
    },
  ],
  ['/occurrences/:occurrenceId', (p) => <OccurrencePage occurrenceId={p.occurrenceId!} />],
  ['/occurrences/:occurrenceId/edit', (p) => <EditOccurrencePage occurrenceId={p.occurrenceId!} />],
  ['/meetups/:meetupId/edit', (p) => <EditSeriesPage meetupId={p.meetupId!} />],
  ['/threads/:threadId', (p) => <ThreadPage threadId={p.threadId!} />],
  ['/conversations/:conversationId', (p) => <ConversationPage conversationId={p.conversationId!} />],
];

const compiled = ROUTES.map(([path, view]) => {
  const names: string[] = [];
  const source = path.replace(/:(\w+)/g, (_, name: string) => {
    names.push(name);
    return `(${IDS[name] ?? '[^/]+'})`;
  });
  return { pattern: new RegExp(`^${source}$`), names, view };
});

/** The page for a URL, or null when no page has that path. */
export function pageFor(url: URL): JSX.Element | null {
  for (const { pattern, names, view } of compiled) {
    const m = pattern.exec(url.pathname);
    if (!m) continue;
    const params = Object.fromEntries(names.map((n, i) => [n, m[i + 1]!]));
    return cloneElement(view(params, url.searchParams), { key: url.pathname });
  }
  return null;
}

/**
 * Loads the code of the page at `url` when it is a file of its own, so that the app's first
 * render shows the page the server rendered rather than "Loading…" over it.
 */
export async function pageReady(url: URL): Promise<void> {
  const type = pageFor(url)?.type as Partial<LazyPage<object>> | undefined;
  await type?.ready?.();
}
