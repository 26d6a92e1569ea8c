/** Suggesting a listing; those who keep the directory add it straight away. @module */
import { useEffect, useState } from 'preact/hooks';
import { type ApiError, post } from '../api';
import { Form } from '../components/forms';
import { options, type Resource, standingIn } from '../components/resource-parts';
import { locale, t } from '../i18n';
import { labelled } from '../labels';
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
        {t('resourceSuggest.onlineOnly')}
      </label>
      {!f.online && (
        <>
          <SelectField
            label={t('resourceSuggest.country')}
            id="s-country"
            value={f.country}
            options={options().countries}
            onValue={set('country')}
          />
          <TextField
            label={t('resourceSuggest.subdivision')}
            name="region.subdivision"
            value={f.subdivision}
            onValue={set('subdivision')}
            error={error}
            maxLength={80}
          />
          <TextField
            label={t('resourceSuggest.address')}
            name="address"
            value={f.address}
            onValue={set('address')}
            error={error}
            maxLength={300}
          />
          <TextField
            label={t('resourceSuggest.accessNotes')}
            name="accessNotes"
            hint={t('resourceSuggest.accessNotesHint')}
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
  const h = usePage(curates ? t('resourceSuggest.titleAdd') : t('resourceSuggest.titleSuggest'));
  // A listing is most often in the language its suggester reads Hearth in.
  // A page may offer a listing to add (a Q&A's answers): its title, description and link.
  const [f, setF] = useState<Listing>(() => {
    const q = location.value.searchParams;
    return {
      ...EMPTY,
      lang: locale.value,
      ...(q.get('url') ? { online: true, url: q.get('url')!, category: 'self_help' } : {}),
      title: (q.get('title') ?? '').slice(0, 140),
      description: (q.get('description') ?? '').slice(0, 2000),
    };
  });
  const set = (k: keyof typeof f) => (v: string | boolean) => setF({ ...f, [k]: v });
  const send = useSubmit(async () => {
    const listing = listingOf(f);
    const r = !curates
      ? await post<Resource>('/resource-suggestions', { scope, ...listing })
      : await post<Resource>(scope === 'global' ? '/resources' : `/groups/${scope}/resources`, listing);
    navigate(`/resources/${r.resourceId}`);
  });
  if (me.value === null)
    return <SignInFirst title={t('resourceSuggest.titleSuggest')} doing={t('resourceSuggest.signInDoing')} />;
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        {curates ? t('resourceSuggest.titleAdd') : t('resourceSuggest.titleSuggest')}
      </h1>
      <p>{curates ? t('resourceSuggest.introCurator') : t('resourceSuggest.introSuggest')}</p>
      <Form submit={send.submit} error={send.error}>
        <TextField
          label={t('resourceSuggest.name')}
          name="title"
          value={f.title}
          onValue={set('title')}
          error={send.error}
          maxLength={140}
        />
        <TextField
          label={t('resourceSuggest.description')}
          name="description"
          value={f.description}
          onValue={set('description')}
          error={send.error}
          maxLength={2000}
        />
        <div class="row">
          <SelectField
            label={t('resourceSuggest.kind')}
            id="s-category"
            value={f.category}
            options={labelled('category')}
            onValue={set('category')}
          />
          <SelectField
            label={t('resourceSuggest.cost')}
            id="s-cost"
            value={f.cost}
            options={labelled('cost')}
            onValue={set('cost')}
          />
          <SelectField
            label={t('resourceSuggest.language')}
            id="s-lang"
            value={f.lang}
            options={options().languages}
            onValue={set('lang')}
          />
        </div>
        <TextField
          label={t('resourceSuggest.url')}
          name="url"
          hint={t('resourceSuggest.urlHint')}
          value={f.url}
          onValue={set('url')}
          error={send.error}
          maxLength={500}
        />
        <TextField
          label={t('resourceSuggest.phone')}
          name="phone"
          value={f.phone}
          onValue={set('phone')}
          error={send.error}
          maxLength={40}
        />
        <TextField
          label={t('resourceSuggest.sms')}
          name="sms"
          value={f.sms}
          onValue={set('sms')}
          error={send.error}
          maxLength={40}
        />
        <TextField
          label={t('resourceSuggest.hours')}
          name="hours"
          hint={t('resourceSuggest.hoursHint')}
          value={f.hours}
          onValue={set('hours')}
          error={send.error}
          maxLength={200}
        />
        <TextField
          label={t('resourceSuggest.audience')}
          name="audience"
          value={f.audience}
          onValue={set('audience')}
          error={send.error}
          maxLength={200}
        />
        <WhereFields f={f} set={set} error={send.error} />
        <button type="submit" disabled={send.busy}>
          {curates ? t('resourceSuggest.submitAdd') : t('resourceSuggest.submitSuggest')}
        </button>
      </Form>
    </>
  );
}
