/**
 * A group's discussions: the list of threads with a composer to start one, and a thread with its
 * posts and replies. A post that matched a crisis phrase brings its author the crisis panel, where
 * they are looking.
 * @module
 */

import { useEffect, useState } from 'preact/hooks';
import { canSeeAttendees } from '../../../functions/core/meetups';
import type { GroupDetail } from '../../../functions/core/schemas/groups';
import type { PostView, Signpost, ThreadView } from '../../../functions/core/schemas/threads';
import { api, get, post } from '../api';
import { Composer, Paused, type PostInput } from '../components/composer';
import { CrisisPanel } from '../components/crisis';
import { moderates, ReasonAction } from '../components/moderation-actions';
import { PostItem, professional } from '../components/post';
import { loadFolded } from '../components/reading';
import { t, tx } from '../i18n';
import { me, navigate } from '../state';
import { Back, Loading, SignInFirst, Stamp, usePage } from '../ui';

type Thread = ThreadView;
type Post = PostView;
type SignpostT = Signpost;

export function ThreadsPage({ groupId }: { groupId: string }) {
  const h = usePage(t('threads.title'));
  const [group, setGroup] = useState<GroupDetail | null>(null);
  const [threads, setThreads] = useState<Thread[] | null>(null);
  const [signpost, setSignpost] = useState<SignpostT>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    get<{ items: Thread[] }>(`/groups/${groupId}/threads?limit=50`)
      .then((r) => setThreads(r.items))
      .catch((e: Error) => setError(e.message));
  useEffect(() => {
    if (!me.value) return;
    void get<GroupDetail>(`/groups/${groupId}`).then(setGroup);
    void load();
  }, [groupId, me.value?.userId]);
  if (me.value === null) return <SignInFirst title={t('threads.title')} doing={t('threads.signInToRead')} />;
  return (
    <>
      <Back href={`/groups/${groupId}`}>{group?.name ?? t('threads.group')}</Back>
      <h1 ref={h} tabIndex={-1}>
        {t('threads.title')}
      </h1>
      {canSeeAttendees(group?.membership) && (
        <p>
          {moderates(group) && (
            <>
              <a href={`/groups/${groupId}/moderation`}>{t('threads.moderationLink')}</a> ·{' '}
            </>
          )}
          <a href={`/groups/${groupId}/support`}>{t('threads.supportLink')}</a>
        </p>
      )}
      {error ? (
        <p class="alert" role="alert">
          {error}
        </p>
      ) : !threads ? (
        <Loading />
      ) : threads.length === 0 ? (
        <p>{t('threads.none')}</p>
      ) : (
        <ul class="threads">
          {threads.map((th) => (
            <li key={th.threadId} class="card">
              <h2>
                <a href={`/threads/${th.threadId}`}>{th.title}</a>
              </h2>
              <p class="meta">
                {tx('threads.summary', { author: th.author.displayName, count: th.postCount }, () => (
                  <Stamp at={th.lastPostAt} />
                ))}
                {th.pinned ? ` · ${t('threads.pinnedNote')}` : ''}
                {th.locked ? ` · ${t('threads.lockedNote')}` : ''}
                {th.unread > 0 && <strong> · {t('threads.unread', { count: th.unread })}</strong>}
              </p>
            </li>
          ))}
        </ul>
      )}
      {signpost && (
        <CrisisPanel
          signpost={signpost}
          onClose={() => {
            setSignpost(null);
            document.getElementById('start')?.focus();
          }}
        />
      )}
      {!error && (
        <section aria-labelledby="start">
          <h2 id="start" tabIndex={-1}>
            {t('threads.start')}
          </h2>
          <Paused membership={group?.membership}>
            <Composer
              label={t('threads.start')}
              submitLabel={t('threads.post')}
              withTitle
              guidelines={group?.guidelines}
              membership={group?.membership}
              onSubmit={async (input) => {
                const r = await post<{ signpost: SignpostT; thread: Thread }>(
                  `/groups/${groupId}/threads`,
                  input,
                );
                // Where the new discussion is; unless its words need the crisis panel, shown here.
                if (!r.signpost) return navigate(`/threads/${r.thread.threadId}`);
                setSignpost(r.signpost);
                await load();
                void get<GroupDetail>(`/groups/${groupId}`).then(setGroup);
              }}
            />
          </Paused>
        </section>
      )}
    </>
  );
}

