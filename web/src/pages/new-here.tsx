import type { ComponentChildren } from 'preact';
import { crisisHref, t, tx } from '../i18n';
import { usePage } from '../ui';

export function NewHerePage() {
  const h = usePage(t('newHere.title'));
  const strong = (c: ComponentChildren) => <strong>{c}</strong>;
  return (
    <article>
      <h1 ref={h} tabIndex={-1}>
        {t('newHere.title')}
      </h1>
      <p class="lead">{t('newHere.lead')}</p>
      <h2>{t('newHere.choosing')}</h2>
      <ul>
        <li>{tx('newHere.focus', undefined, strong)}</li>
        <li>{tx('newHere.tone', undefined, strong)}</li>
        <li>{tx('newHere.moderation', undefined, strong)}</li>
        <li>{tx('newHere.meeting', undefined, strong)}</li>
        <li>{t('newHere.guidelines')}</li>
      </ul>
      <h2>{t('newHere.safe')}</h2>
      <ul>
        <li>{t('newHere.handle')}</li>
        <li>{t('newHere.details')}</li>
        <li>{t('newHere.venues')}</li>
        <li>{t('newHere.codes', { signOutEverywhere: t('account.signOutEverywhere') })}</li>
        <li>{t('newHere.worries')}</li>
      </ul>
      <h2>{t('newHere.professional')}</h2>
      <p>{t('newHere.complements')}</p>
      <p>
        {tx('newHere.danger', undefined, strong, (c) => (
          <a href={crisisHref()}>{c}</a>
        ))}
      </p>
      <p>
        <a class="button" href="/">
          {t('newHere.browse')}
        </a>
      </p>
    </article>
  );
}
