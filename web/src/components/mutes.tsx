/**
 * The members a reader has muted (their posts in that group are hidden from the reader alone),
 * each with Unmute.
 * @module
 */
import { useState } from 'preact/hooks';
import { del, get } from '../api';
import { t, tx } from '../i18n';
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
      setDone(t('mutes.unmuted', { name: m.displayName, group: m.groupName }));
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
        <p>{t('mutes.none')}</p>
      ) : (
        <ul class="mutes">
          {items.map((m) => (
            <li key={m.muteId}>
              {tx('mutes.mutedIn', { name: m.displayName, group: m.groupName }, (c) => (
                <span class="meta">{c}</span>
              ))}{' '}
              <button type="button" class="secondary small" disabled={busy} onClick={() => void unmute(m)}>
                {t('mutes.unmute', { name: m.displayName })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
