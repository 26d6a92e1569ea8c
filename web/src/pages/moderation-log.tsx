/**
 * The moderation log, for a group's owners: every action taken on its posts, threads, members,
 * reports and support requests, newest first, with who took it and why.
 * @module
 */
import { LOG_ACTIONS, type LogAction } from '../../../functions/core/moderation-log';
import { t, tx } from '../i18n';
import { label } from '../labels';
import { Loaded, usePaged } from '../load';
import { me } from '../state';
import { Back, SignInFirst, Stamp, usePage } from '../ui';

interface Entry {
  action: string;
  actor: { displayName: string };
  target: string;
  reason: string;
  at: string;
}

/** A log entry's target: a post or thread links to where it is; a person's name is text. */
function Target({ target }: { target: string }) {
  if (/^[A-Za-z0-9_-]{48}$/.test(target))
    return <a href={`/threads/${target.slice(0, 33)}#post-${target}`}>{t('moderationLog.thePost')}</a>;
  if (/^[A-Za-z0-9_-]{33}$/.test(target))
    return <a href={`/threads/${target}`}>{t('moderationLog.theThread')}</a>;
  return <>{target}</>;
}

export function ModerationLogPage({ groupId }: { groupId: string }) {
  const h = usePage(t('moderationLog.title'));
  const { items, error, more } = usePaged<Entry>(me.value ? `/groups/${groupId}/audit` : null);
  if (me.value === null)
    return <SignInFirst title={t('moderationLog.title')} doing={t('moderationLog.signInToRead')} />;
  return (
    <>
      <Back href={`/groups/${groupId}/moderation`}>{t('moderationLog.moderation')}</Back>
      <h1 ref={h} tabIndex={-1}>
        {t('moderationLog.title')}
      </h1>
      <p class="meta">{t('moderationLog.intro')}</p>
      <Loaded error={error} items={items} empty={<p>{t('moderationLog.empty')}</p>}>
        {(items) => (
          <>
            <ul class="log">
              {items.map((e) => (
                <li key={`${e.at}-${e.action}-${e.target}`} class="card">
                  <p class="meta">
                    <Stamp at={e.at} /> · {e.actor.displayName}
                  </p>
                  <p>
                    {tx(
                      'moderationLog.entry',
                      {
                        action:
                          e.action in LOG_ACTIONS ? label('logAction', e.action as LogAction) : e.action,
                      },
                      (c) => (
                        <strong>{c}</strong>
                      ),
                      () => (
                        <Target target={e.target} />
                      ),
                    )}
                  </p>
                  {e.reason && <p class="meta">{e.reason}</p>}
                </li>
              ))}
            </ul>
            {more}
          </>
        )}
      </Loaded>
    </>
  );
}
