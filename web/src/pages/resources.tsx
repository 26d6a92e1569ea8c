/**
 * The resource directory in the web app: search with filters kept in the address. A listing's
 * page is pages/resource.tsx, suggesting one pages/resource-suggest.tsx, the reviewers' queue
 * pages/resource-review.tsx; applying as a professional, and admins deciding, pages/professional.tsx.
 * @module
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { canReview } from '../../../functions/core/resources';
import type { MyGroups } from '../../../functions/core/schemas/groups';
import { get } from '../api';
import { options, placeOf, Reach, type Resource, Trust } from '../components/resource-parts';
import { crisisHref, t, tx } from '../i18n';
import { label, labelled } from '../labels';
import { location, me, navigate } from '../state';
import { Loading, SelectField, TooLong, usePage } from '../ui';

export function ResourceDirectoryPage() {
  const h = usePage(t('resources.title'));
  const params = location.value.searchParams;
  const [scope, setScope] = useState(params.get('scope') ?? 'global');
  // The filters live in the address, so a search can be shared, bookmarked and come back to.
  const [category, setCategory] = useState(params.get('category') ?? '');
  const [region, setRegion] = useState(params.get('region') ?? '');
  const [cost, setCost] = useState(params.get('cost') ?? '');
  const [lang, setLang] = useState(params.get('lang') ?? '');
  const [q, setQ] = useState(params.get('q') ?? '');
  const [items, setItems] = useState<Resource[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [groups, setGroups] = useState<MyGroups['items']>([]);
  const [standing, setStanding] = useState<{ admin: boolean; professional: boolean }>({
    admin: false,
    professional: false,
  });
  const [error, setError] = useState<string | null>(null);
  const query = () =>
    new URLSearchParams(
      Object.entries({ scope, category, region, cost, lang, q: q.trim(), limit: '20' }).filter(([, v]) => v),
    ).toString();
  const searched = useRef(false);
  const lastShown = useRef<string | null>(null);
  /** Bumped when Back or Forward brings other filters: their search runs. */
  const [returned, setReturned] = useState(0);
  const search = async (more = false) => {
    setError(null);
    try {
      const page = await get<{ items: Resource[]; nextCursor: string | null }>(
        `/resources?${query()}${more && cursor ? `&cursor=${cursor}` : ''}`,
      );
      setItems(more ? [...(items ?? []), ...page.items] : page.items);
      setCursor(page.nextCursor);
      if (!more) {
        const shown = new URLSearchParams(query());
        shown.delete('limit');
        if (shown.get('scope') === 'global') shown.delete('scope');
        // Each search a page of history (Back returns to the one before); the first replaces.
        const to = `/resources?${shown}`.replace(/\?$/, '');
        lastShown.current = shown.toString();
        if (to !== location.value.pathname + location.value.search)
          navigate(to, { replace: !searched.current });
        searched.current = true;
      }
    } catch (e) {
      setError((e as Error).message);
    }
  };
  useEffect(() => {
    void search();
  }, [scope, category, region, cost, lang, returned]);
  // Back and Forward: the filters follow the address (and the search above runs for them).
  const address = location.value.searchParams.toString();
  useEffect(() => {
    if (lastShown.current === null || address === lastShown.current) return;
    const p = new URLSearchParams(address);
    setScope(p.get('scope') ?? 'global');
    setCategory(p.get('category') ?? '');
    setRegion(p.get('region') ?? '');
    setCost(p.get('cost') ?? '');
    setLang(p.get('lang') ?? '');
    setQ(p.get('q') ?? '');
    setReturned((n) => n + 1);
  }, [address]);
  useEffect(() => {
    if (!me.value) return;
    void get<MyGroups>('/me/groups').then((g) => setGroups(g.items.filter((x) => x.status === 'active')));
    void get<{ admin?: boolean; status: string }>('/me/professional').then((p) =>
      setStanding({ admin: !!p.admin, professional: p.status === 'verified' }),
    );
  }, [me.value?.userId]);
  // Reviewers: admins and professionals globally; a group's owners, moderators and professionals.
  const reviews = canReview(scope === 'global' ? 'global' : 'group', {
    member: groups.find((g) => g.groupId === scope) ?? null,
    ...standing,
  });
  const select = (
    id: string,
    label: string,
    value: string,
    set: (v: string) => void,
    opts: [string, string][],
  ) => (
    <SelectField
      label={label}
      id={id}
      value={value}
      options={[['', t('resources.any')], ...opts]}
      onValue={set}
    />
  );
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        {t('resources.title')}
      </h1>
      <p class="lead">
        {tx('resources.lead', undefined, (c) => (
          <a href={crisisHref()}>{c}</a>
        ))}
      </p>
      <form
        aria-label={t('resources.searchLabel')}
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <div class="row">
          {select('scope', t('resources.directory'), scope, setScope, [
            ['global', t('resources.global')],
            ...groups.map((g) => [g.groupId, g.name] as [string, string]),
          ])}
          <div class="field">
            <label for="resource-q">{t('resources.words')}</label>
            <input id="resource-q" type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
            <TooLong value={q} max={80} />
          </div>
        </div>
        <div class="row">
          {select('category', t('resources.kind'), category, setCategory, labelled('category'))}
          {select('region', t('resources.where'), region, setRegion, [
            ['online', t('resources.online')],
            ...options().countries,
          ])}
          {select('cost', t('resources.cost'), cost, setCost, labelled('cost'))}
          {select('lang', t('resources.language'), lang, setLang, options().languages)}
        </div>
        <div class="actions">
          <button type="submit">{t('resources.search')}</button>
          {me.value && (
            <a class="button secondary" href={`/resources/suggest?scope=${scope}`}>
              {t('resources.suggest')}
            </a>
          )}
          {reviews && (
            <a class="button secondary" href={`/resources/review?scope=${scope}`}>
              {t('resources.reviewQueue')}
            </a>
          )}
        </div>
      </form>
      <Results error={error} items={items} more={!!cursor} onMore={() => search(true)} />
    </>
  );
}

/** What a search found, or why nothing shows. */
function Results({
  error,
  items,
  more,
  onMore,
}: {
  error: string | null;
  items: Resource[] | null;
  more: boolean;
  onMore: () => void;
}) {
  return (
    <>
      {error ? (
        <p class="alert" role="alert">
          {error}
        </p>
      ) : !items ? (
        <Loading />
      ) : items.length === 0 ? (
        <p role="status">
          {tx(
            'resources.nothingMatches',
            undefined,
            (c) => (
              <a href={crisisHref()}>{c}</a>
            ),
            (c) => (
              <a href="https://findahelpline.com" rel="noreferrer">
                {c}
              </a>
            ),
          )}
        </p>
      ) : (
        <>
          <p class="meta" role="status">
            {t(more ? 'resources.foundMore' : 'resources.found', { count: items.length })}
          </p>
          <ul class="cards">
            {items.map((r) => (
              <li key={r.resourceId} class="card">
                <h2>
                  <a href={`/resources/${r.resourceId}`}>{r.title}</a>
                </h2>
                <p class="meta">
                  {label('category', r.category)} · {placeOf(r)} · {label('cost', r.cost)}
                </p>
                <Reach r={r} />
                <Trust r={r} />
              </li>
            ))}
          </ul>
          {more && (
            <button type="button" class="secondary" onClick={onMore}>
              {t('resources.more')}
            </button>
          )}
        </>
      )}
    </>
  );
}
