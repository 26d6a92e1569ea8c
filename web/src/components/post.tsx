/**
 * One post in a discussion, with everything a reader can do with it: react, reply, report, mute
 * its author; edit or delete it if it is theirs; add a note as a verified professional; moderate.
 * Facilitators, moderators and owners see when it may need support.
 * @module
 */
import { signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PostView, Signpost } from '../../../functions/core/schemas/threads';
import {
  CONTENT_WARNINGS,
  REACTIONS,
  REPORT_REASONS,
  type Reaction,
  type ReportReason,
} from '../../../functions/core/threads';
import { api, del, post } from '../api';
import { Markdown } from '../markdown';
import { ErrorSummary, Field, Stamp, Status, useSubmit } from '../ui';
import { Composer, type PostInput } from './composer';
import { Form, FormActions, RunButton, TextArea } from './forms';
import { PostModeration } from './moderation-actions';
import { foldedNow } from './reading';

type Post = PostView;

/** Whether the reader is a verified professional (they may add notes under posts). */
export const professional = signal(false);

const warningOf = (p: Post) =>
  `Content warning: ${p.contentWarnings.map((c) => CONTENT_WARNINGS[c]).join(', ')}`;

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
    <Form submit={send.submit} error={send.error} label="A note from a professional">
      <TextArea
        label="Your note, shown under the post to everyone who sees it"
        name="body"
        error={send.error}
        value={body}
        onValue={setBody}
        max={1000}
      />
      <FormActions
        busy={send.busy}
        label="Add the note"
        look="small"
        cancel={{ label: 'Never mind', onClick: () => setOpen(false) }}
      />
    </Form>
  );
}

