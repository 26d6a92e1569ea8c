import { ACCESS_FEATURES } from '../../../functions/core/meetups';
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
          <legend>In the room</legend>
          <TextField
            label="Venue"
            name="venue.name"
            value={p.venueName}
            onValue={field('venueName')}
            error={error}
            maxLength={120}
          />
          <TextField
            label="Address"
            name="venue.address"
            hint="Shown only to members who are going."
            value={p.address}
            onValue={field('address')}
            error={error}
            maxLength={300}
          />
          <TextField
            label="Neighbourhood (optional)"
            name="venue.neighbourhood"
            hint="Shown to every member, so they can tell whether it is near."
            value={p.neighbourhood}
            onValue={field('neighbourhood')}
            error={error}
            maxLength={80}
          />
          <Checkboxes
            class="columns"
            legend="Access"
            options={Object.entries(ACCESS_FEATURES)}
            chosen={p.access}
            onChosen={(access) => set({ ...p, access })}
          />
          <TextField
            label="Access notes (optional)"
            name="venue.accessNotes"
            value={p.accessNotes}
            onValue={field('accessNotes')}
            error={error}
            maxLength={500}
          />
          <TextField
            label="Places in the room"
            name="capacity.inPerson"
            value={p.capInPerson}
            onValue={field('capInPerson')}
            error={error}
          />
        </fieldset>
      )}
      {mode !== 'in_person' && (
        <fieldset>
          <legend>Online</legend>
          <TextField
            label="Link to the online room"
            name="online.url"
            hint="An https:// link, shown only to members who are going."
            value={p.url}
            onValue={field('url')}
            error={error}
            maxLength={500}
          />
          <TextField
            label="Notes for joining online (optional)"
            name="online.notes"
            value={p.urlNotes}
            onValue={field('urlNotes')}
            error={error}
            maxLength={500}
          />
          <TextField
            label="Places online"
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
