/**
 * "Talk to a facilitator": a member's private conversation with their group's facilitators, the
 * member's list of their conversations, and the facilitators' list for a group.
 * @module
 */
import { useEffect, useState } from 'preact/hooks';
import type { ConversationView, MessageView } from '../../../functions/core/schemas/support';
import { get, post } from '../api';
import { Form, TextArea } from '../components/forms';
import { Loaded, usePaged } from '../load';
import { me } from '../state';
import { Back, ErrorSummary, Loading, SignInFirst, Stamp, Status, usePage, useSubmit } from '../ui';

const titleOf = (c: ConversationView) =>
  c.mine ? `You and the facilitators of ${c.groupName}` : `${c.member.displayName} and the facilitators`;

function ConversationList({ items, empty }: { items: ConversationView[]; empty: string }) {
  if (!items.length) return <p>{empty}</p>;
  return (
    <ul class="notes">
      {items.map((c) => (
        <li
          key={c.conversationId}
          class={c.status === 'open' && c.lastFrom === (c.mine ? 'group' : 'member') ? 'unread' : 'read'}
        >
          <a href={`/conversations/${c.conversationId}`}>{titleOf(c)}</a>
          <span class="meta">
            {' '}
            · {c.status === 'open' ? 'open' : 'closed'} · {c.messageCount}{' '}
            {c.messageCount === 1 ? 'message' : 'messages'} · last <Stamp at={c.lastMessageAt} />
            {c.status === 'open' && c.lastFrom === 'member' && !c.mine ? ' · waiting for a reply' : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function MyConversationsPage() {
  const h = usePage('Your conversations with facilitators');
  const { items, more } = usePaged<ConversationView>(me.value ? '/me/conversations' : null);
  if (me.value === null) return <SignInFirst title="Your conversations" doing="see your conversations" />;
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        Your conversations with facilitators
      </h1>
      <p>To start one, use “Talk to a facilitator” on a group’s page.</p>
      {!items ? (
        <Loading />
      ) : (
        <ConversationList items={items} empty="You have not asked to talk to a facilitator yet." />
      )}
      {more}
    </>
  );
}

export function GroupConversationsPage({ groupId }: { groupId: string }) {
  const h = usePage('Conversations with members');
  const { items, error, more } = usePaged<ConversationView>(
    me.value ? `/groups/${groupId}/conversations` : null,
  );
  if (me.value === null) return <SignInFirst title="Conversations" doing="see conversations" />;
  return (
    <>
      <Back href={`/groups/${groupId}`}>Group</Back>
      <h1 ref={h} tabIndex={-1}>
        Conversations with members
      </h1>
      <p>
        Members who asked a facilitator to reach out. Only the group’s facilitators and owners read these.
      </p>
      <Loaded error={error} items={items}>
        {(items) => <ConversationList items={items} empty="No member has asked yet." />}
      </Loaded>
      {more}
    </>
  );
}

export function ConversationPage({ conversationId }: { conversationId: string }) {
  const [conv, setConv] = useState<ConversationView | null>(null);
  const [messages, setMessages] = useState<MessageView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [body, setBody] = useState('');
  const [closing, setClosing] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const h = usePage(conv ? titleOf(conv) : 'Conversation');
  const load = async () => {
    try {
      const c = await get<ConversationView>(`/conversations/${conversationId}`);
      // Every message, page by page (a conversation holds at most 1,000).
      const all: MessageView[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: MessageView[]; nextCursor: string | null } = await get(
          `/conversations/${conversationId}/messages?limit=50${cursor ? `&cursor=${cursor}` : ''}`,
        );
        all.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      setConv(c);
      setMessages(all);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  useEffect(() => {
    if (me.value) void load();
  }, [conversationId, me.value?.userId]);
  const send = useSubmit(async () => {
    await post(`/conversations/${conversationId}/messages`, { body });
    setBody('');
    await load();
    setSent(
      conv?.mine
        ? 'Sent. The facilitators are told; you will see their answer here and in your notifications.'
        : 'Sent. They are told.',
    );
  });
  const close = useSubmit(async () => {
    await post(`/conversations/${conversationId}/close`);
    setClosing(false);
    await load();
    setSent('The conversation is closed.');
  });
  if (me.value === null) return <SignInFirst title="Conversation" doing="read this conversation" />;
  if (error)
    return (
      <>
        <h1 ref={h} tabIndex={-1}>
          Conversation
        </h1>
        <p class="alert" role="alert">
          {error}
        </p>
      </>
    );
  if (!conv || !messages) return <Loading />;
  return (
    <>
      <p>
        <a href={conv.mine ? '/me/conversations' : `/groups/${conv.groupId}/conversations`}>
          ← Conversations
        </a>
      </p>
      <h1 ref={h} tabIndex={-1}>
        {titleOf(conv)}
      </h1>
      <p class="meta">
        {conv.mine
          ? 'Private: only the group’s facilitators and owners read this. Facilitators are peers, not a crisis service.'
          : `Private between ${conv.member.displayName} and the group’s facilitators and owners.`}{' '}
        In danger now? <a href="/crisis.html">Get help now</a>.
      </p>
      <Status message={sent} />
      {messages.length === 0 ? (
        <p>
          {conv.mine
            ? 'The facilitators have been asked to reach out. You can write to them below.'
            : 'No messages yet.'}
        </p>
      ) : (
        <ol class="messages">
          {messages.map((m) => (
            <li key={m.messageId} class={`card message ${m.fromGroup ? 'from-group' : 'from-member'}`}>
              <p class="meta">
                <strong>{m.mine ? 'You' : m.author.displayName}</strong>
                {m.fromGroup && !m.mine ? ' (facilitator)' : ''} · <Stamp at={m.at} />
              </p>
              {m.body ? <p class="message-body">{m.body}</p> : <p class="meta">Message deleted.</p>}
            </li>
          ))}
        </ol>
      )}
      {conv.status === 'closed' ? (
        <p class="notice">
          This conversation is closed.{' '}
          {conv.mine && (
            <>
              You can start a new one from <a href={`/groups/${conv.groupId}`}>the group’s page</a> at any
              time.
            </>
          )}
        </p>
      ) : (
        <>
          <Form submit={send.submit} error={send.error} label="Write a message">
            <TextArea
              label={
                conv.mine ? 'Your message to the facilitators' : `Your message to ${conv.member.displayName}`
              }
              name="body"
              error={send.error}
              value={body}
              onValue={setBody}
              max={4000}
            />
            <div class="actions">
              <button type="submit" disabled={send.busy}>
                Send
              </button>
            </div>
          </Form>
          {closing ? (
            <div class="confirm">
              <ErrorSummary error={close.error} />
              <p>
                Close this conversation? Nobody can write in it after;{' '}
                {conv.mine ? 'you can start a new one at any time.' : 'the member can start a new one.'}
              </p>
              <div class="actions">
                <button
                  type="button"
                  class="danger small"
                  ref={(el) => el?.focus()}
                  disabled={close.busy}
                  onClick={() => close.submit()}
                >
                  Close the conversation
                </button>
                <button type="button" class="secondary small" onClick={() => setClosing(false)}>
                  Keep it open
                </button>
              </div>
            </div>
          ) : (
            <p>
              <button type="button" class="secondary small" onClick={() => setClosing(true)}>
                Close this conversation
              </button>
            </p>
          )}
        </>
      )}
    </>
  );
}
