/**
 * Reading a group's members: by status, page by page or all at once, their display names, and
 * a member's memberships in every group.
 * @module
 */

import type { MemberStatus } from '../../core/groups';
import { getMany } from '../batch';
import type { Db } from '../client';
import { keys } from '../keys';
import { gsi1First, queryPage } from '../paging';
import type { MemberRecord } from './group-records';

export function memberLists(db: Db) {
  return {
    /** Display names (alias or handle) of some members of a group, for attendee lists. */
    async getDisplayNames(groupId: string, userIds: string[]): Promise<Map<string, string>> {
      const items = await getMany(
        db,
        userIds.map((u) => keys.member(groupId, u)),
        { only: [['userId'], ['displayName']] },
      );
      const names = new Map<string, string>();
      for (const item of items.values()) names.set(item.userId as string, item.displayName as string);
      return names;
    },

    async listMembers(
      groupId: string,
      opts: { status?: MemberStatus; limit: number; cursor?: string },
    ): Promise<{ members: MemberRecord[]; nextCursor: string | null }> {
      const pk = keys.group(groupId).pk;
      const page = await queryPage(
        db,
        {
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          FilterExpression: opts.status ? '#status = :status' : undefined,
          ExpressionAttributeNames: opts.status ? { '#status': 'status' } : undefined,
          ExpressionAttributeValues: {
            ':pk': pk,
            ':prefix': keys.memberPrefix,
            ...(opts.status ? { ':status': opts.status } : {}),
          },
          ConsistentRead: true,
        },
        {
          limit: opts.limit,
          cursor: opts.cursor,
          keyAttributes: MEMBER_KEYS,
          partition: { attribute: 'pk', value: pk },
        },
      );
      return { members: page.items as unknown as MemberRecord[], nextCursor: page.nextCursor };
    },

    /** Every active member of a group, page after page (the roster's candidates are among them). */
    async activeMembers(groupId: string): Promise<MemberRecord[]> {
      const members: MemberRecord[] = [];
      let cursor: string | undefined;
      do {
        const page = await this.listMembers(groupId, { status: 'active', limit: 500, cursor });
        members.push(...page.members);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return members;
    },

    /** The groups a person belongs to or has asked to join (at most 200). */
    async listMembershipsOf(userId: string): Promise<MemberRecord[]> {
      return gsi1First<MemberRecord>(db, keys.membershipsOf(userId), 200);
    },
  };
}

export const MEMBER_KEYS = ['pk', 'sk'] as const;
