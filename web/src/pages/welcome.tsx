import { useState } from 'preact/hooks';
import { crisisHref, t, tx } from '../i18n';
import { me, navigate } from '../state';
import { usePage } from '../ui';

/** Where a new account lands once its recovery codes are saved: the next steps, not a bare list. */
export function WelcomePage() {
  const h = usePage(t('welcome.title'));
  const [q, setQ] = useState('');
  const find = (e: Event) => {
    e.preventDefault();
    navigate(q.trim() ? `/?q=${encodeURIComponent(q.trim())}` : '/');
  };
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        {me.value ? t('welcome.headingNamed', { handle: me.value.handle }) : t('welcome.title')}
      </h1>
      <p class="lead">{t('welcome.lead')}</p>
      <ul class="cards wide">
        <li class="card">
          <h2>{t('welcome.findHeading')}</h2>
          <p>{t('welcome.findBody')}</p>
          <search>
            <form class="inline" onSubmit={find}>
              <div class="field">
                <label for="welcome-q">{t('welcome.searchLabel')}</label>
                <input id="welcome-q" type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
              </div>
              <button type="submit">{t('welcome.searchButton')}</button>
            </form>
          </search>
          <p>
            <a href="/">{t('welcome.everyGroup')}</a>
          </p>
        </li>
        <li class="card">
          <h2>{t('welcome.notSureHeading')}</h2>
          <p>
            {tx('welcome.notSureBody', { newHere: t('nav.newHere') }, (c) => (
              <a href="/new-here">{c}</a>
            ))}
          </p>
        </li>
        <li class="card">
          <h2>{t('welcome.aloneHeading')}</h2>
          <p>
            {tx('welcome.aloneBody', undefined, (c) => (
              <a href="/me/safety-plan">{c}</a>
            ))}
          </p>
        </li>
        <li class="card">
          <h2>{t('welcome.ownHeading')}</h2>
          <p>
            {tx('welcome.ownBody', undefined, (c) => (
              <a href="/groups/new">{c}</a>
            ))}
          </p>
        </li>
      </ul>
      <p>
        {tx('welcome.help', { needHelp: t('shell.needHelp') }, (c) => (
          <a href={crisisHref()}>{c}</a>
        ))}
      </p>
    </>
  );
}
