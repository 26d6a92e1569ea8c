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
import { me, navigate } from '../state';
import { Back, Loading, SignInFirst, Stamp, usePage } from '../ui';

type Thread = ThreadView;
type Post = PostView;
type SignpostT = Signpost;

export function ThreadsPage({ groupId }: { groupId: string }) {
  const h = usePage('Discussions');
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
  if (me.value === null) return <SignInFirst title="Discussions" doing="read the group’s discussions" />;
  return (
    <>
      <Back href={`/groups/${groupId}`}>{group?.name ?? 'Group'}</Back>
      <h1 ref={h} tabIndex={-1}>
        Discussions
      </h1>
      {canSeeAttendees(group?.membership) && (
        <p>
          {moderates(group) && (
            <>
              <a href={`/groups/${groupId}/moderation`}>Moderation: waiting posts and reports</a> ·{' '}
            </>
          )}
          <a href={`/groups/${groupId}/support`}>Support requests</a>
        </p>
      )}
      {error ? (
        <p class="alert" role="alert">
          {error}
        </p>
      ) : !threads ? (
        <Loading />
      ) : threads.length === 0 ? (
        <p>No discussions yet. Start one below.</p>
      ) : (
        <ul class="threads">
          {threads.map((t) => (
            <li key={t.threadId} class="card">
              <h2>
                <a href={`/threads/${t.threadId}`}>{t.title}</a>
              </h2>
              <p class="meta">
                {t.author.displayName} · {t.postCount} {t.postCount === 1 ? 'post' : 'posts'} · last{' '}
                <Stamp at={t.lastPostAt} />
                {t.pinned ? ' · pinned' : ''}
                {t.locked ? ' · locked' : ''}
                {t.unread > 0 && <strong> · {t.unread} new</strong>}
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
            Start a discussion
          </h2>
          <Paused membership={group?.membership}>
            <Composer
              label="Start a discussion"
              submitLabel="Post"
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
  const h = usePage(thread && posts ? thread.title : 'Discussion');
  const load = async () => {
    try {
      const t = await get<Thread>(`/threads/${threadId}`);
      setThread(t);
      if (group?.groupId !== t.groupId) setGroup(await get<GroupDetail>(`/groups/${t.groupId}`));
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
  if (me.value === null) return <SignInFirst title="Discussion" doing="read this discussion" />;
  if (error)
    return (
      <>
        <h1 ref={h} tabIndex={-1}>
          Discussion
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
      <Back href={`/groups/${thread.groupId}/threads`}>Discussions</Back>
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
          {thread.following ? 'Following' : 'Follow'}
        </button>
        <span class="meta">
          {thread.following
            ? 'New posts show under “Discussions you follow” in your notifications.'
            : 'Follow to see new posts under “Discussions you follow”.'}
        </span>
      </div>
      {(thread.pinned || thread.locked) && (
        <p class="meta">
          {[thread.pinned && 'Pinned', thread.locked && 'Locked'].filter(Boolean).join(' · ')}
        </p>
      )}
      {moderates(group) && (
        <div class="actions moderation">
          <span class="label">Moderator:</span>
          <ReasonAction
            label={thread.locked ? 'Unlock' : 'Lock'}
            confirm={thread.locked ? 'Unlock the thread' : 'Lock the thread'}
            act={async (reason) => {
              await post(`/threads/${threadId}/lock`, { locked: !thread.locked, reason });
              await load();
            }}
          />
          <ReasonAction
            label={thread.pinned ? 'Unpin' : 'Pin'}
            confirm={thread.pinned ? 'Unpin the thread' : 'Pin it to the top'}
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
                    <ol class="posts replies" aria-label={`Replies to ${p.author.displayName}`}>
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
        <p class="notice">This discussion is locked: no new replies.</p>
      ) : (
        <section aria-labelledby="reply">
          <h2 id="reply" tabIndex={-1}>
            Reply
          </h2>
          <Paused membership={group?.membership}>
            <Composer
              label="Reply"
              submitLabel="Reply"
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
