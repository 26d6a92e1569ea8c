/** A group's open requests for cover, on its roster: each offers only what the viewer can do. */
import { useEffect, useRef } from 'preact/hooks';
import { ROSTER_ROLES } from '../../../functions/core/roster';
import type { CoverRequestView as Cover } from '../../../functions/core/schemas/roster';
import { del, post } from '../api';
import { useOutcome } from '../ui';
import { localText } from '../when';

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
      <h2 id="covers">Cover needed</h2>
      {outcome}
      {covers.length === 0 ? (
        <p class="meta">No open requests.</p>
      ) : (
        <ul class="notes">
          {covers.map((c) => {
            const duty = `${ROSTER_ROLES[c.role]} at ${c.title}, ${localText(c.startLocal)}`;
            const here = c.coverRequestId === linked;
            return (
              <li
                key={c.coverRequestId}
                id={`cover-${c.coverRequestId}`}
                class={here ? 'linked' : undefined}
                tabIndex={here ? -1 : undefined}
                ref={here ? target : undefined}
              >
                {duty} <span class="meta">(asked by {c.mine ? 'you' : c.askedBy})</span>
                {c.note && <q class="note">{c.note}</q>}{' '}
                {c.mine ? (
                  <button
                    type="button"
                    class="secondary small"
                    onClick={() =>
                      act(
                        () => del(`/cover-requests/${c.coverRequestId}`),
                        'Withdrawn: the duty is still yours.',
                      )
                    }
                  >
                    Withdraw my request
                  </button>
                ) : c.whyNot ? (
                  <span class="meta">You can’t take this: {c.whyNot}.</span>
                ) : (
                  <button
                    type="button"
                    class="small"
                    aria-label={`I’ll cover it: ${duty}`}
                    onClick={() =>
                      act(
                        () => post(`/cover-requests/${c.coverRequestId}/accept`),
                        `Thank you: ${duty} is yours now.`,
                      )
                    }
                  >
                    I’ll cover it
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
