import { useEffect, useRef, useState } from 'preact/hooks';
import type { GroupSummary, DirectoryPage as Page } from '../../../functions/core/schemas/groups';
import { get } from '../api';
import { list, listed, t, tx } from '../i18n';
import { label, labelled, languageChoices, languageName, sizeName } from '../labels';
import { landed } from '../landed';
import { flash, location, me, navigate } from '../state';
import { ErrorSummary, Field, Notice, SelectField, Stamp, TooLong, usePage, useSubmit } from '../ui';

/** "Meets in person (City centre) and online", from the group's upcoming meetups. */
function meetsText(m: NonNullable<GroupSummary['meets']>): string {
  const ways = m.inPerson && m.online ? 'both' : m.inPerson ? 'in_person' : 'online';
  if (!m.inPerson || !m.places.length) return t('directory.meets', { ways });
  // The places as a plain list ("City centre, Leeds"), with the language's own commas.
  const places = listed(m.places);
  return t('directory.meetsAt', { ways, places });
}

export function GroupCard({ g }: { g: GroupSummary }) {
  const next = g.meets?.next;
  return (
    <li class="card">
      <h2>
        <a href={`/groups/${g.groupId}`}>{g.name}</a>
      </h2>
      <ul class="tags" aria-label={t('directory.focus')}>
        {g.focus.map((f) => (
          <li key={f}>{label('focus', f)}</li>
        ))}
      </ul>
      <p dir="auto">{g.description.length > 180 ? `${g.description.slice(0, 177)}…` : g.description}</p>
      {g.area && <p class="meta">{g.area}</p>}
      <p class={g.meets ? 'meets' : 'meta'}>
        {g.meets ? (
          <>
            {meetsText(g.meets)}
            {next && (
              <>
                {' '}
                ·{' '}
                {/* How the next meetup meets, where the group meets more than one way: the card says which. */}
                {g.meets.inPerson && g.meets.online && g.meets.nextMode
                  ? tx('directory.nextWay', { mode: g.meets.nextMode }, () => <Stamp at={next} />)
                  : tx('directory.next', undefined, () => <Stamp at={next} />)}
              </>
            )}
          </>
        ) : (
          t('directory.noMeetups')
        )}
      </p>
      <p class="meta">
        {label('tone', g.tone)} · {label('moderation', g.moderationPolicy)} · {sizeName(g.sizeBand)}
      </p>
      <p class="meta">{t('directory.inLanguages', { languages: list(g.languages.map(languageName)) })}</p>
    </li>
  );
}

