import { signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import {
  CRISIS_REGIONS,
  type CrisisRegion,
  dialable,
  ELSEWHERE,
  REGION_CODES,
  type RegionCode,
} from '../../../functions/core/crisis-lines';
import type { GroupDetail } from '../../../functions/core/schemas/groups';
import type { PostView, Signpost, ThreadView } from '../../../functions/core/schemas/threads';
import {
  CONTENT_WARNINGS,
  type ContentWarning,
  REACTIONS,
  REPORT_REASONS,
  type Reaction,
} from '../../../functions/core/threads';
import { api, get, post } from '../api';
import { Markdown } from '../markdown';
import { me } from '../state';
import { ErrorSummary, Field, Loading, SignInFirst, Stamp, usePage, useSubmit } from '../ui';
import { moderates, PostModeration, ReasonAction } from './moderation';

/** The content warnings whose posts stay folded for the reader (until loaded: all of them). */
const folded = signal<{ userId: string; labels: ContentWarning[] } | null>(null);
const ALL_LABELS = Object.keys(CONTENT_WARNINGS) as ContentWarning[];
const foldedNow = () =>
  (folded.value?.userId === me.value?.userId ? folded.value?.labels : null) ?? ALL_LABELS;

async function loadFolded(): Promise<ContentWarning[]> {
  const userId = me.value?.userId ?? '';
  if (folded.value?.userId !== userId) {
    const { collapse, region } = await get<{ collapse: ContentWarning[]; region: RegionCode | null }>(
      '/me/preferences',
    );
    folded.value = { userId, labels: collapse };
    rememberRegion(region);
  }
  return folded.value!.labels;
}

/** Account setting: which content warnings always stay folded. */
export function ReadingPreferences() {
  const [chosen, setChosen] = useState<ContentWarning[] | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void loadFolded().then(setChosen);
  }, []);
  const save = useSubmit(async () => {
    const { collapse } = await api<{ collapse: ContentWarning[] }>('PATCH', '/me/preferences', {
      collapse: chosen,
    });
    folded.value = { userId: me.value?.userId ?? '', labels: collapse };
    setSaved(true);
  });
  if (!chosen) return <Loading />;
  return (
    <form onSubmit={save.submit} noValidate>
      <ErrorSummary error={save.error} />
      <fieldset>
        <legend>Always fold posts labelled</legend>
        {ALL_LABELS.map((k) => (
          <label key={k}>
            <input
              type="checkbox"
              checked={chosen.includes(k)}
              onChange={(e) => {
                setSaved(false);
                setChosen(e.currentTarget.checked ? [...chosen, k] : chosen.filter((x) => x !== k));
              }}
            />
            {CONTENT_WARNINGS[k]}
          </label>
        ))}
      </fieldset>
      <p class="meta">Posts with a label you leave unticked show open, with their label above them.</p>
      <div class="actions">
        <button type="submit" disabled={save.busy}>
          Save
        </button>
        {saved && (
          <span role="status" class="meta">
            Saved.
          </span>
        )}
      </div>
    </form>
  );
}

/** Account setting: the region whose crisis lines the crisis panel shows. */
export function RegionPreference() {
  const [region, setRegion] = useState<RegionCode | '' | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void get<{ region: RegionCode | null }>('/me/preferences').then((p) => {
      setRegion(p.region ?? '');
      rememberRegion(p.region);
    });
  }, []);
  if (region === null) return <Loading />;
  return (
    <>
      <div class="field">
        <label for="region">Where you are, for crisis lines</label>
        <select
          id="region"
          value={region}
          onChange={async (e) => {
            const value = e.currentTarget.value as RegionCode | '';
            setRegion(value);
            setSaved(false);
            await api('PATCH', '/me/preferences', { region: value || null });
            rememberRegion(value || null);
            setSaved(true);
          }}
        >
          <option value="">Not chosen</option>
          {REGION_CODES.map((code) => (
            <option key={code} value={code}>
              {CRISIS_REGIONS[code].name}
            </option>
          ))}
        </select>
      </div>
      {saved && (
        <p role="status" class="meta">
          Saved.
        </p>
      )}
      {region && <CrisisLines code={region} />}
    </>
  );
}

