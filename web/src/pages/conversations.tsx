/**
 * "Talk to a facilitator": a member's private conversation with their group's facilitators, the
 * member's list of their conversations, and the facilitators' list for a group.
 * @module
 */
import { useEffect, useState } from 'preact/hooks';
import type { ConversationView, MessageView } from '../../../functions/core/schemas/support';
import { get, post } from '../api';
import { Form, TextArea } from '../components/forms';
import { crisisHref, t, tx } from '../i18n';
import { Loaded, usePaged } from '../load';
import { me } from '../state';
import { Back, ErrorSummary, Loading, SignInFirst, Stamp, Status, usePage, useSubmit } from '../ui';

const titleOf = (c: ConversationView) =>
  c.mine
    ? t('conversations.titleMine', { group: c.groupName })
    : t('conversations.titleTheirs', { name: c.member.displayName });

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
            ·{' '}
            {tx('conversations.summary', { status: c.status, count: c.messageCount }, () => (
              <Stamp at={c.lastMessageAt} />
            ))}
            {c.status === 'open' && c.lastFrom === 'member' && !c.mine
              ? ` · ${t('conversations.waitingForReply')}`
              : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function MyConversationsPage() {
  const h = usePage(t('conversations.mineTitle'));
  const { items, more } = usePaged<ConversationView>(me.value ? '/me/conversations' : null);
  if (me.value === null)
    return <SignInFirst title={t('conversations.mineShort')} doing={t('conversations.signInToSeeMine')} />;
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        {t('conversations.mineTitle')}
      </h1>
      <p>{t('conversations.howToStart')}</p>
      {!items ? <Loading /> : <ConversationList items={items} empty={t('conversations.noneMine')} />}
      {more}
    </>
  );
}

export function GroupConversationsPage({ groupId }: { groupId: string }) {
  const h = usePage(t('conversations.groupTitle'));
  const { items, error, more } = usePaged<ConversationView>(
    me.value ? `/groups/${groupId}/conversations` : null,
  );
  if (me.value === null)
    return <SignInFirst title={t('conversations.groupShort')} doing={t('conversations.signInToSee')} />;
  return (
    <>
      <Back href={`/groups/${groupId}`}>{t('conversations.group')}</Back>
      <h1 ref={h} tabIndex={-1}>
        {t('conversations.groupTitle')}
      </h1>
      <p>{t('conversations.groupIntro')}</p>
      <Loaded error={error} items={items}>
        {(items) => <ConversationList items={items} empty={t('conversations.noneGroup')} />}
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
  const h = usePage(conv ? titleOf(conv) : t('conversations.conversation'));
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
    setSent(conv?.mine ? t('conversations.sentMine') : t('conversations.sentTheirs'));
  });
  const close = useSubmit(async () => {
    await post(`/conversations/${conversationId}/close`);
    setClosing(false);
    await load();
    setSent(t('conversations.closedDone'));
  });
  if (me.value === null)
    return <SignInFirst title={t('conversations.conversation')} doing={t('conversations.signInToRead')} />;
  if (error)
    return (
      <>
        <h1 ref={h} tabIndex={-1}>
          {t('conversations.conversation')}
        </h1>
        <p class="alert" role="alert">
          {error}
        </p>
      </>
    );
  if (!conv || !messages) return <Loading />;
  return (
    <>
      <Back href={conv.mine ? '/me/conversations' : `/groups/${conv.groupId}/conversations`}>
        {t('conversations.back')}
      </Back>
      <h1 ref={h} tabIndex={-1}>
        {titleOf(conv)}
      </h1>
      <p class="meta">
        {tx(
          conv.mine ? 'conversations.privateMine' : 'conversations.privateTheirs',
          { name: conv.member.displayName },
          (c) => (
            <a href={crisisHref()}>{c}</a>
          ),
        )}
      </p>
      <Status message={sent} />
      {messages.length === 0 ? (
        <p>{conv.mine ? t('conversations.askedMine') : t('conversations.noMessages')}</p>
      ) : (
        <ol class="messages">
          {messages.map((m) => (
            <li key={m.messageId} class={`card message ${m.fromGroup ? 'from-group' : 'from-member'}`}>
              <p class="meta">
                <strong>{m.mine ? t('conversations.you') : m.author.displayName}</strong>
                {m.fromGroup && !m.mine ? ` ${t('conversations.facilitator')}` : ''} · <Stamp at={m.at} />
              </p>
              {m.body ? (
                <p class="message-body">{m.body}</p>
              ) : (
                <p class="meta">{t('conversations.messageDeleted')}</p>
              )}
            </li>
          ))}
        </ol>
      )}
      {conv.status === 'closed' ? (
        <p class="notice">
          {conv.mine
            ? tx('conversations.closedMine', undefined, (c) => <a href={`/groups/${conv.groupId}`}>{c}</a>)
            : t('conversations.closed')}
        </p>
      ) : (
        <>
          <Form submit={send.submit} error={send.error} label={t('conversations.write')}>
            <TextArea
              label={
                conv.mine
                  ? t('conversations.messageToFacilitators')
                  : t('conversations.messageTo', { name: conv.member.displayName })
              }
              name="body"
              error={send.error}
              value={body}
              onValue={setBody}
              max={4000}
            />
            <div class="actions">
              <button type="submit" disabled={send.busy}>
                {t('conversations.send')}
              </button>
            </div>
          </Form>
          {closing ? (
            <div class="confirm">
              <ErrorSummary error={close.error} />
              <p>
                {conv.mine ? t('conversations.closeQuestionMine') : t('conversations.closeQuestionTheirs')}
              </p>
              <div class="actions">
                <button
                  type="button"
                  class="danger small"
                  ref={(el) => el?.focus()}
                  disabled={close.busy}
                  onClick={() => close.submit()}
                >
                  {t('conversations.closeConfirm')}
                </button>
                <button type="button" class="secondary small" onClick={() => setClosing(false)}>
                  {t('conversations.keepOpen')}
                </button>
              </div>
            </div>
          ) : (
            <p>
              <button type="button" class="secondary small" onClick={() => setClosing(true)}>
                {t('conversations.close')}
              </button>
            </p>
          )}
        </>
      )}
    </>
  );
}