export function DirectoryPage() {
  const h = usePage(t('directory.title'));
  const params = location.value.searchParams;
  const [q, setQ] = useState(params.get('q') ?? '');
  const [focus, setFocus] = useState(params.get('focus') ?? '');
  const [tone, setTone] = useState(params.get('tone') ?? '');
  const [moderation, setModeration] = useState(params.get('moderationPolicy') ?? '');
  const [meets, setMeets] = useState(params.get('meets') ?? '');
  const [near, setNear] = useState(params.get('near') ?? '');
  const [language, setLanguage] = useState(params.get('language') ?? '');
  // The groups the server rendered this address with, if this is the visit's first page.
  const [first] = useState(() => landed<Page>(`/groups?${params.toString()}`));
  const [items, setItems] = useState<GroupSummary[] | null>(first?.items ?? null);
  const [cursor, setCursor] = useState<string | null>(first?.nextCursor ?? null);
  const [message] = useState(flash.value);

  const query = (from?: string | null) => {
    const s = new URLSearchParams();
    if (q.trim()) s.set('q', q.trim());
    if (focus) s.set('focus', focus);
    if (tone) s.set('tone', tone);
    if (moderation) s.set('moderationPolicy', moderation);
    if (meets) s.set('meets', meets);
    if (near.trim()) s.set('near', near.trim());
    if (language) s.set('language', language);
    if (from) s.set('cursor', from);
    return s;
  };
  // The address holds the search: each search is a page of history (Back returns to the last),
  // and what is shown always answers the address, so a refused search shows no older results.
  const shown = useRef<string | null>(first ? params.toString() : null);
  const next = useRef({ wanted: '', push: false });
  const search = useSubmit(async () => {
    const { wanted, push } = next.current;
    shown.current = wanted;
    if (push && wanted !== location.value.searchParams.toString()) navigate(`/?${wanted}`.replace(/\?$/, ''));
    try {
      const page = await get<Page>(`/groups?${wanted}`);
      setItems(page.items);
      setCursor(page.nextCursor);
    } catch (e) {
      setItems(null);
      setCursor(null);
      throw e;
    }
  });
  const searchNow = (e: Event) => {
    next.current = { wanted: query().toString(), push: true };
    return search.submit(e);
  };
  const more = useSubmit(async () => {
    const page = await get<Page>(`/groups?${query(cursor)}`);
    setItems([...(items ?? []), ...page.items]);
    setCursor(page.nextCursor);
  });
  useEffect(() => {
    flash.value = null;
  }, []);
  // Opened, or moved through by Back and Forward: the filters follow the address, and its search runs.
  const address = location.value.searchParams.toString();
  useEffect(() => {
    if (address === shown.current) return;
    const p = new URLSearchParams(address);
    setQ(p.get('q') ?? '');
    setFocus(p.get('focus') ?? '');
    setTone(p.get('tone') ?? '');
    setModeration(p.get('moderationPolicy') ?? '');
    setMeets(p.get('meets') ?? '');
    setNear(p.get('near') ?? '');
    setLanguage(p.get('language') ?? '');
    next.current = { wanted: address, push: false };
    void search.submit();
  }, [address]);

  const error = search.error ?? more.error;
  return (
    <>
      <Notice message={message} />
      <h1 ref={h} tabIndex={-1}>
        {t('directory.heading')}
      </h1>
      <p class="lead">
        {tx('directory.lead', { newHere: t('nav.newHere') }, (c) => (
          <a href="/new-here">{c}</a>
        ))}
      </p>
      <search>
        <form class="inline" onSubmit={searchNow}>
          <Field label={t('directory.searchLabel')} name="q" error={error}>
            {(a) => (
              <>
                <input {...a} type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
                <TooLong value={q} max={80} />
              </>
            )}
          </Field>
          <Filter
            name="meets"
            label={t('directory.meetsFilter')}
            value={meets}
            onValue={setMeets}
            table="way"
          />
          <Field label={t('directory.near')} name="near" error={error}>
            {(a) => (
              <>
                <input
                  {...a}
                  type="search"
                  autocomplete="address-level2"
                  value={near}
                  onInput={(e) => setNear(e.currentTarget.value)}
                />
                <TooLong value={near} max={80} />
              </>
            )}
          </Field>
          <Filter name="focus" label={t('directory.focus')} value={focus} onValue={setFocus} table="focus" />
          <Filter name="language" label={t('directory.language')} value={language} onValue={setLanguage} />
          <Filter name="tone" label={t('directory.tone')} value={tone} onValue={setTone} table="tone" />
          <Filter
            id="moderation"
            name="moderationPolicy"
            label={t('directory.moderation')}
            value={moderation}
            onValue={setModeration}
            table="moderation"
          />
          <button type="submit" aria-disabled={search.busy}>
            {t('directory.searchButton')}
          </button>
        </form>
      </search>
      <ErrorSummary error={error} />
      {me.value && (
        <p>
          <a href="/groups/new">{t('directory.startGroup')}</a>
        </p>
      )}
      <Found items={items} cursor={cursor} busy={more.busy} onMore={() => more.submit()} />
    </>
  );
}

function Filter(props: {
  /** The select's id, if not its name. */
  id?: string;
  /** The address's and the API's name for it. */
  name: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  /** The choices' table, named in the reader's language (none: the languages groups meet in). */
  table?: 'way' | 'focus' | 'tone' | 'moderation';
}) {
  const choices = props.table ? labelled(props.table) : languageChoices();
  return (
    <SelectField
      label={props.label}
      id={props.id ?? props.name}
      name={props.name}
      value={props.value}
      options={[['', t('directory.any')], ...choices]}
      onValue={props.onValue}
    />
  );
}

/** The groups found, and a way to look further while the directory has more. */
function Found({
  items,
  cursor,
  busy,
  onMore,
}: {
  items: GroupSummary[] | null;
  cursor: string | null;
  busy: boolean;
  onMore: () => void;
}) {
  return (
    <>
      <div aria-live="polite">
        {items && items.length === 0 && !cursor && <p>{t('directory.noneMatch')}</p>}
        {items && items.length === 0 && cursor && <p>{t('directory.noneSoFar')}</p>}
        {items && items.length > 0 && (
          <ul class="cards" aria-label={t('directory.groups')}>
            {items.map((g) => (
              <GroupCard key={g.groupId} g={g} />
            ))}
          </ul>
        )}
      </div>
      {cursor && (
        <button type="button" class="secondary" disabled={busy} onClick={onMore}>
          {items?.length ? t('directory.moreGroups') : t('directory.keepLooking')}
        </button>
      )}
    </>
  );
}
