/**
 * The members a reader has muted (their posts in that group are hidden from the reader alone),
 * each with Unmute.
 * @module
 */
import { useState } from 'preact/hooks';
import { del, get } from '../api';
import { useLoad } from '../load';
import { Loading, Status } from '../ui';

interface Mute {
  muteId: string;
  groupId: string;
  groupName: string;
  displayName: string;
}

export function MutedMembers() {
  const [items, failed, setItems] = useLoad(
    async () => (await get<{ items: Mute[] }>('/me/mutes')).items,
    [],
  );
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const unmute = async (m: Mute) => {
    setBusy(true);
    setError(null);
    try {
      setItems((await del<{ items: Mute[] }>(`/me/mutes/${m.muteId}`)).items);
      setDone(`You unmuted ${m.displayName}: their posts in ${m.groupName} show again.`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  if (!items) return <Loading error={failed} />;
  return (
    <>
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
      <Status message={done} />
      {items.length === 0 ? (
        <p>
          You have not muted anyone. “Mute” under a post hides its author’s posts in that group from you
          alone.
        </p>
      ) : (
        <ul class="mutes">
          {items.map((m) => (
            <li key={m.muteId}>
              {m.displayName} <span class="meta">in {m.groupName}</span>{' '}
              <button type="button" class="secondary small" disabled={busy} onClick={() => void unmute(m)}>
                Unmute {m.displayName}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
