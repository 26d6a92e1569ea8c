/** Suggesting a listing; those who keep the directory add it straight away. @module */
import { useEffect, useState } from 'preact/hooks';
import { COSTS, RESOURCE_CATEGORIES } from '../../../functions/core/resources';
import { type ApiError, post } from '../api';
import { Form } from '../components/forms';
import { options, type Resource, standingIn } from '../components/resource-parts';
import { location, me, navigate } from '../state';
import { SelectField, SignInFirst, TextField, usePage, useSubmit } from '../ui';

const EMPTY = {
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
};
type Listing = typeof EMPTY;

/** The listing the form describes, optional fields left out when empty. */
function listingOf(f: Listing) {
  return {
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
}

/** Where the listing is: online only, or a country, town, address and access. */
function WhereFields({
  f,
  set,
  error,
}: {
  f: Listing;
  set: (k: keyof Listing) => (v: string | boolean) => void;
  error: ApiError | null;
}) {
  return (
    <>
      <label class="check">
        <input type="checkbox" checked={f.online} onChange={(e) => set('online')(e.currentTarget.checked)} />
        Online only
      </label>
      {!f.online && (
        <>
          <SelectField
            label="Country"
            id="s-country"
            value={f.country}
            options={options().countries}
            onValue={set('country')}
          />
          <TextField
            label="Town or area (optional)"
            name="region.subdivision"
            value={f.subdivision}
            onValue={set('subdivision')}
            error={error}
            maxLength={80}
          />
          <TextField
            label="Address (optional)"
            name="address"
            value={f.address}
            onValue={set('address')}
            error={error}
            maxLength={300}
          />
          <TextField
            label="Access notes (optional)"
            name="accessNotes"
            hint="Step-free? A hearing loop? A quiet space?"
            value={f.accessNotes}
            onValue={set('accessNotes')}
            error={error}
            maxLength={500}
          />
        </>
      )}
    </>
  );
}

/** Suggesting a listing; those who keep the directory add it straight away. */
export function SuggestPage() {
  const scope = location.value.searchParams.get('scope') ?? 'global';
  const [curates, setCurates] = useState(false);
  useEffect(() => {
    if (me.value) void standingIn(scope).then((s) => setCurates(s.curates));
  }, [scope, me.value?.userId]);
  const h = usePage(curates ? 'Add a resource' : 'Suggest a resource');
  const [f, setF] = useState<Listing>(EMPTY);
  const set = (k: keyof typeof f) => (v: string | boolean) => setF({ ...f, [k]: v });
  const send = useSubmit(async () => {
    const listing = listingOf(f);
    const r = !curates
      ? await post<Resource>('/resource-suggestions', { scope, ...listing })
      : await post<Resource>(scope === 'global' ? '/resources' : `/groups/${scope}/resources`, listing);
    navigate(`/resources/${r.resourceId}`);
  });
  if (me.value === null) return <SignInFirst title="Suggest a resource" doing="suggest a resource" />;
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
      <Form submit={send.submit} error={send.error}>
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
          <SelectField
            label="Kind"
            id="s-category"
            value={f.category}
            options={Object.entries(RESOURCE_CATEGORIES)}
            onValue={set('category')}
          />
          <SelectField
            label="Cost"
            id="s-cost"
            value={f.cost}
            options={Object.entries(COSTS)}
            onValue={set('cost')}
          />
          <SelectField
            label="Language"
            id="s-lang"
            value={f.lang}
            options={options().languages}
            onValue={set('lang')}
          />
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
        <WhereFields f={f} set={set} error={send.error} />
        <button type="submit" disabled={send.busy}>
          {curates ? 'Add it to the directory' : 'Suggest it'}
        </button>
      </Form>
    </>
  );
}
