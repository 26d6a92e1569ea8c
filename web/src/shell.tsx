/**
 * The app's frame: the header's links, and the page for the address. Rendered by the browser
 * (main.tsx) and, for the pages a visit lands on, by the server first (functions/pages).
 * @module
 */
import { Fragment } from 'preact';
import { OfflineNote } from './components/offline-note';
import { num, t, tx } from './i18n';
import { unread } from './pages/notifications';
import { pageFor } from './routes';
import { location, me, pageVersion } from './state';
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

export function Route() {
  return (
    <>
      <OfflineNote />
      <Fragment key={pageVersion.value}>{pageFor(location.value) ?? <NotFound />}</Fragment>
    </>
  );
}

export function Nav() {
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
