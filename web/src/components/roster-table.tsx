/** A group's roster as a table: meetups by week × duties, gaps marked, duties given by hand. @module */
import { useState } from 'preact/hooks';
import { ROLE_ORDER, ROSTER_ROLES, type RosterRole } from '../../../functions/core/roster';
import type {
  RosterEntry as Entry,
  FacilitatorView as Facilitator,
} from '../../../functions/core/schemas/roster';
import { api, del } from '../api';
import { dateText, localText } from '../when';

/** Rows grouped by the week (Monday to Sunday, by the meetup's own date) they fall in. */
function weeks(rows: Entry[]): [string, Entry[]][] {
  const out = new Map<string, Entry[]>();
  for (const o of rows) {
    const d = new Date(`${o.startLocal.slice(0, 10)}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    const monday = d.toISOString().slice(0, 10);
    out.set(monday, [...(out.get(monday) ?? []), o]);
  }
  return [...out];
}

export function RosterTable({
  rows,
  people,
  owner,
  onChange,
}: {
  rows: Entry[];
  people: Facilitator[];
  owner: boolean;
  onChange: () => Promise<void>;
}) {
  const [error, setError] = useState<string | null>(null);
  const roles = ROLE_ORDER.filter((r) => rows.some((o) => o.staffing.roles.includes(r)));
  const give = async (o: Entry, role: RosterRole, userId: string) => {
    setError(null);
    try {
      await api('PUT', `/occurrences/${o.occurrenceId}/roster/${role}`, { userId });
      await onChange();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  if (!rows.length) return null;
  return (
    <div class="table-wrap">
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
      <table class="stack roster">
        <caption class="visually-hidden">Duties for each meetup</caption>
        <thead>
          <tr>
            <th scope="col">Meetup</th>
            {roles.map((r) => (
              <th key={r} scope="col">
                {ROSTER_ROLES[r]}
              </th>
            ))}
          </tr>
        </thead>
        {weeks(rows).map(([monday, week]) => (
          <tbody key={monday}>
            <tr class="week">
              <th colSpan={roles.length + 1} scope="rowgroup">
                Week of {dateText(monday)}
              </th>
            </tr>
            {week.map((o) =>
              o.status === 'cancelled' ? (
                <tr key={o.occurrenceId} class="cancelled">
                  <th scope="row" data-label="Meetup">
                    <a href={`/occurrences/${o.occurrenceId}`}>{o.title}</a>
                    <span class="meta"> {localText(o.startLocal)}</span>
                    <strong> Cancelled</strong>
                  </th>
                  <td colSpan={roles.length} class="meta" data-label="Duties">
                    No one is needed.
                  </td>
                </tr>
              ) : (
                <tr key={o.occurrenceId} class={o.understaffed ? 'gap' : undefined}>
                  <th scope="row" data-label="Meetup">
                    <a href={`/occurrences/${o.occurrenceId}`}>{o.title}</a>
                    <span class="meta"> {localText(o.startLocal)}</span>
                    {o.understaffed && <strong class="gap-label"> Understaffed</strong>}
                  </th>
                  {roles.map((r) => {
                    const s = o.slots[r];
                    if (!o.staffing.roles.includes(r))
                      return (
                        <td key={r} data-label={ROSTER_ROLES[r]} class="meta">
                          not needed
                        </td>
                      );
                    return (
                      <td key={r} data-label={ROSTER_ROLES[r]}>
                        {s ? (
                          <>
                            {s.displayName}{' '}
                            <span class="meta">
                              (
                              {s.coverRequestId
                                ? 'asking for cover'
                                : s.status === 'confirmed'
                                  ? 'confirmed'
                                  : 'not confirmed'}
                              )
                            </span>
                            {owner && (
                              <button
                                type="button"
                                class="secondary small"
                                aria-label={`Take ${ROSTER_ROLES[r].toLowerCase()} off ${s.displayName} on ${localText(o.startLocal)}`}
                                onClick={async () => {
                                  await del(`/occurrences/${o.occurrenceId}/roster/${r}`);
                                  await onChange();
                                }}
                              >
                                Remove
                              </button>
                            )}
                          </>
                        ) : owner ? (
                          <select
                            aria-label={`${ROSTER_ROLES[r]} on ${localText(o.startLocal)}`}
                            value=""
                            onChange={(e) => void give(o, r, e.currentTarget.value)}
                          >
                            <option value="">Gap: choose…</option>
                            {people
                              .filter((p) => p.active)
                              .map((p) => (
                                <option key={p.userId} value={p.userId}>
                                  {p.displayName}
                                </option>
                              ))}
                          </select>
                        ) : (
                          <strong class="gap-label">Gap</strong>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ),
            )}
          </tbody>
        ))}
      </table>
    </div>
  );
}
