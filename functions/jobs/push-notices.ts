/**
 * Every minute: the notifications made since the last run go by push to the devices of those
 * who have any (support requests, cover requests, reports, escalations…: whatever the app tells
 * a member, it also pushes). Each is claimed by one conditional write before it is sent, so two
 * runs at once never push it twice; a notice already read in the app is not pushed.
 * @module
 */
import { noticeText } from '../core/i18n/notices';
import { notificationHref } from '../core/notifications';
import { inQuietHours, noticeMessage } from '../core/reach';
import { pushQueue } from '../store/repos/push-queue';
import { reachRepo } from '../store/repos/reach';
import { pushToMember } from './deliver';
import type { JobContext } from './job';
import { eachLimited } from './pool';

/** How far back a run looks when it has no cursor, or was down: older notices are not pushed. */
const LOOK_BACK = 60 * 60_000;
const minuteOf = (ms: number) => Math.floor(ms / 60_000) * 60_000;

/** Notices about a person in distress wake a phone (push "urgency: high") and come through quiet hours. */
const URGENT = new Set(['support', 'escalated']);

export const pushNotices = {
  name: 'push-notices',
  async run({ db, now, vapid }: JobContext): Promise<number> {
    if (!vapid) return 0;
    const reach = reachRepo(db);
    const queue = pushQueue(db);
    const from = Math.max((await reach.cursor('pushes')) ?? 0, minuteOf(now - LOOK_BACK));
    const waiting = await queue.waiting(minuteOf(from), minuteOf(now));
    const people = await reach.many([...new Set(waiting.map((n) => n.userId))]);
    let pushed = 0;
    await eachLimited(waiting, 32, async (n) => {
      const r = people.get(n.userId)!;
      if (!r.devices.length || n.read) return;
      if (!(await queue.take(n, now))) return;
      // Quiet hours hold back what can wait; a support request, or its escalation, goes anyway.
      if (!URGENT.has(n.kind) && inQuietHours(now, r.quiet, r.zone)) return;
      const message = noticeMessage(
        { notificationId: n.notificationId, text: noticeText(n, r.language), url: notificationHref(n) },
        r,
      );
      pushed += await pushToMember(db, vapid, r, message, {
        ttlSeconds: 24 * 3600,
        urgency: URGENT.has(n.kind) ? 'high' : 'normal',
      });
    });
    // The current minute may still gain notices: the next run reads it again (claims keep it once).
    await reach.advance('pushes', minuteOf(now));
    return pushed;
  },
};
