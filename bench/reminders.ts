/**
 * The reminder job at scale: 10,000 reminders due in one minute (ten meetups at the same hour,
 * a thousand going to each, every member with one device), each written once and pushed to a
 * push service on loopback that checks and decrypts it. Beside it, in the same run, the least
 * such a minute could cost: one bare conditional PutItem and one bare push per reminder, at the
 * same concurrency. DynamoDB calls per reminder, total time, and capacity units.
 * @module
 */
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { eachLimited } from '../functions/jobs/pool';
import { reminders } from '../functions/jobs/reminders';
import { newVapidKeys, sendPush } from '../functions/push/send';
import { putMany } from '../functions/store/batch';
import { keys } from '../functions/store/keys';
import { reachRepo } from '../functions/store/repos/reach';
import { startPushService } from '../tests/support/push-service';
import { BENCH_CLOCK, BENCH_GROUP, benchStack, ms } from './harness';

/** Dollars per million write request units, DynamoDB on demand (us-east-1, 2025 list price). */
const WRITE_PRICE = 0.625;

export async function benchReminders(say: (line?: string) => void, quick: boolean) {
  const perMeetup = quick ? 200 : 1000;
  const meetupCount = 10;
  const total = perMeetup * meetupCount;
  let clock = BENCH_CLOCK;
  const h = await benchStack('hearth-bench-reminders', { now: () => clock });
  const { db, meter, reset, call, signup } = h;
  const service = await startPushService();
  const vapid = { ...newVapidKeys(), subject: 'mailto:ops@hearth.example' };

  const owner = await signup();
  const groupId = (await call(owner, 'POST', '/groups', BENCH_GROUP)).json.groupId as string;
  // Ten meetups at 18:00 tomorrow (London), a thousand places online each.
  const occurrenceIds: string[] = [];
  for (let i = 0; i < meetupCount; i++) {
    const made = await call(owner, 'POST', `/groups/${groupId}/meetups`, {
      title: `Evening circle ${i}`,
      start: '2026-12-02T18:00',
      durationMinutes: 90,
      mode: 'online',
      online: { url: 'https://meet.example/circle' },
      capacity: { online: 1000 },
    });
    occurrenceIds.push(made.json.occurrences[0].occurrenceId as string);
  }
  const startAt = Date.parse('2026-12-02T18:00:00Z');
  // The members, written straight to the table: a place in a meetup's line, and one device each.
  const members = Array.from({ length: total }, (_, i) => `bench-member-${String(i).padStart(6, '0')}xx`);
  for (const [m, occurrenceId] of occurrenceIds.entries()) {
    const line = Object.fromEntries(
      members.slice(m * perMeetup, (m + 1) * perMeetup).map((u, i) => [u, i + 1]),
    );
    await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.occurrence(occurrenceId),
        UpdateExpression: 'SET lineOnline = :l',
        ExpressionAttributeValues: { ':l': line },
      }),
    );
  }
  const subscriptions = members.map(() => service.subscribe());
  await putMany(
    db,
    members.map((userId, i) => ({
      ...keys.reach(userId),
      meetups: [60],
      devices: {
        [`d${i}`]: {
          deviceId: `d${i}`,
          endpoint: subscriptions[i]!.endpoint,
          keys: subscriptions[i]!.keys,
          label: 'Phone',
          addedAt: BENCH_CLOCK,
        },
      },
    })),
  );

  // The job's minute: an hour before the start.
  clock = startAt - 60 * 60_000;
  await reachRepo(db).advance('reminders', clock - 60_000);
  reset();
  let t0 = performance.now();
  const sent = await reminders.run({ db, now: clock, vapid });
  const jobMs = performance.now() - t0;
  const job = { calls: meter.calls, units: meter.units };
  const delivered = service.delivered.length;

  // Bare: one conditional PutItem and one push per reminder, 32 at a time, nothing else.
  reset();
  t0 = performance.now();
  await eachLimited(members, 32, async (userId) => {
    await db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: { pk: `BARE#${userId}`, sk: 'REMINDER', at: clock },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  });
  const bareWritesMs = performance.now() - t0;
  const bareUnits = meter.units;
  t0 = performance.now();
  let i = 0;
  await eachLimited(members, 32, async () => {
    await sendPush(
      vapid,
      subscriptions[i++]!,
      { title: 'Hearth', body: 'A session at 18:00 today' },
      { ttlSeconds: 3600 },
    );
  });
  const barePushMs = performance.now() - t0;
  await service.stop();
  await h.stop();

  const perReminder = job.calls / total;
  const unitsPerReminder = job.units / total;
  // A member going to four meetups a month, reminded twice for each: eight reminders a month.
  const monthly = 10_000 * 8 * unitsPerReminder;
  say('## Reminders at scale');
  say('');
  say(
    `${total.toLocaleString('en')} reminders due in one minute (${meetupCount} meetups, ${perMeetup} going to each, one device each), written once and pushed to a loopback push service that verifies and decrypts each.`,
  );
  say('');
  say('| run | time | DynamoDB calls | per reminder | capacity units | pushes taken |');
  say('|---|---|---|---|---|---|');
  say(
    `| reminder job | ${ms(jobMs)} | ${job.calls} | ${perReminder.toFixed(3)} | ${job.units.toFixed(0)} | ${delivered} |`,
  );
  say(
    `| bare: one conditional PutItem each | ${ms(bareWritesMs)} | ${total} | 1 | ${bareUnits.toFixed(0)} | – |`,
  );
  say(`| bare: one push each | ${ms(barePushMs)} | 0 | 0 | – | ${service.delivered.length - delivered} |`);
  say('');
  const ratio = jobMs / (bareWritesMs + barePushMs);
  say(
    `The job takes ${ratio.toFixed(2)}× the bare writes and pushes together. Capacity: ${unitsPerReminder.toFixed(2)} units a reminder; for 10,000 members reminded eight times a month, ${Math.round(monthly).toLocaleString('en')} units, about $${((monthly / 1e6) * WRITE_PRICE).toFixed(2)} a month on demand (every unit priced as a write at $${WRITE_PRICE} per million, an upper bound).`,
  );
  say('');
  return { total, sent, delivered, perReminder, ratio };
}
