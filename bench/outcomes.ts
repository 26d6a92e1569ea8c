/**
 * The facilitators' figures ("How sessions go") for a group with two years of weekly meetups,
 * 50 members answering after each and counting their wellbeing: what a view costs, in DynamoDB
 * calls and time, beside a bare Query of the same partition's tallies. The totals are kept up to
 * date as answers come (one tally a meetup, one item a quarter), so a view reads them, never the
 * answers. The tallies and quarters are written as answers would leave them (50 a meetup);
 * the meetups are made through the API.
 * @module
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { FEEDBACK_ITEMS, monthIn, quarterIn, WHO5_BANDS } from '../functions/core/outcomes';
import { putMany } from '../functions/store/batch';
import { keys } from '../functions/store/keys';
import { BENCH_GROUP, benchStack, ms, pct } from './harness';

const WEEKS = 104;
const MEMBERS = 50;
const WEEK = 7 * 86_400_000;

export async function benchOutcomes(say: (line?: string) => void, quick: boolean) {
  const start = Date.parse('2024-12-03T18:30:00Z');
  let clock = start - WEEK;
  const h = await benchStack('hearth-bench-outcomes', { now: () => clock });
  const { db, meter, reset, call, signup } = h;
  const owner = await signup();
  const groupId = (await call(owner, 'POST', '/groups', BENCH_GROUP)).json.groupId as string;
  const made = await call(owner, 'POST', `/groups/${groupId}/meetups`, {
    title: 'Tuesday circle',
    start: '2024-12-03T18:30',
    durationMinutes: 90,
    mode: 'online',
    online: { url: 'https://meet.example/tuesday' },
    capacity: { online: 60 },
    recurrence: { rrule: `FREQ=WEEKLY;BYDAY=TU;COUNT=${WEEKS}` },
  });
  const occurrences = made.json.occurrences as { occurrenceId: string; startAt: string }[];
  clock = start + WEEKS * WEEK;
  // Two years on, the owner signs in again (the first account the bench made).
  const again = (
    await call('', 'POST', '/auth/login', { handle: 'b1x', passphrase: 'benchmark phrase here' })
  ).cookie;
  // What 50 answers a meetup leave: sums, a set of counted ids, a few comments.
  const tallies = occurrences.map((o, i) => {
    const at = Date.parse(o.startAt);
    return {
      ...keys.feedbackTally(groupId, at, o.occurrenceId),
      occurrenceId: o.occurrenceId,
      startAt: at,
      month: monthIn(at, 'Europe/London'),
      n: MEMBERS,
      counted: new Set(Array.from({ length: MEMBERS }, (_, m) => `answer-${i}-${m}-${'x'.repeat(30)}`)),
      comments: Array.from({ length: 8 }, (_, c) => `Comment ${c}: the quiet start helped me say something.`),
      ...Object.fromEntries(FEEDBACK_ITEMS.map((item) => [`sum_${item}`, MEMBERS * 7])),
    };
  });
  const quarters = [...new Set(occurrences.map((o) => quarterIn(Date.parse(o.startAt), 'Europe/London')))];
  await putMany(db, [
    ...tallies,
    ...quarters.map((q) => ({
      ...keys.wellbeingQuarter(groupId, q),
      quarter: q,
      members: Object.fromEntries(
        Array.from({ length: MEMBERS }, (_, m) => [`member-key-${m}-xxxxxx`, WHO5_BANDS[m % 4]]),
      ),
    })),
  ]);

  const runs = quick ? 30 : 200;
  const times: number[] = [];
  let calls = 0;
  let meetups = 0;
  for (let i = 0; i < runs + 5; i++) {
    reset();
    const t = performance.now();
    const res = await call(again, 'GET', `/groups/${groupId}/outcomes`);
    if (i >= 5) times.push(performance.now() - t);
    calls = meter.calls;
    meetups = res.json.feedback.meetups.length;
  }
  // Bare: the tallies' Query alone, made the same way.
  const bare: number[] = [];
  for (let i = 0; i < runs + 5; i++) {
    const t = performance.now();
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await db.doc.send(
        new QueryCommand({
          TableName: db.table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
          ExpressionAttributeValues: { ':pk': keys.group(groupId).pk, ':p': keys.feedbackTallyPrefix },
          ExclusiveStartKey: startKey,
        }),
      );
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    if (i >= 5) bare.push(performance.now() - t);
  }
  await h.stop();
  const p99 = pct(times, 0.99);
  const bareP99 = pct(bare, 0.99);
  say('## How sessions go (in process, dynalite in memory)');
  say('');
  say(
    `The facilitators' figures for a group with ${WEEKS} weekly meetups over two years, ${MEMBERS} answers each (${meetups} meetups' tallies, ${quarters.length} quarters of wellbeing), viewed ${runs} times:`,
  );
  say('');
  say('| | p50 | p99 | DynamoDB calls |');
  say('|---|---|---|---|');
  say(`| GET /api/groups/{id}/outcomes | ${ms(pct(times, 0.5))} | ${ms(p99)} | ${calls} |`);
  say(`| bare Query of the tallies alone | ${ms(pct(bare, 0.5))} | ${ms(bareP99)} | – |`);
  say('');
  say(
    `The view's p99 is ${(p99 / bareP99).toFixed(2)}× the bare Query's; its calls are those of the session, the group, the two years of meetups (paged), the tallies and the quarters, whatever the number of answers.`,
  );
  say('');
  return { p99Ratio: p99 / bareP99, calls };
}
