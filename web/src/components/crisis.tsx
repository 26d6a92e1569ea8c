/**
 * Crisis support in the web app: the calm panel an author sees when their post matched a crisis
 * phrase, a region's crisis lines, and the account's choice of region.
 * @module
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  CRISIS_REGIONS,
  type CrisisLine,
  type CrisisRegion,
  dialable,
  ELSEWHERE,
  REGION_CODES,
  type RegionCode,
} from '../../../functions/core/crisis-lines';
import { crisisPath, dirOf } from '../../../functions/core/i18n/locales';
import type { ConversationView } from '../../../functions/core/schemas/support';
import type { Signpost } from '../../../functions/core/schemas/threads';
import { type ApiError, api, get, post } from '../api';
import { locale, nameOf, t, tx } from '../i18n';
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
export function CrisisLines({ code, named }: { code: RegionCode; named?: boolean }) {
  const r: CrisisRegion = CRISIS_REGIONS[code];
  const name = (children: ComponentChildren) => (
    <strong>
      <bdi>{children}</bdi>
    </strong>
  );
  const tel = (n: string) => (children: ComponentChildren) => <a href={`tel:${dialable(n)}`}>{children}</a>;
  const sms = (n: string) => (children: ComponentChildren) => <a href={`sms:${dialable(n)}`}>{children}</a>;
  const region = regionName(code);
  return (
    <div class="crisis-lines">
      {named && <h3 class="region">{region}</h3>}
      <p>
        <strong>
          {t('crisis.inDanger', {
            number: new Intl.ListFormat(locale.value, { type: 'disjunction' }).format(
              r.emergency.split(' or '),
            ),
          })}
        </strong>
      </p>
      <ul>
        {r.lines.map((l: CrisisLine) => (
          <li key={l.name} lang={l.languages?.[0]}>
            {l.call && l.text
              ? tx(
                  'crisis.lineCallText',
                  { name: l.name, region, call: ltr(l.call), text: ltr(l.text) },
                  name,
                  tel(l.call),
                  sms(l.text),
                )
              : l.call
                ? tx('crisis.lineCall', { name: l.name, region, number: ltr(l.call) }, name, tel(l.call))
                : tx(
                    'crisis.lineText',
                    { name: l.name, region, number: ltr(l.text ?? '') },
                    name,
                    sms(l.text ?? ''),
                  )}{' '}
            <a href={l.url} rel="noopener" dir="ltr">
              {new URL(l.url).hostname.replace(/^www\./, '')}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A number kept left to right inside a right-to-left sentence ("116 123", never "123 116"). */
const ltr = (n: string) => (dirOf(locale.value) === 'rtl' ? `\u2066${n}\u2069` : n);

/** The regions, named and ordered in the reader's language. */
const regionsByName = (): [RegionCode, string][] =>
  REGION_CODES.map((c): [RegionCode, string] => [c, regionName(c)]).sort((a, b) =>
    a[1].localeCompare(b[1], locale.value),
  );

/** A region's name in the reader's language ("España", "Allemagne"). */
const regionName = (code: string) => nameOf('region', code) ?? code;

/** "I'd like a facilitator to reach out": opens the member's conversation with them. */
export function AskFacilitator({ groupId, label }: { groupId: string; label?: string }) {
  const [open, setOpen] = useState<ConversationView | null>(null);
  const ask = useSubmit(async () =>
    setOpen(await post<ConversationView>(`/groups/${groupId}/conversations`, {})),
  );
  if (open)
    return (
      <Status message={t('crisis.asked')}>
        <a href={`/conversations/${open.conversationId}`}>{t('crisis.yourConversation')}</a>.
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
        {label ?? t('crisis.askFacilitator')}
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
  const suggested = region ? [] : (signpost.suggested ?? []);
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
        {t('crisis.heading')}
      </h2>
      <p>{t('crisis.message')}</p>
      {suggested.map((code) => (
        <CrisisLines key={code} code={code} named />
      ))}
      {region && region !== 'elsewhere' ? (
        <CrisisLines code={region} />
      ) : region === 'elsewhere' ? (
        <p>
          {tx('crisis.elsewhere', { name: ELSEWHERE.name }, (c) => (
            <a href={ELSEWHERE.url} rel="noopener">
              {c}
            </a>
          ))}
        </p>
      ) : (
        <div class="field">
          <label for="crisis-region">{suggested.length ? t('crisis.whereElse') : t('crisis.where')}</label>
          <select
            id="crisis-region"
            value=""
            onChange={(e) => void choose(e.currentTarget.value as RegionCode | 'elsewhere')}
          >
            <option value="" disabled>
              {t('crisis.chooseCountry')}
            </option>
            {regionsByName().map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
            <option value="elsewhere">{t('crisis.somewhereElse')}</option>
          </select>
        </div>
      )}
      <div class="actions">
        <a class="button" href={crisisPath(locale.value)}>
          {t('crisis.talkNow')}
        </a>
        <AskFacilitator groupId={signpost.groupId} />
        <a class="button secondary" href={signpost.safetyPlan}>
          {t('crisis.safetyPlan')}
        </a>
        <button type="button" class="secondary" onClick={onClose}>
          {t('crisis.close')}
        </button>
      </div>
      <p class="hint">{t('crisis.shared')}</p>
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
          ? t('crisis.regionOffline')
          : t('crisis.regionUnread', { problem: unread.message })}
      </p>
    );
  if (region === null) return <Loading />;
  return (
    <>
      <div class="field">
        <label for="region">{t('crisis.regionLabel')}</label>
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
          <option value="">{t('crisis.notChosen')}</option>
          {regionsByName().map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </div>
      {saved && (
        <p role="status" class="meta">
          {t('crisis.saved')}
        </p>
      )}
      {region && <CrisisLines code={region} />}
    </>
  );
}
