/** A group's open requests for cover, on its roster: each offers only what the viewer can do. */
import { useEffect, useRef } from 'preact/hooks';
import type { CoverRequestView as Cover } from '../../../functions/core/schemas/roster';
import { del, post } from '../api';
import { t } from '../i18n';
import { label } from '../labels';
import { useOutcome } from '../ui';
import { localText } from '../when';
import { coverBarText } from './roster-reasons';

export function CoverRequests({ covers, onChange }: { covers: Cover[]; onChange: () => Promise<void> }) {
  const { act, outcome } = useOutcome(onChange);
  // A notification links to one request: that one is marked, and the keyboard starts there.
  const linked = typeof window === 'undefined' ? '' : window.location.hash.replace(/^#cover-/, '');
  const target = useRef<HTMLLIElement>(null);
  useEffect(() => {
    target.current?.scrollIntoView({ block: 'center' });
    target.current?.focus();
  }, [linked]);
  return (
    <section aria-labelledby="covers">
      <h2 id="covers">{t('coverRequests.heading')}</h2>
      {outcome}
      {covers.length === 0 ? (
        <p class="meta">{t('coverRequests.none')}</p>
      ) : (
        <ul class="notes">
          {covers.map((c) => {
            const duty = t('coverRequests.duty', {
              role: label('rosterRole', c.role),
              title: c.title,
              when: localText(c.startLocal),
            });
            const here = c.coverRequestId === linked;
            return (
              <li
                key={c.coverRequestId}
                id={`cover-${c.coverRequestId}`}
                class={here ? 'linked' : undefined}
                tabIndex={here ? -1 : undefined}
                ref={here ? target : undefined}
              >
                {duty}{' '}
                <span class="meta">
                  {t('coverRequests.askedBy', { mine: c.mine ? 'yes' : 'no', name: c.askedBy })}
                </span>
                {c.note && <q class="note">{c.note}</q>}{' '}
                {c.mine ? (
                  <button
                    type="button"
                    class="secondary small"
                    onClick={() =>
                      act(() => del(`/cover-requests/${c.coverRequestId}`), t('coverRequests.withdrawn'))
                    }
                  >
                    {t('coverRequests.withdraw')}
                  </button>
                ) : c.whyNot ? (
                  <span class="meta">
                    {t('coverRequests.cannotTake', { reason: coverBarText(c.whyNot) })}
                  </span>
                ) : (
                  <button
                    type="button"
                    class="small"
                    aria-label={t('coverRequests.coverLabel', { duty })}
                    onClick={() =>
                      act(
                        () => post(`/cover-requests/${c.coverRequestId}/accept`),
                        t('coverRequests.thanks', { duty }),
                      )
                    }
                  >
                    {t('coverRequests.cover')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
