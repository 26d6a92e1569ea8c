/** What the API answers about a group's facilitators. @module */
import type { FacilitatorRecord } from '../../store/repos/roster-records';

export function facilitatorView(f: FacilitatorRecord, names: Map<string, string>) {
  return {
    userId: f.userId,
    displayName: names.get(f.userId) ?? 'Former member',
    active: f.active,
    trainedOn: f.trainedOn,
    trainedBy: f.trainedBy ? (names.get(f.trainedBy) ?? 'Former member') : null,
    maxPerMonth: f.maxPerMonth,
    modes: f.modes,
    weekly: f.weekly,
    away: f.away,
  };
}
