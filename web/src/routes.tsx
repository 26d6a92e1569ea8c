/**
 * Every page of the app, by path: one table, read top to bottom, first match wins. A `:name`
 * segment matches an id of that kind (its length); the page is given the ids by name, and is
 * keyed by the path, so another id opens a fresh page.
 * @module
 */
import { cloneElement, type JSX } from 'preact';
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
import { MyMeetupsPage, NotificationsPage } from './pages/notifications';
import { OccurrencePage } from './pages/occurrence';
import { OutcomesPage } from './pages/outcomes';
import { AdminProfessionalsPage, ProfessionalPage } from './pages/professional';
import { ResourcePage } from './pages/resource';
import { ReviewQueuePage } from './pages/resource-review';
import { SuggestPage } from './pages/resource-suggest';
import { ResourceDirectoryPage } from './pages/resources';
import { RosterPage } from './pages/roster';
import { SafetyPlanPage } from './pages/safety-plan';
import { SchedulePage } from './pages/schedule';
import { EditSeriesPage } from './pages/series-form';
import { SupportPage } from './pages/support';
import { ThreadPage, ThreadsPage } from './pages/threads';
import { WelcomePage } from './pages/welcome';
import { WellbeingPage } from './pages/wellbeing';

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

const thisMonth = () => new Date().toISOString().slice(0, 7);

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
