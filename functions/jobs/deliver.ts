/**
 * Pushing one message to every device of one member (push/send.ts), forgetting those gone.
 * @module
 */
import type { PushMessage } from '../core/reach';
import { sendToDevices, type Vapid } from '../push/send';
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
  const sent = await sendToDevices(vapid, reach.devices, message, opts, (d) =>
    reachRepo(db).removeDevice(reach.userId, d.deviceId),
  );
  return sent.filter((s) => s.outcome === 'sent').length;
}
