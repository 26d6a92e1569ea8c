/**
 * The safety loop's cost: a post that matches a crisis phrase (stored, its author's support
 * request opened, the facilitator on duty told) beside a plain post, interleaved, each by a member
 * posting for the first time in the run; with DynamoDB calls and round trips of each, and whether
 * the facilitator on duty reads the notice on their very next request.
 * @module
 */
import { BENCH_CLOCK, BENCH_GROUP, benchStack, ms, pct } from './harness';

export async function benchSafety(say: (line?: string) => void, quick: boolean) {
  // A clock that moves a millisecond a reading, so each notice is newer than the one before.
  let clock = BENCH_CLOCK;
  const h = await benchStack('hearth-bench-safety', { now: () => ++clock });
  const { meter, reset, call, signup } = h;
  const owner = await signup();
  const groupId = (await call(owner, 'POST', '/groups', BENCH_GROUP)).json.groupId as string;
  const facilitator = await signup();
  await call(facilitator, 'POST', `/groups/${groupId}/members`, { acceptGuidelines: true, alias: 'On duty' });
  const facId = (await call(facilitator, 'GET', '/me')).json.userId as string;
  await call(owner, 'PATCH', `/groups/${groupId}/members/${facId}`, { role: 'facilitator' });
  await call(owner, 'PUT', `/groups/${groupId}/facilitators/${facId}`, { trainedOn: '2026-09-01' });
  const start = new Date(BENCH_CLOCK + 2 * 86_400_000).toISOString().slice(0, 10);
  const made = await call(owner, 'POST', `/groups/${groupId}/meetups`, {
    title: 'Circle',
    start: `${start}T18:30`,
    durationMinutes: 90,
    mode: 'online',
    online: { url: 'https://meet.example/c' },
    capacity: { online: 10 },
  });
  await call(owner, 'PUT', `/occurrences/${made.json.occurrences[0].occurrenceId}/roster/lead`, {
    userId: facId,
  });
  const threadId = (
    await call(owner, 'POST', `/groups/${groupId}/threads`, { title: 'How are you doing?', body: 'Tell us.' })
  ).json.thread.threadId as string;

  const n = quick ? 20 : 500;
  const members: string[] = [];
  for (let i = 0; i < n; i++) {
    const m = await signup();
    await call(m, 'POST', `/groups/${groupId}/members`, { acceptGuidelines: true, alias: `Member ${i + 1}` });
    await call(m, 'POST', `/threads/${threadId}/posts`, { body: 'Warming up.' });
    members.push(m);
  }
  const plain = { times: [] as number[], calls: [] as number[], trips: [] as number[] };
  const crisis = { times: [] as number[], calls: [] as number[], trips: [] as number[] };
  let readable = true;
  let notices = 0;
  // What the facilitator had unread before (their duty's notice).
  const baseline = (await call(facilitator, 'GET', '/me/notifications?limit=1')).json.unread as number;
  const post = async (who: string, kind: typeof plain, body: string) => {
    reset();
    const t = performance.now();
    await call(who, 'POST', `/threads/${threadId}/posts`, { body });
    kind.times.push(performance.now() - t);
    kind.calls.push(meter.calls);
    kind.trips.push(meter.trips);
  };
  for (const [i, m] of members.entries()) {
    // Each kind goes first half the time, so a slow spell of the machine falls on both alike.
    const crisisPost = () => post(m, crisis, 'Some nights I think about killing myself.');
    const plainPost = () => post(m, plain, 'A quieter week, thank you all for asking.');
    if (i % 2) await crisisPost().then(plainPost);
    else await plainPost().then(crisisPost);
    // The facilitator on duty: the notice is there on their very next request, no job between.
    const seen = (await call(facilitator, 'GET', '/me/notifications?limit=1')).json;
    notices++;
    // The newest notice is about this member's request (unread counts stop at the newest 100).
    const newest = seen.items[0];
    if (newest?.kind !== 'support' || !newest.text.includes(`by Member ${i + 1} `)) readable = false;
    if (seen.unread !== Math.min(100, baseline + notices)) readable = false;
  }
  await h.stop();

  const p99 = pct(crisis.times, 0.99);
  const plainP99 = pct(plain.times, 0.99);
  say('## The safety loop (in process, dynalite in memory)');
  say('');
  say(
    `${n} members each post once plainly and once with a crisis phrase (each crisis post opens its author's support request and tells the facilitator on duty), interleaved:`,
  );
  say('');
  const most = (xs: number[]) => Math.max(...xs);
  say('| post | p50 | p99 | DynamoDB calls (most) | round trips (most) |');
  say('|---|---|---|---|---|');
  say(
    `| plain reply | ${ms(pct(plain.times, 0.5))} | ${ms(plainP99)} | ${pct(plain.calls, 0.5)} (${most(plain.calls)}) | ${pct(plain.trips, 0.5)} (${most(plain.trips)}) |`,
  );
  say(
    `| reply with a crisis phrase | ${ms(pct(crisis.times, 0.5))} (${(pct(crisis.times, 0.5) / pct(plain.times, 0.5)).toFixed(2)}×) | ${ms(p99)} (${(p99 / plainP99).toFixed(2)}×) | ${pct(crisis.calls, 0.5)} (${most(crisis.calls)}) | ${pct(crisis.trips, 0.5)} (${most(crisis.trips)}) |`,
  );
  say('');
  say(
    'A crisis post reads who is on duty from the hint its group item keeps (searching the schedule only when the schedule changed or that meetup ended: the most calls above), and writes itself in one batch with its notices and the log entry.',
  );
  say('');
  say(
    `The facilitator on duty read each notice on their very next request: ${readable ? 'yes' : 'NO'} (${notices} requests opened, each checked at once).`,
  );
  say('');
  return { p99Ratio: p99 / plainP99, trips: most(crisis.trips), plainTrips: most(plain.trips), readable };
}
