/**
 * The resource directory in the web app: search with filters kept in the address. A listing's
 * page is pages/resource.tsx, suggesting one pages/resource-suggest.tsx, the reviewers' queue
 * pages/resource-review.tsx; applying as a professional, and admins deciding, pages/professional.tsx.
 * @module
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { COSTS, canReview, RESOURCE_CATEGORIES } from '../../../functions/core/resources';
import type { MyGroups } from '../../../functions/core/schemas/groups';
import { get } from '../api';
import { options, placeOf, Reach, type Resource, Trust } from '../components/resource-parts';
import { location, me, navigate } from '../state';
import { Loading, SelectField, TooLong, usePage } from '../ui';

export function ResourceDirectoryPage() {
  const h = usePage('Resources');
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
  ) => <SelectField label={label} id={id} value={value} options={[['', 'Any'], ...opts]} onValue={set} />;
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        Resources
      </h1>
      <p class="lead">
        Crisis lines, services, groups, reading and apps, reviewed by verified professionals. Each listing
        shows who verified it and when. <a href="/crisis.html">Need help now?</a>
      </p>
      <form
        aria-label="Search the resources"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <div class="row">
          {select('scope', 'Directory', scope, setScope, [
            ['global', 'Global'],
            ...groups.map((g) => [g.groupId, g.name] as [string, string]),
          ])}
          <div class="field">
            <label for="resource-q">Words</label>
            <input id="resource-q" type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
            <TooLong value={q} max={80} />
          </div>
        </div>
        <div class="row">
          {select('category', 'Kind', category, setCategory, Object.entries(RESOURCE_CATEGORIES))}
          {select('region', 'Where', region, setRegion, [['online', 'Online'], ...options().countries])}
          {select('cost', 'Cost', cost, setCost, Object.entries(COSTS))}
          {select('lang', 'Language', lang, setLang, options().languages)}
        </div>
        <div class="actions">
          <button type="submit">Search</button>
          {me.value && (
            <a class="button secondary" href={`/resources/suggest?scope=${scope}`}>
              Suggest a resource
            </a>
          )}
          {reviews && (
            <a class="button secondary" href={`/resources/review?scope=${scope}`}>
              Review queue
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
          Nothing matches. Try fewer filters. If you need help now, the{' '}
          <a href="/crisis.html">crisis lines page</a> lists lines by country, and{' '}
          <a href="https://findahelpline.com" rel="noreferrer">
            findahelpline.com
          </a>{' '}
          covers more.
        </p>
      ) : (
        <>
          <p class="meta" role="status">
            {items.length}
            {more ? '+' : ''} found
          </p>
          <ul class="cards">
            {items.map((r) => (
              <li key={r.resourceId} class="card">
                <h2>
                  <a href={`/resources/${r.resourceId}`}>{r.title}</a>
                </h2>
                <p class="meta">
                  {RESOURCE_CATEGORIES[r.category]} · {placeOf(r)} · {COSTS[r.cost]}
                </p>
                <Reach r={r} />
                <Trust r={r} />
              </li>
            ))}
          </ul>
          {more && (
            <button type="button" class="secondary" onClick={onMore}>
              More
            </button>
          )}
        </>
      )}
    </>
  );
}
