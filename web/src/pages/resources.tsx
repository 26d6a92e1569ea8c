/**
 * The resource directory in the web app: search with filters, a listing's page (with its trust,
 * a problem report and, for professionals, verifying), suggesting a listing, and the reviewers'
 * queue (applying as a professional, and admins deciding: pages/professional.tsx).
 * @module
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  countries as allCountries,
  languages as allLanguages,
  COSTS,
  REPORT_PROBLEMS,
  RESOURCE_CATEGORIES,
} from '../../../functions/core/resources';
import type { GroupDetail, MyGroups } from '../../../functions/core/schemas/groups';
import type { ResourceView } from '../../../functions/core/schemas/resources';
import { del, get, post } from '../api';
import { location, me, navigate } from '../state';
import { ErrorSummary, Loading, SignInFirst, TextField, TooLong, usePage, useSubmit } from '../ui';

type Resource = ResourceView;
/** Options, sorted by name, made when first shown. */
let sorted: { countries: [string, string][]; languages: [string, string][] } | undefined;
const options = () =>
  (sorted ??= {
    countries: [...allCountries()].sort((a, b) => a[1].localeCompare(b[1])),
    languages: [...allLanguages()].sort((a, b) => a[1].localeCompare(b[1])),
  });
const placeOf = (r: Resource) =>
  r.region === 'online' ? 'Online' : [r.region.subdivision, r.region.countryName].filter(Boolean).join(', ');

/** The trust every listing shows. */
function Trust({ r }: { r: Resource }) {
  return (
    <p class="meta">
      {r.status === 'suggested'
        ? 'Suggested, waiting for a reviewer.'
        : r.verified
          ? `Verified by ${r.verified.by} (a verified professional), ${r.verified.ago}.`
          : 'Not yet verified by a professional.'}{' '}
      {r.needsReview && <strong class="gap-label">Needs review.</strong>} Added by {r.addedBy}
      {r.source ? (
        <>
          {' '}
          from{' '}
          <a href={r.source} rel="noopener">
            its source
          </a>
        </>
      ) : null}
      .
    </p>
  );
}

function Reach({ r }: { r: Resource }) {
  return (
    <p>
      {r.phone && (
        <>
          Call <a href={`tel:${r.phone.replace(/[^\d+]/g, '')}`}>{r.phone}</a>.{' '}
        </>
      )}
      {r.sms && (
        <>
          Text <a href={`sms:${r.sms.replace(/[^\d+]/g, '')}`}>{r.sms}</a>.{' '}
        </>
      )}
      {r.url && (
        <a href={r.url} rel="noopener nofollow">
          {new URL(r.url).hostname.replace(/^www\./, '')}
        </a>
      )}
    </p>
  );
}

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
  const role = groups.find((g) => g.groupId === scope)?.role;
  const reviews =
    standing.professional || (scope === 'global' ? standing.admin : role === 'owner' || role === 'moderator');
  const select = (
    id: string,
    label: string,
    value: string,
    set: (v: string) => void,
    options: [string, string][],
  ) => (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set(e.currentTarget.value)}>
        <option value="">Any</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
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
            {cursor ? '+' : ''} found
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
          {cursor && (
            <button type="button" class="secondary" onClick={() => search(true)}>
              More
            </button>
          )}
        </>
      )}
    </>
  );
}

