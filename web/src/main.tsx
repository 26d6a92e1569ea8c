import { Fragment, render } from 'preact';
import { crisisPath } from '../../functions/core/i18n/locales';
import { ApiError } from './api';
import { followAccountLocale, Languages } from './components/languages';
import { OfflineNote } from './components/offline-note';
import { firstLocale, locale, num, showLocale, t, tx } from './i18n';
import { keptAt, loadProblem, registerWorker } from './offline';
import { refreshUnread, unread } from './pages/notifications';
import { pageFor } from './routes';
import { loadMe, location, me, navigate, pageVersion } from './state';
import { usePage } from './ui';

function NotFound() {
  const h = usePage(t('notFound.title'));
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        {t('notFound.heading')}
      </h1>
      <p>
        {tx('notFound.body', undefined, (c) => (
          <a href="/">{c}</a>
        ))}
      </p>
    </>
  );
}

function Route() {
  return (
    <>
      <OfflineNote />
      <Fragment key={pageVersion.value}>{pageFor(location.value) ?? <NotFound />}</Fragment>
    </>
  );
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
      {link('/', t('nav.groups'))}
      {link('/new-here', t('nav.newHere'))}
      {link('/resources', t('nav.resources'))}
      {me.value ? link('/me/meetups', t('nav.myMeetups')) : null}
      {me.value?.facilitates ? link('/me/duties', t('nav.myDuties')) : null}
      {me.value ? (
        <a href="/notifications" aria-current={path === '/notifications' ? 'page' : undefined}>
          {t('nav.notifications')}
          {unread.value ? (
            <span class="badge">
              {' '}
              <span aria-hidden="true">{num(unread.value)}</span>
              <span class="visually-hidden">{t('nav.unread', { count: unread.value })}</span>
            </span>
          ) : null}
        </a>
      ) : null}
      {me.value ? link('/account', me.value.handle) : null}
      {me.value === null ? link('/signin', t('nav.signIn')) : null}
      {me.value === null ? link('/signup', t('nav.join')) : null}
    </>
  );
}

/** Same-origin links navigate inside the app; everything else behaves as a normal link. */
document.addEventListener('click', (e) => {
  const a = (e.target as Element).closest?.('a');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const url = new URL(a.href, window.location.href);
  // The crisis page opens in the language on show (every page of the app links the English one).
  if (url.origin === window.location.origin && url.pathname === '/crisis.html' && locale.value !== 'en') {
    e.preventDefault();
    window.location.assign(crisisPath(locale.value));
    return;
  }
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

// The page is shown in the reader's language from its first words; English if that cannot load.
await showLocale(firstLocale()).catch(() => showLocale('en'));
render(<Nav />, document.getElementById('nav')!);
render(<Route />, document.getElementById('main')!);
render(<Languages />, document.getElementById('languages')!);
void loadMe().then(refreshUnread);
// Whoever signs in here is spoken to in their account's language (see followAccountLocale).
me.subscribe(() => void followAccountLocale());
registerWorker();
// The unread count follows navigation, cheaply: one small request per page.
const afresh = () => {
  // A new page (or the same one shown afresh) says anew what it shows and what it could not load.
  keptAt.value = null;
  loadProblem.value = null;
  void refreshUnread();
};
location.subscribe(afresh);
pageVersion.subscribe(afresh);
// A page that could not load what it shows, and did not say so itself: said above it, once.
window.addEventListener('unhandledrejection', (e) => {
  if (!(e.reason instanceof ApiError)) return;
  loadProblem.value = e.reason.message;
  e.preventDefault();
});
