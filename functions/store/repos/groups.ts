/**
 * Groups, their directory entries, memberships, aliases and invites.
 *
 * Invariants and their single items:
 * - "a group keeps at least one owner": the group item's `owners` set, changed only under
 *   `size(owners) > 1` when an owner steps down;
 * - "one membership per person": the member item, created under `attribute_not_exists`;
 * - "an alias names one member of a group": the alias item, claimed conditionally.
 * Multi-item changes are ordered so that a crash between writes shows nothing wrong, and a retry
 * is idempotent (see each method).
 * @module
 */

import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Role } from '../../core/groups';
import { isStaffRole, type Staff } from '../../core/support';
import type { Db } from '../client';
import { alreadyDone, written } from '../conditional';
import { keys } from '../keys';
import { directoryRepo } from './directory';
import { groupInvites } from './group-invites';
import { groupItems } from './group-items';
import { type GroupRecord, type MemberRecord, readGroup } from './group-records';
import { groupSchedule } from './group-schedule';
import { memberItems } from './member-items';
import { memberLists } from './member-lists';
import { memberStanding } from './member-standing';

export function groupsRepo(db: Db) {
  const { doc, table } = db;
  const directory = directoryRepo(db);
  const read = (groupId: string) => readGroup(db, groupId);

  /**
   * Adds someone to the group's staff list with their role, or takes them off it (null). A group
   * stored before the list has none, and its staff is read from its members instead (staffOf).
   */
  async function setStaff(groupId: string, userId: string, role: Role | null): Promise<void> {
    await doc
      .send(
        new UpdateCommand({
          TableName: table,
          Key: keys.group(groupId),
          UpdateExpression: role ? 'SET staff.#u = :role' : 'REMOVE staff.#u',
          ConditionExpression: 'attribute_exists(staff)',
          ExpressionAttributeNames: { '#u': userId },
          ExpressionAttributeValues: role ? { ':role': role } : undefined,
        }),
      )
      .catch(alreadyDone);
  }

  return {
    ...memberItems(db),
    ...groupItems(db),
    ...memberLists(db),
    ...groupSchedule(db),
    ...memberStanding(db),
    ...groupInvites(db),
    /** Owner membership first (invisible without the group), then the group, then its listing. */
    async createGroup(g: GroupRecord, owner: MemberRecord): Promise<void> {
      await this.putMember(owner);
      const { discussionMonths, ...rest } = g;
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: {
            ...keys.group(g.groupId),
            ...rest,
            ...(typeof discussionMonths === 'number'
              ? { discussionMonths, ...keys.retainingDiscussions(g.groupId) }
              : {}),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      await directory.sync(g, read);
    },

    /** Claims an alias in a group for a person; idempotent for the same person. */
    /** Pending → active. False when the request was withdrawn or already decided. */
    async approveMember(groupId: string, userId: string): Promise<boolean> {
      return written(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.member(groupId, userId),
            UpdateExpression: 'SET #status = :active',
            ConditionExpression: '#status = :pending',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':active': 'active', ':pending': 'pending' },
          }),
        ),
      );
    },

    /**
     * Removes a membership and what hangs off it. The owner set is changed first by the caller
     * (stepDownOwner), so an owner can never be removed while they are the last one.
     */
    async deleteMember(m: MemberRecord, now: number): Promise<boolean> {
      if (isStaffRole(m.role)) await setStaff(m.groupId, m.userId, null);
      if (m.status === 'active') await this.membersChanging(m.groupId, now);
      if (
        !(await written(
          doc.send(
            new DeleteCommand({
              TableName: table,
              Key: keys.member(m.groupId, m.userId),
              ConditionExpression: 'attribute_exists(pk)',
            }),
          ),
        ))
      )
        return false;
      if (m.status === 'active') await this.addToMemberCount(m.groupId, -1);
      if (m.alias) await this.releaseAlias(m.groupId, m.alias, m.userId);
      return true;
    },

    /**
     * Changes an active member's role, and the group's staff list with it: someone leaving the
     * staff leaves the list first, someone joining it is added after their role is theirs.
     */
    async setRole(groupId: string, userId: string, role: Role): Promise<boolean> {
      if (!isStaffRole(role)) await setStaff(groupId, userId, null);
      if (
        !(await written(
          doc.send(
            new UpdateCommand({
              TableName: table,
              Key: keys.member(groupId, userId),
              UpdateExpression: 'SET #role = :role',
              ConditionExpression: '#status = :active',
              ExpressionAttributeNames: { '#role': 'role', '#status': 'status' },
              ExpressionAttributeValues: { ':role': role, ':active': 'active' },
            }),
          ),
        ))
      )
        return false;
      if (isStaffRole(role)) await setStaff(groupId, userId, role);
      return true;
    },

    /** The group's staff by user id; rebuilt from its members for a group stored before the list. */
    async staffOf(group: GroupRecord): Promise<Staff> {
      if (group.staff) return group.staff;
      const staff: Staff = {};
      for (const m of await this.activeMembers(group.groupId))
        if (isStaffRole(m.role)) staff[m.userId] = m.role;
      return staff;
    },
  };
}

export type GroupsRepo = ReturnType<typeof groupsRepo>;
