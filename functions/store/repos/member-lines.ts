/**
 * Which lines a member is in at these occurrences (going or waiting), reading no one's entry but
 * theirs.
 * @module
 */
import type { StoredLedger } from '../../core/ledger';
import type { Attendance } from '../../core/modes';
import { getMany } from '../batch';
import type { Db } from '../client';
import { keys } from '../keys';

export function memberLines(db: Db) {
  return {
    /** Which of these occurrences a member is in a line for, and which line (reads no lines but theirs). */
    async ticketsIn(occurrenceIds: string[], userId: string): Promise<Record<string, Attendance>> {
      const held: Record<string, Attendance> = {};
      for (const [id, line] of await this.linesOf(occurrenceIds, userId)) if (line) held[id] = line;
      return held;
    },

    /** For each of these that is an occurrence: the line the member is in (going or waiting), or null. */
    async linesOf(occurrenceIds: string[], userId: string): Promise<Map<string, Attendance | null>> {
      const items = await getMany(
        db,
        occurrenceIds.map((id) => keys.occurrence(id)),
        { only: [['occurrenceId'], ['lineInPerson', userId], ['lineOnline', userId]] },
      );
      const lines = new Map<string, Attendance | null>();
      for (const item of items.values()) {
        const o = item as Partial<StoredLedger> & { occurrenceId: string };
        lines.set(
          o.occurrenceId,
          o.lineInPerson?.[userId] !== undefined
            ? 'in_person'
            : o.lineOnline?.[userId] !== undefined
              ? 'online'
              : null,
        );
      }
      return lines;
    },
  };
}
