/**
 * A group's roster page: its meetups × duties (components/roster-table), its facilitators
 * (components/facilitators), auto-fill and one's own availability (components/roster-planning),
 * open cover requests (components/cover-requests); "My duties" is pages/duties.
 * @module
 */

import { useEffect, useState } from 'preact/hooks';
import { canStaff } from '../../../functions/core/roster';
import type { GroupDetail } from '../../../functions/core/schemas/groups';
import type {
  CoverRequestView as Cover,
  RosterEntry as Entry,
  FacilitatorView as Facilitator,
} from '../../../functions/core/schemas/roster';
import { get } from '../api';
import { CoverRequests } from '../components/cover-requests';
import { Facilitators } from '../components/facilitators';
import { PlainInput } from '../components/forms';
import { AutofillPanel, Availability, inDays, today } from '../components/roster-planning';
import { RosterTable } from '../components/roster-table';
import { t } from '../i18n';
import { me } from '../state';
import { Back, Loading, SignInFirst, usePage } from '../ui';

export function RosterPage({ groupId }: { groupId: string }) {
  const h = usePage(t('roster.title'));
  const [group, setGroup] = useState<GroupDetail | null>(null);
  const [rows, setRows] = useState<Entry[] | null>(null);
  const [people, setPeople] = useState<Facilitator[]>([]);
  const [covers, setCovers] = useState<Cover[]>([]);
  const [from, setFrom] = useState(today());
  const [to, setTo] = useState(inDays(27));
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    try {
      const [g, r, f, c] = await Promise.all([
        get<GroupDetail>(`/groups/${groupId}`),
        get<{ items: Entry[] }>(`/groups/${groupId}/roster?from=${from}&to=${to}`),
        get<{ items: Facilitator[] }>(`/groups/${groupId}/facilitators`),
        get<{ items: Cover[] }>(`/groups/${groupId}/cover-requests`),
      ]);
      setGroup(g);
      setRows(r.items);
      setPeople(f.items);
      setCovers(c.items);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  useEffect(() => {
    if (me.value) void load();
  }, [groupId, me.value?.userId, from, to]);
  if (me.value === null) return <SignInFirst title={t('roster.title')} doing={t('roster.signInTo')} />;
  const owner = canStaff(group?.membership);
  const facilitator =
    group?.membership?.role === 'facilitator' || people.some((p) => p.userId === me.value?.userId);
  const gaps = rows?.filter((r) => r.understaffed).length ?? 0;
  // A cancelled meetup needs no one: it is neither staffed nor a gap.
  const live = rows?.filter((r) => r.status === 'scheduled').length ?? 0;
  const off = (rows?.length ?? 0) - live;
  return (
    <>
      <Back href={`/groups/${groupId}`}>{group?.name ?? t('roster.group')}</Back>
      <h1 ref={h} tabIndex={-1}>
        {t('roster.title')}
      </h1>
      {error ? (
        <p class="alert" role="alert">
          {error}
        </p>
      ) : !rows ? (
        <Loading />
      ) : (
        <>
          <div class="row">
            <PlainInput
              id="roster-from"
              label={t('roster.from')}
              type="date"
              value={from}
              onValue={setFrom}
            />
            <PlainInput id="roster-to" label={t('roster.to')} type="date" value={to} onValue={setTo} />
          </div>
          <p class={gaps ? 'alert' : 'notice'} role="status">
            {t(
              live === 0
                ? 'roster.noneToStaff'
                : gaps
                  ? 'roster.understaffed'
                  : live === 1
                    ? 'roster.staffedOne'
                    : 'roster.staffedAll',
              { gaps, live, off },
            )}
          </p>
          <RosterTable rows={rows} people={people} owner={owner} onChange={load} />
          {(covers.length > 0 || facilitator) && <CoverRequests covers={covers} onChange={load} />}
          {owner && <Facilitators groupId={groupId} people={people} onChange={load} />}
          {owner && <AutofillPanel groupId={groupId} onApplied={load} />}
          {facilitator && <Availability groupId={groupId} onSaved={load} />}
        </>
      )}
    </>
  );
}