export function ResourcePage({ resourceId }: { resourceId: string }) {
  const [r, setR] = useState<Resource | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [professional, setProfessional] = useState(false);
  const [curator, setCurator] = useState(false);
  const h = usePage(r?.title ?? 'Resource');
  const load = () =>
    get<Resource>(`/resources/${resourceId}`)
      .then(setR)
      .catch((e: Error) => setError(e.message));
  useEffect(() => {
    void load();
    if (me.value)
      void standingIn(resourceId.length === 33 ? resourceId.slice(0, 22) : 'global').then((s) => {
        setProfessional(s.professional);
        setCurator(s.curates);
      });
  }, [resourceId, me.value?.userId]);
  const verify = useSubmit(async () => {
    setR(await post<Resource>(`/resources/${resourceId}/verify`));
  });
  const list = useSubmit(async () => {
    setR(await post<Resource>(`/resources/${resourceId}/list`));
  });
  const remove = useSubmit(async () => {
    await del(`/resources/${resourceId}`);
    navigate('/resources');
  });
  if (error)
    return (
      <>
        <h1 ref={h} tabIndex={-1}>
          Resource
        </h1>
        <p class="alert" role="alert">
          {error}
        </p>
      </>
    );
  if (!r) return <Loading />;
  return (
    <>
      <p>
        <a href={`/resources${r.scope === 'global' ? '' : `?scope=${r.scope}`}`}>← Resources</a>
      </p>
      <h1 ref={h} tabIndex={-1}>
        {r.title}
      </h1>
      <Trust r={r} />
      <p>{r.description}</p>
      <Reach r={r} />
      <dl class="facts">
        <dt>Kind</dt>
        <dd>{RESOURCE_CATEGORIES[r.category]}</dd>
        <dt>Where</dt>
        <dd>{placeOf(r)}</dd>
        {r.address && (
          <>
            <dt>Address</dt>
            <dd>{r.address}</dd>
          </>
        )}
        {r.accessNotes && (
          <>
            <dt>Access</dt>
            <dd>{r.accessNotes}</dd>
          </>
        )}
        {r.hours && (
          <>
            <dt>Hours</dt>
            <dd>{r.hours}</dd>
          </>
        )}
        <dt>Cost</dt>
        <dd>{COSTS[r.cost]}</dd>
        <dt>Languages</dt>
        <dd>{r.languages.map((l) => allLanguages().get(l) ?? l).join(', ')}</dd>
        {r.audience && (
          <>
            <dt>For</dt>
            <dd>{r.audience}</dd>
          </>
        )}
      </dl>
      {(professional || curator) && (
        <div class="actions">
          <ErrorSummary error={verify.error ?? list.error ?? remove.error} />
          {professional && (
            <button type="button" disabled={verify.busy} onClick={() => verify.submit()}>
              {r.status === 'suggested' ? 'Verify and list it' : 'Verify it is still right'}
            </button>
          )}
          {curator && r.status === 'suggested' && !professional && (
            <button type="button" disabled={list.busy} onClick={() => list.submit()}>
              List it
            </button>
          )}
          {curator && (
            <button type="button" class="danger" disabled={remove.busy} onClick={() => remove.submit()}>
              {r.status === 'suggested' ? 'Turn it down' : 'Take it out of the directory'}
            </button>
          )}
        </div>
      )}
      {me.value && <ReportProblem resourceId={resourceId} />}
    </>
  );
}

function ReportProblem({ resourceId }: { resourceId: string }) {
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<keyof typeof REPORT_PROBLEMS>('wrong_number');
  const [note, setNote] = useState('');
  const [sent, setSent] = useState(false);
  const send = useSubmit(async () => {
    await post(`/resources/${resourceId}/reports`, { problem, note });
    setSent(true);
  });
  if (sent)
    return (
      <p class="notice" role="status">
        Thank you: the reviewers will look at it.
      </p>
    );
  if (!open)
    return (
      <button type="button" class="secondary" onClick={() => setOpen(true)}>
        Report a problem with this listing
      </button>
    );
  return (
    <form onSubmit={send.submit} noValidate aria-label="Report a problem">
      <ErrorSummary error={send.error} />
      <fieldset>
        <legend>What is wrong?</legend>
        {(Object.keys(REPORT_PROBLEMS) as (keyof typeof REPORT_PROBLEMS)[]).map((k) => (
          <label key={k}>
            <input type="radio" name="problem" checked={problem === k} onChange={() => setProblem(k)} />
            {REPORT_PROBLEMS[k]}
          </label>
        ))}
      </fieldset>
      <TextField
        label="Anything the reviewers should know (optional)"
        name="note"
        value={note}
        onValue={setNote}
        error={send.error}
        maxLength={1000}
      />
      <div class="actions">
        <button type="submit" disabled={send.busy}>
          Send
        </button>
        <button type="button" class="secondary" onClick={() => setOpen(false)}>
          Never mind
        </button>
      </div>
    </form>
  );
}

/**
 * Where the signed-in person stands in a directory: a verified professional, and whether they keep
 * it (platform admins the global one; a group's owners, moderators and professionals its own).
 */
async function standingIn(scope: string): Promise<{ professional: boolean; curates: boolean }> {
  const p = await get<{ status: string; admin?: boolean }>('/me/professional');
  const professional = p.status === 'verified';
  if (scope === 'global') return { professional, curates: !!p.admin };
  const g = await get<GroupDetail>(`/groups/${scope}`);
  const role = g.membership?.status === 'active' ? g.membership.role : null;
  return { professional, curates: !!p.admin || role === 'owner' || role === 'moderator' || professional };
}

