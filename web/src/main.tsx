import { render } from 'preact';
import { crisisPath } from '../../functions/core/i18n/locales';
import { ZONE_COOKIE } from '../../functions/core/viewer-prefs';
import { ApiError } from './api';
import { followAccountLocale, Languages } from './components/languages';
import { firstLocale, locale, showLocale } from './i18n';
import { landed } from './landed';
import { keptAt, loadProblem, registerWorker } from './offline';
import { refreshUnread } from './pages/notifications';
import { keepPref } from './prefs';
import { pageReady } from './routes';
import { Nav, Route } from './shell';
import { loadMe, location, me, navigate, pageVersion } from './state';
import { giveBack, typedIn } from './typed';

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

// Pages the server renders say times in this browser's zone from the next visit on.
keepPref(ZONE_COOKIE, Intl.DateTimeFormat().resolvedOptions().timeZone);
// The page is shown in the reader's language from its first words; English if that cannot load.
// A page the server rendered (functions/pages) is rendered over, node for node, once the page's
// code is here too: what is on screen stays, and comes alive.
await Promise.all([showLocale(firstLocale()).catch(() => showLocale('en')), pageReady(location.value)]);
// Known signed out where the server said so (no session cookie came): the header as it drew it.
const session = landed<{ me: null }>('/session');
if (session) me.value = session.me;
render(<Nav />, document.getElementById('nav')!);
const main = document.getElementById('main')!;
const typed = typedIn(main);
render(<Route />, main);
giveBack(typed);
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
