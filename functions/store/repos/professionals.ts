/**
 * Verified professionals: an application, its verification by an admin, and which of a group's
 * members are verified (their notes and checks carry that).
 * @module
 */

import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { iso } from '../../core/time';
import { getMany } from '../batch';
import type { Db } from '../client';
import { keys } from '../keys';
import { gsi1First } from '../paging';
import { GSI1 } from '../table';

export function professionalsRepo(db: Db) {
  const { doc, table } = db;
  return {
    async getProfessional(userId: string): Promise<ProfessionalRecord | null> {
      const out = await doc.send(new GetCommand({ TableName: table, Key: keys.professional(userId) }));
      if (!out.Item) return null;
      const { pk: _pk, sk: _sk, [GSI1.partition]: _p, [GSI1.sort]: _s, ...p } = out.Item;
      return p as ProfessionalRecord;
    },

    /** An application waits in the admins' queue (GSI1) until it is decided. */
    async putProfessional(p: ProfessionalRecord): Promise<void> {
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: {
            ...keys.professional(p.userId),
            ...(p.status === 'pending'
              ? {
                  [GSI1.partition]: keys.professionalApplications,
                  [GSI1.sort]: `${iso(p.appliedAt)}#${p.userId}`,
                }
              : {}),
            ...p,
          },
        }),
      );
    },

    async pendingProfessionals(): Promise<ProfessionalRecord[]> {
      return gsi1First<ProfessionalRecord>(db, keys.professionalApplications, 100);
    },

    /** Whether each of these people is a verified professional (one BatchGet). */
    async professionalsAmong(userIds: string[]): Promise<Set<string>> {
      const found = await getMany(
        db,
        userIds.map((u) => keys.professional(u)),
        { only: [['userId'], ['status']] },
      );
      return new Set(
        [...found.values()].filter((p) => p.status === 'verified').map((p) => p.userId as string),
      );
    },
  };
}

export interface ProfessionalRecord {
  userId: string;
  status: 'pending' | 'verified' | 'declined';
  licenceType: string;
  licenceNumber: string;
  jurisdiction: string;
  note: string;
  appliedAt: number;
  decidedAt?: number;
  decidedBy?: string;
  reason?: string;
}
