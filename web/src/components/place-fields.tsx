import { t } from '../i18n';
import { labelled } from '../labels';
import { asNumber, TextField } from '../ui';
import { Checkboxes } from './forms';

export type Place = {
  venueName: string;
  address: string;
  neighbourhood: string;
  access: string[];
  accessNotes: string;
  url: string;
  urlNotes: string;
  capInPerson: string;
  capOnline: string;
};

export function placeBody(mode: string, p: Place) {
  const inPerson = mode !== 'online';
  const online = mode !== 'in_person';
  return {
    venue: inPerson
      ? {
          name: p.venueName,
          address: p.address,
          ...(p.neighbourhood.trim() ? { neighbourhood: p.neighbourhood } : {}),
          access: p.access,
          ...(p.accessNotes.trim() ? { accessNotes: p.accessNotes } : {}),
        }
      : undefined,
    online: online ? { url: p.url, ...(p.urlNotes.trim() ? { notes: p.urlNotes } : {}) } : undefined,
    capacity: {
      ...(inPerson ? { inPerson: asNumber(p.capInPerson) } : {}),
      ...(online ? { online: asNumber(p.capOnline) } : {}),
    },
  };
}

export function PlaceFields({
  mode,
  p,
  set,
  error,
}: {
  mode: string;
  p: Place;
  set: (p: Place) => void;
  error: Parameters<typeof TextField>[0]['error'];
}) {
  const field = (k: keyof Place) => (v: string) => set({ ...p, [k]: v });
  return (
    <>
      {mode !== 'online' && (
        <fieldset>
          <legend>{t('placeFields.inRoom')}</legend>
          <TextField
            label={t('placeFields.venue')}
            name="venue.name"
            value={p.venueName}
            onValue={field('venueName')}
            error={error}
            maxLength={120}
          />
          <TextField
            label={t('placeFields.address')}
            name="venue.address"
            hint={t('placeFields.addressHint')}
            value={p.address}
            onValue={field('address')}
            error={error}
            maxLength={300}
          />
          <TextField
            label={t('placeFields.neighbourhood')}
            name="venue.neighbourhood"
            hint={t('placeFields.neighbourhoodHint')}
            value={p.neighbourhood}
            onValue={field('neighbourhood')}
            error={error}
            maxLength={80}
          />
          <Checkboxes
            class="columns"
            legend={t('placeFields.access')}
            options={labelled('access')}
            chosen={p.access}
            onChosen={(access) => set({ ...p, access })}
          />
          <TextField
            label={t('placeFields.accessNotes')}
            name="venue.accessNotes"
            value={p.accessNotes}
            onValue={field('accessNotes')}
            error={error}
            maxLength={500}
          />
          <TextField
            label={t('placeFields.placesInRoom')}
            name="capacity.inPerson"
            value={p.capInPerson}
            onValue={field('capInPerson')}
            error={error}
          />
        </fieldset>
      )}
      {mode !== 'in_person' && (
        <fieldset>
          <legend>{t('placeFields.online')}</legend>
          <TextField
            label={t('placeFields.link')}
            name="online.url"
            hint={t('placeFields.linkHint')}
            value={p.url}
            onValue={field('url')}
            error={error}
            maxLength={500}
          />
          <TextField
            label={t('placeFields.onlineNotes')}
            name="online.notes"
            value={p.urlNotes}
            onValue={field('urlNotes')}
            error={error}
            maxLength={500}
          />
          <TextField
            label={t('placeFields.placesOnline')}
            name="capacity.online"
            value={p.capOnline}
            onValue={field('capOnline')}
            error={error}
          />
        </fieldset>
      )}
    </>
  );
}

export const emptyPlace: Place = {
  venueName: '',
  address: '',
  neighbourhood: '',
  access: [],
  accessNotes: '',
  url: '',
  urlNotes: '',
  capInPerson: '12',
  capOnline: '20',
};
