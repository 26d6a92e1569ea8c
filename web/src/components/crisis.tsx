/**
 * Crisis support in the web app: the calm panel an author sees when their post matched a crisis
 * phrase, a region's crisis lines, and the account's choice of region.
 * @module
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  CRISIS_REGIONS,
  type CrisisRegion,
  dialable,
  ELSEWHERE,
  REGION_CODES,
  type RegionCode,
} from '../../../functions/core/crisis-lines';
import type { ConversationView } from '../../../functions/core/schemas/support';
import type { Signpost } from '../../../functions/core/schemas/threads';
import { type ApiError, api, get, post } from '../api';
import { Loading, Status, useSubmit } from '../ui';
import { RunButton } from './forms';

/** The static crisis page (web/crisis.js) puts the chosen region's lines first. */
export function rememberRegion(region: RegionCode | null) {
  try {
    if (region) localStorage.setItem('hearth-region', region);
    else localStorage.removeItem('hearth-region');
  } catch {
    // storage may be off: the crisis page still lists every region
  }
}

/** A region's crisis lines, each number a link that dials or texts it. */
export function CrisisLines({ code }: { code: RegionCode }) {
  const r: CrisisRegion = CRISIS_REGIONS[code];
  return (
    <div class="crisis-lines">
      <p>
        <strong>In danger now? Call {r.emergency}.</strong>
      </p>
      <ul>
        {r.lines.map((l) => (
          <li key={l.name}>
            <strong>{l.name}</strong> ({r.name}, {l.hours}):{' '}
            {l.call && <a href={`tel:${dialable(l.call)}`}>call {l.call}</a>}
            {l.call && l.text && ' or '}
            {l.text && <a href={`sms:${dialable(l.text)}`}>text {l.text}</a>}.{' '}
            <a href={l.url} rel="noopener">
              {new URL(l.url).hostname.replace(/^www\./, '')}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "I'd like a facilitator to reach out": opens the member's conversation with them. */
export function AskFacilitator({ groupId, label }: { groupId: string; label?: string }) {
  const [open, setOpen] = useState<ConversationView | null>(null);
  const ask = useSubmit(async () =>
    setOpen(await post<ConversationView>(`/groups/${groupId}/conversations`, {})),
  );
  if (open)
    return (
      <Status message="The group’s facilitators have been asked to reach out. You can write to them now, privately: ">
        <a href={`/conversations/${open.conversationId}`}>your conversation with the facilitators</a>.
      </Status>
    );
  return (
    <>
      {ask.error && (
        <p class="alert" role="alert">
          {ask.error.message}
        </p>
      )}
      <RunButton run={ask} look="secondary">
        {label ?? 'I’d like a facilitator to reach out'}
      </RunButton>
    </>
  );
}

/**
 * The calm panel an author sees when their post matched a crisis phrase. It appears where they
 * are looking: scrolled into view and focused as it opens, and it stays until they close it.
 */
export function CrisisPanel({ signpost, onClose }: { signpost: NonNullable<Signpost>; onClose: () => void }) {
  const [region, setRegion] = useState<RegionCode | 'elsewhere' | null>(signpost.resources?.region ?? null);
  const panel = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    panel.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, [signpost]);
  const choose = async (code: RegionCode | 'elsewhere') => {
    setRegion(code);
    if (code !== 'elsewhere') {
      await api('PATCH', '/me/preferences', { region: code });
      rememberRegion(code);
    }
  };
  return (
    <section class="crisis-panel" aria-labelledby="crisis-panel-title" ref={panel}>
      <h2 id="crisis-panel-title" tabIndex={-1} ref={heading}>
        You are not alone
      </h2>
      <p>{signpost.message}</p>
      {region && region !== 'elsewhere' ? (
        <CrisisLines code={region} />
      ) : region === 'elsewhere' ? (
        <p>
          Find a free helpline in your country at{' '}
          <a href={ELSEWHERE.url} rel="noopener">
            {ELSEWHERE.name}
          </a>
          .
        </p>
      ) : (
        <div class="field">
          <label for="crisis-region">Where are you? We show the lines there (and remember it for you).</label>
          <select
            id="crisis-region"
            value=""
            onChange={(e) => void choose(e.currentTarget.value as RegionCode | 'elsewhere')}
          >
            <option value="" disabled>
              Choose a country
            </option>
            {REGION_CODES.map((code) => (
              <option key={code} value={code}>
                {CRISIS_REGIONS[code].name}
              </option>
            ))}
            <option value="elsewhere">Somewhere else</option>
          </select>
        </div>
      )}
      <div class="actions">
        <a class="button" href={signpost.crisisPage}>
          Talk to someone now
        </a>
        <AskFacilitator groupId={signpost.groupId} />
        <a class="button secondary" href={signpost.safetyPlan}>
          My safety plan
        </a>
        <button type="button" class="secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <p class="hint">
        Your post is shared with the group as you wrote it. The group’s facilitators can see that it may need
        support, so someone may check in with you.
      </p>
    </section>
  );
}

/** Account setting: the region whose crisis lines the crisis panel shows. */
export function RegionPreference() {
  const [region, setRegion] = useState<RegionCode | '' | null>(null);
  const [saved, setSaved] = useState(false);
  const [unread, setUnread] = useState<ApiError | null>(null);
  useEffect(() => {
    void get<{ region: RegionCode | null }>('/me/preferences')
      .then((p) => {
        setRegion(p.region ?? '');
        rememberRegion(p.region);
      })
      .catch((e: ApiError) => setUnread(e));
  }, []);
  // Offline, say so: the crisis page still shows the region chosen last, kept in this browser.
  if (unread)
    return (
      <p class="meta">
        {unread.code === 'offline'
          ? 'Where you are, for crisis lines, can be changed when you are connected.'
          : `Where you are, for crisis lines, cannot be read now: ${unread.message}`}
      </p>
    );
  if (region === null) return <Loading />;
  return (
    <>
      <div class="field">
        <label for="region">Where you are, for crisis lines</label>
        <select
          id="region"
          value={region}
          onChange={async (e) => {
            const value = e.currentTarget.value as RegionCode | '';
            setRegion(value);
            setSaved(false);
            await api('PATCH', '/me/preferences', { region: value || null });
            rememberRegion(value || null);
            setSaved(true);
          }}
        >
          <option value="">Not chosen</option>
          {REGION_CODES.map((code) => (
            <option key={code} value={code}>
              {CRISIS_REGIONS[code].name}
            </option>
          ))}
        </select>
      </div>
      {saved && (
        <p role="status" class="meta">
          Saved.
        </p>
      )}
      {region && <CrisisLines code={region} />}
    </>
  );
}