/** The static crisis page (web/crisis.js) puts the chosen region's lines first. */
function rememberRegion(region: RegionCode | null) {
  try {
    if (region) localStorage.setItem('hearth-region', region);
    else localStorage.removeItem('hearth-region');
  } catch {
    // storage may be off: the crisis page still lists every region
  }
}

type Thread = ThreadView;
type Post = PostView;
type SignpostT = Signpost;

/** The calm panel an author sees when their post matched a crisis phrase. */
function CrisisPanel({ signpost, onClose }: { signpost: NonNullable<SignpostT>; onClose: () => void }) {
  const [region, setRegion] = useState<RegionCode | 'elsewhere' | null>(signpost.resources?.region ?? null);
  const choose = async (code: RegionCode | 'elsewhere') => {
    setRegion(code);
    if (code !== 'elsewhere') {
      await api('PATCH', '/me/preferences', { region: code });
      rememberRegion(code);
    }
  };
  return (
    <section class="crisis-panel" role="alert" aria-labelledby="crisis-panel-title">
      <h2 id="crisis-panel-title">You are not alone</h2>
      <p>{signpost.message}</p>
      {region && region !== 'elsewhere' ? (
        <CrisisLines code={region} />
      ) : region === 'elsewhere' ? (
        <p>
          Find a free helpline in your country at{' '}
          <a href={ELSEWHERE.url} rel="noopener">
            {ELSEWHERE.name}
          </a>
          .
        </p>
      ) : (
        <div class="field">
          <label for="crisis-region">Where are you? We show the lines there (and remember it for you).</label>
          <select
            id="crisis-region"
            value=""
            onChange={(e) => void choose(e.currentTarget.value as RegionCode | 'elsewhere')}
          >
            <option value="" disabled>
              Choose a country
            </option>
            {REGION_CODES.map((code) => (
              <option key={code} value={code}>
                {CRISIS_REGIONS[code].name}
              </option>
            ))}
            <option value="elsewhere">Somewhere else</option>
          </select>
        </div>
      )}
      <div class="actions">
        <a class="button" href={signpost.crisisPage}>
          Talk to someone now
        </a>
        <a class="button secondary" href={signpost.reachFacilitators}>
          Reach the group’s facilitators
        </a>
        <button type="button" class="secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <p class="hint">Your post is shared with the group as you wrote it.</p>
    </section>
  );
}

