/** A group's roster as a table: meetups by week × duties, gaps marked, duties given by hand. @module */
import { useState } from 'preact/hooks';
import { ROLE_ORDER, type RosterRole } from '../../../functions/core/roster';
import type {
  RosterEntry as Entry,
  FacilitatorView as Facilitator,
} from '../../../functions/core/schemas/roster';
import { api, del } from '../api';
import { locale, t } from '../i18n';
import { label } from '../labels';
import { dateText, localText } from '../when';

/** A duty's name inside a sentence ("Take lead facilitator off…"): lower case where the language writes it so. */
export function roleInText(r: RosterRole): string {
  const name = label('rosterRole', r);
  return locale.value === 'de' ? name : name.toLocaleLowerCase(locale.value);
}

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
        <caption class="visually-hidden">{t('rosterTable.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rosterTable.meetup')}</th>
            {roles.map((r) => (
              <th key={r} scope="col">
                {label('rosterRole', r)}
              </th>
            ))}
          </tr>
        </thead>
        {weeks(rows).map(([monday, week]) => (
          <tbody key={monday}>
            <tr class="week">
              <th colSpan={roles.length + 1} scope="rowgroup">
                {t('rosterTable.weekOf', { date: dateText(monday) })}
              </th>
            </tr>
            {week.map((o) =>
              o.status === 'cancelled' ? (
                <tr key={o.occurrenceId} class="cancelled">
                  <th scope="row" data-label={t('rosterTable.meetup')}>
                    <a href={`/occurrences/${o.occurrenceId}`}>{o.title}</a>
                    <span class="meta"> {localText(o.startLocal)}</span>
                    <strong> {t('rosterTable.cancelled')}</strong>
                  </th>
                  <td colSpan={roles.length} class="meta" data-label={t('rosterTable.duties')}>
                    {t('rosterTable.noOneNeeded')}
                  </td>
                </tr>
              ) : (
                <tr key={o.occurrenceId} class={o.understaffed ? 'gap' : undefined}>
                  <th scope="row" data-label={t('rosterTable.meetup')}>
                    <a href={`/occurrences/${o.occurrenceId}`}>{o.title}</a>
                    <span class="meta"> {localText(o.startLocal)}</span>
                    {o.understaffed && <strong class="gap-label"> {t('rosterTable.understaffed')}</strong>}
                  </th>
                  {roles.map((r) => {
                    const s = o.slots[r];
                    const role = label('rosterRole', r);
                    const when = localText(o.startLocal);
                    if (!o.staffing.roles.includes(r))
                      return (
                        <td key={r} data-label={role} class="meta">
                          {t('rosterTable.notNeeded')}
                        </td>
                      );
                    return (
                      <td key={r} data-label={role}>
                        {s ? (
                          <>
                            {s.displayName}{' '}
                            <span class="meta">
                              {t('rosterTable.slotState', { state: s.coverRequestId ? 'cover' : s.status })}
                            </span>
                            {owner && (
                              <button
                                type="button"
                                class="secondary small"
                                aria-label={t('rosterTable.removeLabel', {
                                  role: roleInText(r),
                                  name: s.displayName,
                                  when,
                                })}
                                onClick={async () => {
                                  await del(`/occurrences/${o.occurrenceId}/roster/${r}`);
                                  await onChange();
                                }}
                              >
                                {t('rosterTable.remove')}
                              </button>
                            )}
                          </>
                        ) : owner ? (
                          <select
                            aria-label={t('rosterTable.chooseLabel', { role, when })}
                            value=""
                            onChange={(e) => void give(o, r, e.currentTarget.value)}
                          >
                            <option value="">{t('rosterTable.gapChoose')}</option>
                            {people
                              .filter((p) => p.active)
                              .map((p) => (
                                <option key={p.userId} value={p.userId}>
                                  {p.displayName}
                                </option>
                              ))}
                          </select>
                        ) : (
                          <strong class="gap-label">{t('rosterTable.gap')}</strong>
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
