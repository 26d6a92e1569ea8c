/**
 * How each member is reached, in one item of their own partition (so it goes with their
 * account): their reminder choices, quiet hours and zone, and the push subscriptions of their
 * devices, at most MAX_PUSH_DEVICES, a limit one conditional write keeps; and how far the
 * reminder and push jobs have read.
 * @module
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Locale } from '../../core/i18n/locales';
import { DEFAULT_REACH, MAX_PUSH_DEVICES, type ReachSettings } from '../../core/reach';
import { getMany, keyOf } from '../batch';
import type { Db } from '../client';
import { ifWritten, written } from '../conditional';
import { keys } from '../keys';

export interface PushDevice {
  deviceId: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
  /** What the member calls it ("Phone", "Chrome on Linux"), to tell their devices apart. */
  label: string;
  addedAt: number;
}

export interface Reach extends ReachSettings {
  userId: string;
  devices: PushDevice[];
  /** The language pushes are worded in: the member's (absent: English). */
  language?: Locale;
}

const CURSORS = {
  reminders: keys.reminderCursor,
  pushes: keys.pushCursor,
  'feedback-asks': keys.feedbackAskCursor,
};
type Cursor = keyof typeof CURSORS;

const SETTINGS = ['meetups', 'duties', 'newMeetups', 'quiet', 'zone', 'detail'] as const;

function fromItem(userId: string, item: Record<string, unknown> | undefined): Reach {
  const settings = { ...DEFAULT_REACH };
  for (const k of SETTINGS) if (item?.[k] !== undefined) Object.assign(settings, { [k]: item[k] });
  const devices = Object.values((item?.devices ?? {}) as Record<string, PushDevice>).sort(
    (a, b) => a.addedAt - b.addedAt,
  );
  return { userId, ...settings, devices, ...(item?.language ? { language: item.language as Locale } : {}) };
}

export function reachRepo(db: Db) {
  const { doc, table } = db;
  return {
    async get(userId: string): Promise<Reach> {
      const out = await doc.send(new GetCommand({ TableName: table, Key: keys.reach(userId) }));
      return fromItem(userId, out.Item);
    },

    /** Many members' at once (a reminder run's), by user id; defaults for those who chose nothing. */
    async many(userIds: string[]): Promise<Map<string, Reach>> {
      const found = await getMany(db, userIds.map(keys.reach));
      return new Map(userIds.map((id) => [id, fromItem(id, found.get(keyOf(keys.reach(id))))]));
    },

    /** The language pushes are worded in, kept in step with the account's. */
    async setLanguage(userId: string, language: Locale): Promise<void> {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.reach(userId),
          UpdateExpression: 'SET #l = :l',
          ExpressionAttributeNames: { '#l': 'language' },
          ExpressionAttributeValues: { ':l': language },
        }),
      );
    },

    async saveSettings(userId: string, s: ReachSettings): Promise<void> {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.reach(userId),
          UpdateExpression: `SET ${SETTINGS.map((k) => `#${k} = :${k}`).join(', ')}`,
          ExpressionAttributeNames: Object.fromEntries(SETTINGS.map((k) => [`#${k}`, k])),
          ExpressionAttributeValues: Object.fromEntries(SETTINGS.map((k) => [`:${k}`, s[k]])),
        }),
      );
    },

    /**
     * Adds a device, or renews one already there (the same endpoint): false when the member has
     * MAX_PUSH_DEVICES already. One conditional write decides, however many ask at once.
     */
    async addDevice(userId: string, d: PushDevice): Promise<boolean> {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.reach(userId),
          UpdateExpression: 'SET devices = if_not_exists(devices, :none)',
          ExpressionAttributeValues: { ':none': {} },
        }),
      );
      return written(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.reach(userId),
            UpdateExpression: 'SET devices.#d = :d',
            ConditionExpression: 'attribute_exists(devices.#d) OR size(devices) < :max',
            ExpressionAttributeNames: { '#d': d.deviceId },
            ExpressionAttributeValues: { ':d': d, ':max': MAX_PUSH_DEVICES },
          }),
        ),
      );
    },

    /** Forgets a device (the member removed it, or its push service said it is gone); false when not there. */
    async removeDevice(userId: string, deviceId: string): Promise<boolean> {
      return written(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.reach(userId),
            UpdateExpression: 'REMOVE devices.#d',
            ConditionExpression: 'attribute_exists(devices.#d)',
            ExpressionAttributeNames: { '#d': deviceId },
          }),
        ),
      );
    },

    /** Where a job (reminders, pushed notices) looked up to (null before its first run). */
    async cursor(job: Cursor): Promise<number | null> {
      const out = await doc.send(new GetCommand({ TableName: table, Key: CURSORS[job] }));
      return (out.Item?.until as number | undefined) ?? null;
    },

    /** Moves the cursor forward, never back (an overlapping slower run cannot undo a faster one). */
    async advance(job: Cursor, until: number): Promise<void> {
      await ifWritten(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: CURSORS[job],
            UpdateExpression: 'SET #u = :u',
            ConditionExpression: 'attribute_not_exists(#u) OR #u < :u',
            ExpressionAttributeNames: { '#u': 'until' },
            ExpressionAttributeValues: { ':u': until },
          }),
        ),
      );
    },
  };
}

export type ReachRepo = ReturnType<typeof reachRepo>;
