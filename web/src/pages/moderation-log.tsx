/**
 * The moderation log, for a group's owners: every action taken on its posts, threads, members,
 * reports and support requests, newest first, with who took it and why.
 * @module
 */
import { LOG_ACTIONS, type LogAction } from '../../../functions/core/moderation-log';
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
    return <a href={`/threads/${target.slice(0, 33)}#post-${target}`}>the post</a>;
  if (/^[A-Za-z0-9_-]{33}$/.test(target)) return <a href={`/threads/${target}`}>the thread</a>;
  return <>{target}</>;
}

export function ModerationLogPage({ groupId }: { groupId: string }) {
  const h = usePage('Moderation log');
  const { items, error, more } = usePaged<Entry>(me.value ? `/groups/${groupId}/audit` : null);
  if (me.value === null) return <SignInFirst title="Moderation log" doing="read the moderation log" />;
  return (
    <>
      <Back href={`/groups/${groupId}/moderation`}>Moderation</Back>
      <h1 ref={h} tabIndex={-1}>
        Moderation log
      </h1>
      <p class="meta">
        Every moderator action and every step of a support request, newest first. Only owners see it.
      </p>
      <Loaded error={error} items={items} empty={<p>Nothing has happened yet.</p>}>
        {(items) => (
          <>
            <ul class="log">
              {items.map((e) => (
                <li key={`${e.at}-${e.action}-${e.target}`} class="card">
                  <p class="meta">
                    <Stamp at={e.at} /> · {e.actor.displayName}
                  </p>
                  <p>
                    <strong>{LOG_ACTIONS[e.action as LogAction] ?? e.action}</strong>:{' '}
                    <Target target={e.target} />
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
