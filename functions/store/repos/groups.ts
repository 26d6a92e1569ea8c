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

import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { MemberStatus, Role } from '../../core/groups';
import { ATTENDANCE_MONTHS_DEFAULT } from '../../core/retention';
import { isStaffRole, type Staff } from '../../core/support';
import { getMany, keyOf } from '../batch';
import type { Db } from '../client';
import { alreadyDone, isConditionFailure, written } from '../conditional';
import { keys } from '../keys';
import { queryPage } from '../paging';
import { SETTLE_MS } from '../settle';
import { GSI1 } from '../table';
import { type DirectoryQuery, directoryRepo } from './directory';
import { groupInvites } from './group-invites';
import { fromItem, type GroupRecord, type MemberRecord } from './group-records';
import { groupSchedule } from './group-schedule';
import { memberStanding } from './member-standing';

const MEMBER_KEYS = ['pk', 'sk'] as const;

const aliasKey = (alias: string) => alias.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');

export function groupsRepo(db: Db) {
  const { doc, table } = db;
  const directory = directoryRepo(db);
  /** The group as it is now (the directory's writes read it again when they lose a race). */
  const read = async (groupId: string) => {
    const out = await doc.send(
      new GetCommand({ TableName: table, Key: keys.group(groupId), ConsistentRead: true }),
    );
    return out.Item ? fromItem(out.Item) : null;
  };

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

    /** Marks the group's schedule as changed (its public feed's validators). */
    async getGroup(groupId: string): Promise<GroupRecord | null> {
      const out = await doc.send(new GetCommand({ TableName: table, Key: keys.group(groupId) }));
      return out.Item ? fromItem(out.Item) : null;
    },

    /** The group and one person's membership of it, in one round trip. */
    async getGroupWithMember(
      groupId: string,
      userId: string | null,
    ): Promise<{ group: GroupRecord | null; member: MemberRecord | null }> {
      if (!userId) return { group: await this.getGroup(groupId), member: null };
      const gk = keys.group(groupId);
      const mk = keys.member(groupId, userId);
      const items = await getMany(db, [gk, mk], { consistent: true });
      const g = items.get(keyOf(gk));
      const m = items.get(keyOf(mk));
      return { group: g ? fromItem(g) : null, member: (m as MemberRecord | undefined) ?? null };
    },
    async getGroups(groupIds: string[]): Promise<GroupRecord[]> {
      const items = await getMany(
        db,
        groupIds.map((id) => keys.group(id)),
      );
      const found = new Map([...items.values()].map((i) => [i.groupId as string, fromItem(i)]));
      return groupIds.map((id) => found.get(id)).filter((g): g is GroupRecord => !!g);
    },

    /** Applies changed fields under the version read, then refreshes the directory. */
    async updateGroup(
      before: GroupRecord,
      changes: Partial<Omit<GroupRecord, 'groupId' | 'owners' | 'memberCount' | 'version' | 'createdAt'>>,
    ): Promise<GroupRecord | null> {
      const names: Record<string, string> = { '#version': 'version' };
      const values: Record<string, unknown> = { ':v': before.version, ':next': before.version + 1 };
      const sets = ['#version = :next'];
      const removes: string[] = [];
      const set = (field: string, value: unknown) => {
        names[`#${field}`] = field;
        values[`:${field}`] = value;
        sets.push(`#${field} = :${field}`);
      };
      const { discussionMonths, ...rest } = changes;
      for (const [field, value] of Object.entries(rest)) if (value !== undefined) set(field, value);
      // Groups that keep discussions for a while are listed for the retention job; forever: not.
      if (discussionMonths === null) {
        removes.push('#discussionMonths', '#gp1', '#gs1');
        Object.assign(names, {
          '#discussionMonths': 'discussionMonths',
          '#gp1': GSI1.partition,
          '#gs1': GSI1.sort,
        });
      } else if (discussionMonths !== undefined) {
        set('discussionMonths', discussionMonths);
        for (const [k, v] of Object.entries(keys.retainingDiscussions(before.groupId))) set(k, v);
      }
      // Meetups' names kept for less time than before: the job sweeps the group's past once.
      const attendance = changes.attendanceMonths;
      if (attendance !== undefined && attendance < (before.attendanceMonths ?? ATTENDANCE_MONTHS_DEFAULT)) {
        set('attendanceSweep', true);
        for (const [k, v] of Object.entries(keys.attendanceSweep(before.groupId))) set(k, v);
      }
      try {
        const out = await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.group(before.groupId),
            UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
            ConditionExpression: '#version = :v',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ReturnValues: 'ALL_NEW',
          }),
        );
        const after = fromItem(out.Attributes!);
        await directory.sync(after, read, before);
        return after;
      } catch (e) {
        if (isConditionFailure(e)) return null; // edited meanwhile: the caller retries on fresh data
        throw e;
      }
    },

    /**
     * Gives directory entries written before they carried how and where the group meets those
     * facets, once (a Query of the directory, never a Scan); returns how many groups it rewrote.
     */
    async upgradeDirectoryFacets(): Promise<number> {
      return directory.upgrade((ids) => this.getGroups(ids), read);
    },

    /** One page of the public directory, optionally filtered; at most a few round trips. */
    async listDirectory(opts: DirectoryQuery): Promise<{ groups: GroupRecord[]; nextCursor: string | null }> {
      const page = await directory.page(opts);
      const groups = await this.getGroups(page.groupIds);
      // The index is eventually consistent: drop anything that has meanwhile gone private.
      return { groups: groups.filter((g) => g.visibility === 'public'), nextCursor: page.nextCursor };
    },

    async getMember(groupId: string, userId: string): Promise<MemberRecord | null> {
      const out = await doc.send(
        new GetCommand({ TableName: table, Key: keys.member(groupId, userId), ConsistentRead: true }),
      );
      return (out.Item as MemberRecord | undefined) ?? null;
    },

    /** Creates a membership; false when the person is already a member (or pending). */
    async putMember(m: MemberRecord): Promise<boolean> {
      return written(
        doc.send(
          new PutCommand({
            TableName: table,
            Item: {
              ...keys.member(m.groupId, m.userId),
              ...m,
              [GSI1.partition]: keys.membershipsOf(m.userId),
              [GSI1.sort]: keys.membershipSort(m.groupId),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
    },

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
      const out = await doc.send(
        new QueryCommand({
          TableName: table,
          IndexName: GSI1.name,
          KeyConditionExpression: '#p = :p',
          ExpressionAttributeNames: { '#p': GSI1.partition },
          ExpressionAttributeValues: { ':p': keys.membershipsOf(userId) },
          Limit: 200,
        }),
      );
      return (out.Items ?? []) as MemberRecord[];
    },

    /** Claims an alias in a group for a person; idempotent for the same person. */
    /**
     * Claims an alias in a group for a member about to join under it. An alias held for a minute
     * by someone who is not a member under it (a join or a leave that a crash stopped half-way)
     * is free again.
     */
    async claimAlias(groupId: string, alias: string, userId: string, now: number): Promise<boolean> {
      const key = keys.alias(groupId, aliasKey(alias));
      const claim = async (condition: string, values: Record<string, unknown>) => {
        return written(
          doc.send(
            new PutCommand({
              TableName: table,
              Item: { ...key, userId, claimedAt: now },
              ConditionExpression: condition,
              ExpressionAttributeValues: values,
            }),
          ),
        );
      };
      if (await claim('attribute_not_exists(pk) OR userId = :u', { ':u': userId })) return true;
      const held = (await doc.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true })))
        .Item;
      if (!held || now - ((held.claimedAt as number | undefined) ?? 0) < SETTLE_MS) return false;
      const holder = await this.getMember(groupId, held.userId as string);
      if (holder?.alias && aliasKey(holder.alias) === aliasKey(alias)) return false;
      return claim('userId = :them', { ':them': held.userId });
    },

    async releaseAlias(groupId: string, alias: string, userId: string): Promise<void> {
      await written(
        doc.send(
          new DeleteCommand({
            TableName: table,
            Key: keys.alias(groupId, aliasKey(alias)),
            ConditionExpression: 'userId = :u',
            ExpressionAttributeValues: { ':u': userId },
          }),
        ),
      );
    },

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
