/**
 * Pushing one message to every device of one member, at once: a device its push service says
 * is gone is forgotten; one that fails this time is tried again by the next message.
 * @module
 */
import type { PushMessage } from '../core/reach';
import { sendPush, type Vapid } from '../push/send';
import type { Db } from '../store/client';
import { type Reach, reachRepo } from '../store/repos/reach';

/** How many of the member's devices took it. */
export async function pushToMember(
  db: Db,
  vapid: Vapid,
  reach: Reach,
  message: PushMessage,
  opts: { ttlSeconds: number; urgency?: 'normal' | 'high' },
): Promise<number> {
  const outcomes = await Promise.all(
    reach.devices.map(async (d) => {
      const outcome = await sendPush(vapid, d, message, opts);
      if (outcome === 'gone') await reachRepo(db).removeDevice(reach.userId, d.deviceId);
      return outcome;
    }),
  );
  return outcomes.filter((o) => o === 'sent').length;
}