/** Reporting a post: a reason must be chosen (none is chosen for the reporter). */
function ReportForm({ postId, onDone }: { postId: string; onDone: () => void }) {
  const [reason, setReason] = useState<ReportReason | ''>('');
  const [note, setNote] = useState('');
  const [sent, setSent] = useState(false);
  const send = useSubmit(async () => {
    await post(`/posts/${postId}/reports`, { ...(reason ? { reason } : {}), note });
    setSent(true);
  });
  if (sent)
    return (
      <Status message="Thank you. The group’s moderators will look at it, and you will hear when they have; they do not see who reported it. ">
        <button type="button" class="secondary small" onClick={onDone}>
          Close
        </button>
      </Status>
    );
  return (
    <Form submit={send.submit} error={send.error} label="Report this post">
      <Field label="What is wrong?" name="reason" error={send.error}>
        {(a) => (
          <select {...a} value={reason} onChange={(e) => setReason(e.currentTarget.value as ReportReason)}>
            <option value="" disabled>
              Choose a reason
            </option>
            {(Object.keys(REPORT_REASONS) as ReportReason[]).map((k) => (
              <option key={k} value={k}>
                {REPORT_REASONS[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextArea
        label="Anything moderators should know (optional)"
        name="note"
        error={send.error}
        value={note}
        onValue={setNote}
        max={1000}
      />
      <FormActions busy={send.busy} label="Send report" cancel={{ label: 'Cancel', onClick: onDone }} />
    </Form>
  );
}

/** Deleting one's own post asks first, and says what stays. */
function DeletePost({ p, onDone, onCancel }: { p: Post; onDone: (p: Post) => void; onCancel: () => void }) {
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => yes.current?.focus(), []);
  const remove = useSubmit(async () => {
    await del(`/posts/${p.postId}`);
    onDone({ ...p, deleted: true, body: '', contentWarnings: [] });
  });
  return (
    <div class="confirm">
      <ErrorSummary error={remove.error} />
      <p>Delete this post? Its words are erased for good; “Post deleted” keeps its place in the thread.</p>
      <div class="actions">
        <button
          type="button"
          class="danger small"
          ref={yes}
          disabled={remove.busy}
          onClick={() => remove.submit()}
        >
          Delete the post
        </button>
        <button type="button" class="secondary small" onClick={onCancel}>
          Keep it
        </button>
      </div>
    </div>
  );
}

/** Muting an author: their posts in this group are hidden from the reader alone, with undo. */
function MuteAuthor({ p }: { p: Post }) {
  const [muteId, setMuteId] = useState<string | null>(null);
  const mute = useSubmit(async () => {
    const r = await post<{ items: { muteId: string; displayName: string }[] }>('/me/mutes', {
      postId: p.postId,
    });
    setMuteId(r.items.find((m) => m.displayName === p.author.displayName)?.muteId ?? null);
  });
  const undo = useSubmit(async () => {
    if (muteId) await del(`/me/mutes/${muteId}`);
    setMuteId(null);
  });
  if (muteId)
    return (
      <Status
        message={`You muted ${p.author.displayName}: their posts in this group are hidden from you (nobody is told). You can undo this in your account. `}
      >
        <RunButton run={undo} look="secondary small">
          Undo
        </RunButton>
      </Status>
    );
  return (
    <RunButton run={mute} look="secondary small">
      Mute {p.author.displayName}
    </RunButton>
  );
}

export function PostItem({
  p,
  groupId,
  onChange,
  onSignpost,
  mod,
  onReply,
  replies,
}: {
  p: Post;
  groupId: string;
  onChange: (p: Post) => void;
  /** An edit that matched a crisis phrase: show the author the panel. */
  onSignpost?: (s: NonNullable<Signpost>) => void;
  /** The reader moderates: approve, hide and restore, reloading after. */
  mod?: () => Promise<void>;
  /** Answer this post (top-level posts of an open thread). */
  onReply?: (input: PostInput) => Promise<void>;
  /** The answers to it, nested one level. */
  replies?: ComponentChildren;
}) {
  const [open, setOpen] = useState<'report' | 'reply' | 'edit' | 'delete' | null>(null);
  const item = useRef<HTMLLIElement>(null);
  const toggle = (what: typeof open) => setOpen(open === what ? null : what);
  const react = async (kind: Reaction) => {
    const r = await post<{ post: Post }>(`/posts/${p.postId}/reactions`, {
      kind,
      reacted: !p.reactions.mine.includes(kind),
    });
    onChange(r.post);
  };
  const body: ComponentChildren = p.deleted ? <p class="meta">Post deleted.</p> : <Markdown text={p.body} />;
  return (
    <li class="card post" id={`post-${p.postId}`} tabIndex={-1} ref={item}>
      <p class="meta">
        <strong>{p.author.displayName}</strong> · <Stamp at={p.createdAt} />
        {p.editedAt && !p.deleted ? ' · edited' : ''}
        {p.pending ? ' · waiting for a moderator' : ''}
      </p>
      {p.mayNeedSupport && !p.deleted && (
        <p class="support-flag">
          May need support. <a href={`/groups/${groupId}/support`}>See the support requests</a>
        </p>
      )}
      {p.hidden && <p class="alert">Hidden by a moderator: {p.hidden.reason}</p>}
      {open === 'edit' ? (
        <Composer
          label="Edit your post"
          bodyLabel="Your post"
          submitLabel="Save changes"
          initial={{ body: p.body, contentWarnings: p.contentWarnings }}
          autoFocus
          onCancel={() => setOpen(null)}
          onSubmit={async (input) => {
            const r = await api<{ post: Post; signpost: Signpost }>('PATCH', `/posts/${p.postId}`, {
              body: input.body,
              contentWarnings: input.contentWarnings,
            });
            onChange(r.post);
            setOpen(null);
            if (r.signpost) onSignpost?.(r.signpost);
            else item.current?.focus();
          }}
        />
      ) : p.contentWarnings.length > 0 && !p.deleted ? (
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
      {!p.deleted && open !== 'edit' && (
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
              onClick={() => toggle('reply')}
              aria-expanded={open === 'reply'}
            >
              Reply to {p.author.displayName}
            </button>
          )}
          {p.mine ? (
            <>
              <button type="button" class="secondary small" onClick={() => toggle('edit')}>
                Edit
              </button>
              <button
                type="button"
                class="secondary small"
                onClick={() => toggle('delete')}
                aria-expanded={open === 'delete'}
              >
                Delete
              </button>
            </>
          ) : (
            <>
              <button
                type="button"
                class="secondary small"
                onClick={() => toggle('report')}
                aria-expanded={open === 'report'}
              >
                Report
              </button>
              <MuteAuthor p={p} />
            </>
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
      {open === 'report' && <ReportForm postId={p.postId} onDone={() => setOpen(null)} />}
      {open === 'delete' && (
        <DeletePost
          p={p}
          onDone={(d) => {
            setOpen(null);
            onChange(d);
            item.current?.focus();
          }}
          onCancel={() => setOpen(null)}
        />
      )}
      {p.contextNotes.map((n) => (
        <aside key={n.at} class="context-note" aria-label="A note from a professional">
          <p class="meta">A note from a professional, {n.by} (a verified professional):</p>
          <p>{n.body}</p>
        </aside>
      ))}
      {professional.value && !p.deleted && <ContextNoteForm p={p} onChange={onChange} />}
      {mod && <PostModeration p={p} onDone={mod} />}
      {replies}
      {open === 'reply' && onReply && (
        <Composer
          label={`Reply to ${p.author.displayName}`}
          bodyLabel={`Your reply to ${p.author.displayName}`}
          submitLabel="Send reply"
          autoFocus
          onCancel={() => setOpen(null)}
          onSubmit={async (input) => {
            await onReply(input);
            setOpen(null);
          }}
        />
      )}
    </li>
  );
}