/** Suggesting a listing; those who keep the directory add it straight away. */
export function SuggestPage() {
  const scope = location.value.searchParams.get('scope') ?? 'global';
  const [curates, setCurates] = useState(false);
  useEffect(() => {
    if (me.value) void standingIn(scope).then((s) => setCurates(s.curates));
  }, [scope, me.value?.userId]);
  const h = usePage(curates ? 'Add a resource' : 'Suggest a resource');
  const [f, setF] = useState({
    title: '',
    description: '',
    category: 'peer_group',
    url: '',
    phone: '',
    sms: '',
    hours: '',
    subdivision: '',
    address: '',
    accessNotes: '',
    audience: '',
    country: 'GB',
    online: false,
    cost: 'free',
    lang: 'en',
  });
  const set = (k: keyof typeof f) => (v: string | boolean) => setF({ ...f, [k]: v });
  const send = useSubmit(async () => {
    const listing = {
      title: f.title,
      description: f.description,
      category: f.category,
      ...(f.url.trim() ? { url: f.url.trim() } : {}),
      ...(f.phone.trim() ? { phone: f.phone.trim() } : {}),
      ...Object.fromEntries(
        (['sms', 'hours', 'address', 'accessNotes', 'audience'] as const)
          .filter((k) => f[k].trim())
          .map((k) => [k, f[k].trim()]),
      ),
      languages: [f.lang],
      cost: f.cost,
      region: f.online
        ? 'online'
        : { country: f.country, ...(f.subdivision.trim() ? { subdivision: f.subdivision.trim() } : {}) },
    };
    const r = !curates
      ? await post<Resource>('/resource-suggestions', { scope, ...listing })
      : await post<Resource>(scope === 'global' ? '/resources' : `/groups/${scope}/resources`, listing);
    navigate(`/resources/${r.resourceId}`);
  });
  if (me.value === null)
    return <SignInFirst title="Suggest a resource" next="/resources/suggest" doing="suggest a resource" />;
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        {curates ? 'Add a resource' : 'Suggest a resource'}
      </h1>
      <p>
        {curates
          ? 'You keep this directory: it is listed as soon as you add it, showing who added it. Please only add what you know to be real and helpful.'
          : 'A reviewer looks at it before it is listed. Please only suggest what you know to be real and helpful.'}
      </p>
      <form onSubmit={send.submit} noValidate>
        <ErrorSummary error={send.error} />
        <TextField
          label="Name"
          name="title"
          value={f.title}
          onValue={set('title')}
          error={send.error}
          maxLength={140}
        />
        <TextField
          label="What it offers"
          name="description"
          value={f.description}
          onValue={set('description')}
          error={send.error}
          maxLength={2000}
        />
        <div class="row">
          <div class="field">
            <label for="s-category">Kind</label>
            <select
              id="s-category"
              value={f.category}
              onChange={(e) => set('category')(e.currentTarget.value)}
            >
              {Object.entries(RESOURCE_CATEGORIES).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="s-cost">Cost</label>
            <select id="s-cost" value={f.cost} onChange={(e) => set('cost')(e.currentTarget.value)}>
              {Object.entries(COSTS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="s-lang">Language</label>
            <select id="s-lang" value={f.lang} onChange={(e) => set('lang')(e.currentTarget.value)}>
              {options().languages.map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </div>
        </div>
        <TextField
          label="Link (optional)"
          name="url"
          hint="http:// or https://"
          value={f.url}
          onValue={set('url')}
          error={send.error}
          maxLength={500}
        />
        <TextField
          label="Phone (optional)"
          name="phone"
          value={f.phone}
          onValue={set('phone')}
          error={send.error}
          maxLength={40}
        />
        <TextField
          label="Number to text (optional)"
          name="sms"
          value={f.sms}
          onValue={set('sms')}
          error={send.error}
          maxLength={40}
        />
        <TextField
          label="Hours (optional)"
          name="hours"
          hint="For example: weekdays 9:00 to 17:00"
          value={f.hours}
          onValue={set('hours')}
          error={send.error}
          maxLength={200}
        />
        <TextField
          label="Who it is for (optional)"
          name="audience"
          value={f.audience}
          onValue={set('audience')}
          error={send.error}
          maxLength={200}
        />
        <label class="check">
          <input
            type="checkbox"
            checked={f.online}
            onChange={(e) => set('online')(e.currentTarget.checked)}
          />
          Online only
        </label>
        {!f.online && (
          <>
            <div class="field">
              <label for="s-country">Country</label>
              <select
                id="s-country"
                value={f.country}
                onChange={(e) => set('country')(e.currentTarget.value)}
              >
                {options().countries.map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            </div>
            <TextField
              label="Town or area (optional)"
              name="region.subdivision"
              value={f.subdivision}
              onValue={set('subdivision')}
              error={send.error}
              maxLength={80}
            />
            <TextField
              label="Address (optional)"
              name="address"
              value={f.address}
              onValue={set('address')}
              error={send.error}
              maxLength={300}
            />
            <TextField
              label="Access notes (optional)"
              name="accessNotes"
              hint="Step-free? A hearing loop? A quiet space?"
              value={f.accessNotes}
              onValue={set('accessNotes')}
              error={send.error}
              maxLength={500}
            />
          </>
        )}
        <button type="submit" disabled={send.busy}>
          {curates ? 'Add it to the directory' : 'Suggest it'}
        </button>
      </form>
    </>
  );
}

export function ReviewQueuePage() {
  const h = usePage('Review queue');
  const scope = location.value.searchParams.get('scope') ?? 'global';
  const [queue, setQueue] = useState<{
    suggested: Resource[];
    needsReview: Resource[];
    reports: { reportId: string; resourceId: string; title: string; problem: string; note: string }[];
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Whether they review this directory is asked first: someone who does not is told so, and how
  // to become one, rather than refused.
  const [reviewer, setReviewer] = useState<boolean | null>(null);
  useEffect(() => {
    if (!me.value) return;
    void standingIn(scope)
      .then(async (s) => {
        setReviewer(s.professional || s.curates);
        if (s.professional || s.curates)
          setQueue(await get<NonNullable<typeof queue>>(`/review-queue?scope=${scope}`));
      })
      .catch((e: Error) => setError(e.message));
  }, [scope, me.value?.userId]);
  if (me.value === null)
    return <SignInFirst title="Review queue" next="/resources/review" doing="review resources" />;
  const list = (rs: Resource[], empty: string) =>
    rs.length === 0 ? (
      <p>{empty}</p>
    ) : (
      <ul class="notes">
        {rs.map((r) => (
          <li key={r.resourceId}>
            <a href={`/resources/${r.resourceId}`}>{r.title}</a>{' '}
            <span class="meta">added by {r.addedBy}</span>
          </li>
        ))}
      </ul>
    );
  return (
    <>
      <p>
        <a href={`/resources?scope=${scope}`}>← Resources</a>
      </p>
      <h1 ref={h} tabIndex={-1}>
        Review queue
      </h1>
      {error ? (
        <p class="alert" role="alert">
          {error}
        </p>
      ) : reviewer === false ? (
        <p>
          The review queue is for this directory’s reviewers: verified professionals
          {scope === 'global' ? ' and platform admins' : ', and the group’s owners and moderators'}. If you
          work in mental health, you can <a href="/professional">apply to be verified</a>.
        </p>
      ) : !queue ? (
        <Loading />
      ) : (
        <>
          <section aria-labelledby="suggested">
            <h2 id="suggested">Suggested ({queue.suggested.length})</h2>
            {list(queue.suggested, 'No suggestions waiting.')}
          </section>
          <section aria-labelledby="due">
            <h2 id="due">Needs review ({queue.needsReview.length})</h2>
            {list(queue.needsReview, 'Nothing is due for review.')}
          </section>
          <section aria-labelledby="problems">
            <h2 id="problems">Reported problems ({queue.reports.length})</h2>
            {queue.reports.length === 0 ? (
              <p>No problems reported.</p>
            ) : (
              <ul class="notes">
                {queue.reports.map((p) => (
                  <li key={p.reportId}>
                    <a href={`/resources/${p.resourceId}`}>{p.title}</a>:{' '}
                    {REPORT_PROBLEMS[p.problem as keyof typeof REPORT_PROBLEMS] ?? p.problem}
                    {p.note ? ` (“${p.note}”)` : ''}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
