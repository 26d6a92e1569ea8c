/**
 * A group's own item: read (with the caller's membership, in one round trip), changed under its
 * version (its directory entries follow), and the directory read page by page.
 * @module
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ATTENDANCE_MONTHS_DEFAULT } from '../../core/retention';
import { getMany, keyOf } from '../batch';
import type { Db } from '../client';
import { ifWritten } from '../conditional';
import { keys } from '../keys';
import { GSI1 } from '../table';
import { directoryRepo } from './directory';
import type { DirectoryQuery } from './directory-pages';
import { fromItem, type GroupRecord, type MemberRecord, readGroup } from './group-records';

export function groupItems(db: Db) {
  const { doc, table } = db;
  const directory = directoryRepo(db);
  const read = (groupId: string) => readGroup(db, groupId);
  return {
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
      const out = await ifWritten(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.group(before.groupId),
            UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
            ConditionExpression: '#version = :v',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      if (!out) return null; // edited meanwhile: the caller retries on fresh data
      const after = fromItem(out.Attributes!);
      await directory.sync(after, read, before);
      return after;
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
  };
}