export function ThreadPage({ threadId }: { threadId: string }) {
  const [thread, setThread] = useState<Thread | null>(null);
  const [group, setGroup] = useState<GroupDetail | null>(null);
  const [posts, setPosts] = useState<Post[] | null>(null);
  const [arrived, setArrived] = useState<string | null>(null);
  useEffect(() => {
    if (!arrived) return;
    const el = document.getElementById(`post-${arrived}`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
  }, [arrived, posts]);
  const [signpost, setSignpost] = useState<SignpostT>(null);
  const [error, setError] = useState<string | null>(null);
  // The heading shows once the posts are there too: the title changes then, and focus lands on it.
  const h = usePage(thread && posts ? thread.title : t('threads.discussion'));
  const load = async () => {
    try {
      const th = await get<Thread>(`/threads/${threadId}`);
      setThread(th);
      if (group?.groupId !== th.groupId) setGroup(await get<GroupDetail>(`/groups/${th.groupId}`));
      const all: Post[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Post[]; nextCursor: string | null } = await get(
          `/threads/${threadId}/posts?limit=50${cursor ? `&cursor=${cursor}` : ''}`,
        );
        all.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor && all.length < 500);
      setPosts(all);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  useEffect(() => {
    if (me.value) {
      void Promise.all([loadFolded(), load()]);
      void get<{ status: string }>('/me/professional').then((r) => {
        professional.value = r.status === 'verified';
      });
    }
  }, [threadId, me.value?.userId]);
  if (me.value === null)
    return <SignInFirst title={t('threads.discussion')} doing={t('threads.signInToReadOne')} />;
  if (error)
    return (
      <>
        <h1 ref={h} tabIndex={-1}>
          {t('threads.discussion')}
        </h1>
        <p class="alert" role="alert">
          {error}
        </p>
      </>
    );
  if (!thread || !posts) return <Loading />;
  const ids = new Set(posts.map((p) => p.postId));
  const item = (p: Post) => ({
    p,
    groupId: thread.groupId,
    onChange: (next: Post) => setPosts(posts.map((x) => (x.postId === next.postId ? next : x))),
    onSignpost: setSignpost,
    mod: moderates(group) ? load : undefined,
  });
  const reply = async (input: PostInput & { replyTo?: string }) => {
    const r = await post<{ signpost: SignpostT; post: Post }>(`/threads/${threadId}/posts`, input);
    setSignpost(r.signpost);
    await load();
    // The new post is the feedback: in view, with the keyboard on it (the panel takes both instead).
    if (!r.signpost) setArrived(r.post.postId);
  };
  return (
    <>
      <Back href={`/groups/${thread.groupId}/threads`}>{t('threads.title')}</Back>
      <h1 ref={h} tabIndex={-1}>
        {thread.title}
      </h1>
      <div class="actions">
        <button
          type="button"
          class="secondary small"
          aria-pressed={!!thread.following}
          onClick={async () => {
            await api('PUT', `/threads/${threadId}/follow`, { following: !thread.following });
            setThread({ ...thread, following: !thread.following });
          }}
        >
          {thread.following ? t('threads.following') : t('threads.follow')}
        </button>
        <span class="meta">{thread.following ? t('threads.followingHint') : t('threads.followHint')}</span>
      </div>
      {(thread.pinned || thread.locked) && (
        <p class="meta">
          {[thread.pinned && t('threads.pinned'), thread.locked && t('threads.locked')]
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}
      {moderates(group) && (
        <div class="actions moderation">
          <span class="label">{t('threads.moderator')}</span>
          <ReasonAction
            label={thread.locked ? t('threads.unlock') : t('threads.lock')}
            why={thread.locked ? t('threads.whyUnlock') : t('threads.whyLock')}
            confirm={thread.locked ? t('threads.unlockConfirm') : t('threads.lockConfirm')}
            act={async (reason) => {
              await post(`/threads/${threadId}/lock`, { locked: !thread.locked, reason });
              await load();
            }}
          />
          <ReasonAction
            label={thread.pinned ? t('threads.unpin') : t('threads.pin')}
            why={thread.pinned ? t('threads.whyUnpin') : t('threads.whyPin')}
            confirm={thread.pinned ? t('threads.unpinConfirm') : t('threads.pinConfirm')}
            act={async (reason) => {
              await post(`/threads/${threadId}/pin`, { pinned: !thread.pinned, reason });
              await load();
            }}
          />
        </div>
      )}
      <ol class="posts">
        {posts
          .filter((p) => !p.replyTo || !ids.has(p.replyTo))
          .map((p) => {
            const answers = posts.filter((r) => r.replyTo === p.postId);
            return (
              <PostItem
                key={p.postId}
                {...item(p)}
                onReply={
                  thread.locked || p.deleted ? undefined : (input) => reply({ ...input, replyTo: p.postId })
                }
                replies={
                  answers.length > 0 && (
                    <ol
                      class="posts replies"
                      aria-label={t('threads.repliesTo', { name: p.author.displayName })}
                    >
                      {answers.map((r) => (
                        <PostItem key={r.postId} {...item(r)} />
                      ))}
                    </ol>
                  )
                }
              />
            );
          })}
      </ol>
      {signpost && (
        <CrisisPanel
          signpost={signpost}
          onClose={() => {
            setSignpost(null);
            document.getElementById('reply')?.focus();
          }}
        />
      )}
      {thread.locked ? (
        <p class="notice">{t('threads.lockedNotice')}</p>
      ) : (
        <section aria-labelledby="reply">
          <h2 id="reply" tabIndex={-1}>
            {t('threads.reply')}
          </h2>
          <Paused membership={group?.membership}>
            <Composer
              label={t('threads.reply')}
              submitLabel={t('threads.reply')}
              guidelines={group?.guidelines}
              membership={group?.membership}
              onSubmit={reply}
            />
          </Paused>
        </section>
      )}
    </>
  );
}