/** A region's crisis lines, each number a link that dials or texts it. */
export function CrisisLines({ code }: { code: RegionCode }) {
  const r: CrisisRegion = CRISIS_REGIONS[code];
  return (
    <div class="crisis-lines">
      <p>
        <strong>In danger now? Call {r.emergency}.</strong>
      </p>
      <ul>
        {r.lines.map((l) => (
          <li key={l.name}>
            <strong>{l.name}</strong> ({r.name}, {l.hours}):{' '}
            {l.call && <a href={`tel:${dialable(l.call)}`}>call {l.call}</a>}
            {l.call && l.text && ' or '}
            {l.text && <a href={`sms:${dialable(l.text)}`}>text {l.text}</a>}.{' '}
            <a href={l.url} rel="noopener">
              {new URL(l.url).hostname.replace(/^www\./, '')}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Title-less composer with preview and content-warning labels. */
function Composer(props: {
  label: string;
  submitLabel: string;
  /** The text field's label (default: "Your reply", or "First post" with a title). */
  bodyLabel?: string;
  /** Shown before posting; open until the member's first post in the group. */
  membership?: GroupDetail['membership'];
  withTitle?: boolean;
  guidelines?: string;
  onSubmit: (input: { title?: string; body: string; contentWarnings: ContentWarning[] }) => Promise<void>;
}) {
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [labels, setLabels] = useState<ContentWarning[]>([]);
  const [preview, setPreview] = useState(false);
  const send = useSubmit(async () => {
    await props.onSubmit({ ...(props.withTitle ? { title } : {}), body, contentWarnings: labels });
    setTitle('');
    setBody('');
    setLabels([]);
    setPreview(false);
  });
  return (
    <form onSubmit={send.submit} noValidate aria-label={props.label} class="composer">
      <ErrorSummary error={send.error} />
      {props.guidelines && (
        <details open={!props.membership?.hasPosted}>
          <summary>The group’s guidelines, before you post</summary>
          <p class="guidelines">{props.guidelines}</p>
        </details>
      )}
      {props.withTitle && (
        <Field label="Title" name="title" error={send.error}>
          {(a) => (
            <input
              {...a}
              type="text"
              maxLength={140}
              value={title}
              onInput={(e) => setTitle(e.currentTarget.value)}
            />
          )}
        </Field>
      )}
      <Field
        label={props.bodyLabel ?? (props.withTitle ? 'First post' : 'Your reply')}
        name="body"
        hint="*emphasis*, **strong**, lists with - or 1., and [links](https://…)."
        error={send.error}
      >
        {(a) => (
          <textarea {...a} maxLength={10_000} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
        )}
      </Field>
      <fieldset>
        <legend>Content warnings (readers see your post folded behind them)</legend>
        {(Object.keys(CONTENT_WARNINGS) as ContentWarning[]).map((k) => (
          <label key={k}>
            <input
              type="checkbox"
              checked={labels.includes(k)}
              onChange={(e) =>
                setLabels(e.currentTarget.checked ? [...labels, k] : labels.filter((x) => x !== k))
              }
            />
            {CONTENT_WARNINGS[k]}
          </label>
        ))}
      </fieldset>
      {preview && body && (
        <section class="card" aria-label="Preview">
          <Markdown text={body} />
        </section>
      )}
      <div class="actions">
        <button type="submit" disabled={send.busy}>
          {props.submitLabel}
        </button>
        <button type="button" class="secondary" onClick={() => setPreview(!preview)} aria-pressed={preview}>
          Preview
        </button>
      </div>
    </form>
  );
}

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
  if (me.value === null)
    return (
      <SignInFirst
        title="Discussions"
        next={`/groups/${groupId}/threads`}
        doing="read the group’s discussions"
      />
    );
  return (
    <>
      <p>
        <a href={`/groups/${groupId}`}>← {group?.name ?? 'Group'}</a>
      </p>
      <h1 ref={h} tabIndex={-1}>
        Discussions
      </h1>
      {moderates(group) && (
        <p>
          <a href={`/groups/${groupId}/moderation`}>Moderation: waiting posts and reports</a>
        </p>
      )}
      {signpost && <CrisisPanel signpost={signpost} onClose={() => setSignpost(null)} />}
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
      {!error && (
        <section aria-labelledby="start">
          <h2 id="start">Start a discussion</h2>
          <Paused membership={group?.membership}>
            <Composer
              label="Start a discussion"
              submitLabel="Post"
              withTitle
              guidelines={group?.guidelines}
              membership={group?.membership}
              onSubmit={async (input) => {
                const r = await post<{ signpost: SignpostT }>(`/groups/${groupId}/threads`, input);
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

const warningOf = (p: Post) =>
  `Content warning: ${p.contentWarnings.map((c) => CONTENT_WARNINGS[c]).join(', ')}`;

/** The composer, or why a moderator paused the member's posting and until when. */
function Paused({
  membership,
  children,
}: {
  membership?: GroupDetail['membership'];
  children: ComponentChildren;
}) {
  if (!membership?.silenced) return <>{children}</>;
  return (
    <p class="notice">
      A moderator has paused your posting here until <Stamp at={membership.silenced.until} />:{' '}
      {membership.silenced.reason} You can still read, and reach the facilitators from the group’s page.
    </p>
  );
}

/** Whether the reader is a verified professional (they may add notes under posts). */
const professional = signal(false);

function ContextNoteForm({ p, onChange }: { p: Post; onChange: (p: Post) => void }) {
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState('');
  const send = useSubmit(async () => {
    const r = await post<{ post: Post }>(`/posts/${p.postId}/context-notes`, { body });
    onChange(r.post);
    setOpen(false);
    setBody('');
  });
  if (!open)
    return (
      <button type="button" class="secondary small" onClick={() => setOpen(true)}>
        Add a note as a professional
      </button>
    );
  return (
    <form onSubmit={send.submit} noValidate aria-label="A note from a professional">
      <ErrorSummary error={send.error} />
      <Field label="Your note, shown under the post to everyone who sees it" name="body" error={send.error}>
        {(a) => (
          <textarea {...a} maxLength={1000} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
        )}
      </Field>
      <div class="actions">
        <button type="submit" class="small" disabled={send.busy}>
          Add the note
        </button>
        <button type="button" class="secondary small" onClick={() => setOpen(false)}>
          Never mind
        </button>
      </div>
    </form>
  );
}

type PostInput = Parameters<Parameters<typeof Composer>[0]['onSubmit']>[0];

function PostItem({
  p,
  onChange,
  mod,
  onReply,
  replies,
}: {
  p: Post;
  onChange: (p: Post) => void;
  /** The reader moderates: approve, hide and restore, reloading after. */
  mod?: () => Promise<void>;
  /** Answer this post (top-level posts of an open thread). */
  onReply?: (input: PostInput) => Promise<void>;
  /** The answers to it, nested one level. */
  replies?: ComponentChildren;
}) {
  const [reporting, setReporting] = useState(false);
  const [replying, setReplying] = useState(false);
  const react = async (kind: Reaction) => {
    const r = await post<{ post: Post }>(`/posts/${p.postId}/reactions`, {
      kind,
      reacted: !p.reactions.mine.includes(kind),
    });
    onChange(r.post);
  };
  const body: ComponentChildren = p.deleted ? <p class="meta">Post deleted.</p> : <Markdown text={p.body} />;
  return (
    <li class="card post" id={`post-${p.postId}`}>
      <p class="meta">
        <strong>{p.author.displayName}</strong> · <Stamp at={p.createdAt} />
        {p.editedAt && !p.deleted ? ' · edited' : ''}
        {p.pending ? ' · waiting for a moderator' : ''}
      </p>
      {p.hidden && <p class="alert">Hidden by a moderator: {p.hidden.reason}</p>}
      {p.contentWarnings.length > 0 && !p.deleted ? (
        p.contentWarnings.some((c) => foldedNow().includes(c)) ? (
          <details>
            <summary>{warningOf(p)}</summary>
            {body}
          </details>
        ) : (
          <>
            <p class="meta">{warningOf(p)}</p>
            {body}
          </>
        )
      ) : (
        body
      )}
      {!p.deleted && (
        <div class="actions reactions">
          {(Object.keys(REACTIONS) as Reaction[]).map((k) => (
            <button
              key={k}
              type="button"
              class="secondary small"
              aria-pressed={p.reactions.mine.includes(k)}
              onClick={() => react(k)}
            >
              {REACTIONS[k]} ({p.reactions.counts[k]})
            </button>
          ))}
          {onReply && (
            <button
              type="button"
              class="secondary small"
              onClick={() => setReplying(!replying)}
              aria-expanded={replying}
            >
              Reply to {p.author.displayName}
            </button>
          )}
          {!p.mine && (
            <button
              type="button"
              class="secondary small"
              onClick={() => setReporting(!reporting)}
              aria-expanded={reporting}
            >
              Report
            </button>
          )}
        </div>
      )}
      {p.reactions.who && Object.values(p.reactions.who).some((w) => w.length) && (
        <p class="meta">
          {(Object.keys(REACTIONS) as Reaction[])
            .filter((k) => p.reactions.who![k].length)
            .map((k) => `${REACTIONS[k]}: ${p.reactions.who![k].join(', ')}`)
            .join(' · ')}
        </p>
      )}
      {reporting && <ReportForm postId={p.postId} onDone={() => setReporting(false)} />}
      {p.contextNotes.map((n) => (
        <aside key={n.at} class="context-note" aria-label="A note from a professional">
          <p class="meta">A note from a professional, {n.by} (a verified professional):</p>
          <p>{n.body}</p>
        </aside>
      ))}
      {professional.value && !p.deleted && <ContextNoteForm p={p} onChange={onChange} />}
      {mod && <PostModeration p={p} onDone={mod} />}
      {replies}
      {replying && onReply && (
        <Composer
          label={`Reply to ${p.author.displayName}`}
          bodyLabel={`Your reply to ${p.author.displayName}`}
          submitLabel="Send reply"
          onSubmit={async (input) => {
            await onReply(input);
            setReplying(false);
          }}
        />
      )}
    </li>
  );
}

function ReportForm({ postId, onDone }: { postId: string; onDone: () => void }) {
  const [reason, setReason] = useState<keyof typeof REPORT_REASONS>('harmful');
  const [note, setNote] = useState('');
  const [sent, setSent] = useState(false);
  const send = useSubmit(async () => {
    await post(`/posts/${postId}/reports`, { reason, note });
    setSent(true);
  });
  if (sent)
    return (
      <p class="notice" role="status">
        Thank you. The group’s moderators will look at it; they do not see who reported it.{' '}
        <button type="button" class="secondary small" onClick={onDone}>
          Close
        </button>
      </p>
    );
  return (
    <form onSubmit={send.submit} noValidate aria-label="Report this post">
      <ErrorSummary error={send.error} />
      <Field label="What is wrong?" name="reason" error={send.error}>
        {(a) => (
          <select {...a} value={reason} onChange={(e) => setReason(e.currentTarget.value as typeof reason)}>
            {(Object.keys(REPORT_REASONS) as (keyof typeof REPORT_REASONS)[]).map((k) => (
              <option key={k} value={k}>
                {REPORT_REASONS[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Anything moderators should know (optional)" name="note" error={send.error}>
        {(a) => (
          <textarea {...a} maxLength={1000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        )}
      </Field>
      <div class="actions">
        <button type="submit" disabled={send.busy}>
          Send report
        </button>
        <button type="button" class="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function ThreadPage({ threadId }: { threadId: string }) {
  const [thread, setThread] = useState<Thread | null>(null);
  const [group, setGroup] = useState<GroupDetail | null>(null);
  const [posts, setPosts] = useState<Post[] | null>(null);
  const [signpost, setSignpost] = useState<SignpostT>(null);
  const [error, setError] = useState<string | null>(null);
  const h = usePage(thread?.title ?? 'Discussion');
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
  if (me.value === null)
    return <SignInFirst title="Discussion" next={`/threads/${threadId}`} doing="read this discussion" />;
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
    onChange: (next: Post) => setPosts(posts.map((x) => (x.postId === next.postId ? next : x))),
    mod: moderates(group) ? load : undefined,
  });
  const reply = async (input: PostInput & { replyTo?: string }) => {
    const r = await post<{ signpost: SignpostT }>(`/threads/${threadId}/posts`, input);
    setSignpost(r.signpost);
    await load();
  };
  return (
    <>
      <p>
        <a href={`/groups/${thread.groupId}/threads`}>← Discussions</a>
      </p>
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
      {signpost && <CrisisPanel signpost={signpost} onClose={() => setSignpost(null)} />}
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
      {thread.locked ? (
        <p class="notice">This discussion is locked: no new replies.</p>
      ) : (
        <section aria-labelledby="reply">
          <h2 id="reply">Reply</h2>
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
