/**
 * RSVP and schedule figures: latency under 50 concurrent clients, DynamoDB round trips and
 * consumed capacity per request, and how an RSVP's cost grows with the people already on it.
 * Runs the Hono app in process against in-memory dynalite, with the SDK instrumented.
 * @module
 */
import type { AddressInfo } from 'node:net';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import { createApp } from './functions/api/app';
import { openApi } from './functions/api/openapi';
import { createDb } from './functions/store/client';
import { ensureTable } from './functions/store/schema';

/** The group both benches create. */
export const BENCH_GROUP = {
  name: 'Bench Group',
  description: 'For measuring.',
  focus: ['wellbeing'],
  guidelines: 'Be kind to each other and to the benchmark.',
  timezone: 'Europe/London',
  visibility: 'public',
  joinPolicy: 'open',
  moderationPolicy: 'light',
  tone: 'social',
};

const TEST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;

async function benchMeetups(say: (line?: string) => void, quick: boolean) {
  const engine = dynalite({ createTableMs: 0 });
  await new Promise<void>((r) => engine.listen(0, '127.0.0.1', r));
  const db = createDb({
    table: 'hearth-bench-meetups',
    endpoint: `http://127.0.0.1:${(engine.address() as AddressInfo).port}`,
  });
  await ensureTable(db);

  // Count every DynamoDB call and what it consumed.
  const meter = { calls: 0, units: 0, lost: 0 };
  db.doc.middlewareStack.add(
    (next) => async (args) => {
      meter.calls++;
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      let out: Awaited<ReturnType<typeof next>>;
      try {
        out = await next(args);
      } catch (e) {
        if ((e as Error).name === 'ConditionalCheckFailedException') meter.lost++;
        throw e;
      }
      const used = (out.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
      // dynalite reports one CapacityUnits figure per call (reads and writes together).
      for (const c of [used].flat() as ({ CapacityUnits?: number } | undefined)[])
        meter.units += c?.CapacityUnits ?? 0;
      return out;
    },
    { step: 'initialize', name: 'benchMeter' },
  );
  const reset = () => Object.assign(meter, { calls: 0, units: 0, lost: 0 });

  const clock = Date.parse('2026-12-01T10:00:00Z');
  const app = createApp({
    db,
    now: () => clock,
    scrypt: TEST_SCRYPT,
    openApi,
    clientAddress: () => `10.0.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}`,
  });
  async function call(cookie: string, method: string, path: string, body?: unknown) {
    const res = await app.request(`/api${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return {
      res,
      json: JSON.parse(text),
      cookie: res.headers.getSetCookie().at(-1)?.split(';')[0] ?? cookie,
    };
  }
  let n = 0;
  const signup = async () =>
    (await call('', 'POST', '/auth/signup', { handle: `b${++n}x`, passphrase: 'benchmark phrase here' }))
      .cookie;

  const owner = await signup();
  const groupId = (await call(owner, 'POST', '/groups', BENCH_GROUP)).json.groupId as string;
  const members: string[] = [];
  const memberCount = 420;
  for (let i = 0; i < memberCount; i += 30) {
    members.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(30, memberCount - i) }, async () => {
          const c = await signup();
          await call(c, 'POST', `/groups/${groupId}/members`, { acceptGuidelines: true });
          return c;
        }),
      )),
    );
  }
  const schedule = async (inPerson: number, online: number, start: string) =>
    (
      await call(owner, 'POST', `/groups/${groupId}/meetups`, {
        title: 'Bench meetup',
        start,
        durationMinutes: 60,
        mode: 'hybrid',
        venue: { name: 'Hall', address: '1 Main Street' },
        online: { url: 'https://meet.example/bench' },
        capacity: { inPerson, online },
        recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=20' },
      })
    ).json.occurrences as { occurrenceId: string }[];

  // 2. Cost per RSVP with 10 and with 400 people already on the occurrence.
  const occs = await schedule(500, 500, '2027-03-16T19:30');
  async function fill(occurrenceId: string, people: number) {
    for (let i = 0; i < people; i += 50) {
      await Promise.all(
        members
          .slice(i, Math.min(i + 50, people))
          .map((c) => call(c, 'PUT', `/occurrences/${occurrenceId}/rsvp`, { attendance: 'in_person' })),
      );
    }
  }
  const cost = async (occurrenceId: string) => {
    const c = members[members.length - 1]!;
    const runs = quick ? 10 : 40;
    const t: number[] = [];
    reset();
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await call(c, 'PUT', `/occurrences/${occurrenceId}/rsvp`, { attendance: 'online' });
      t.push(performance.now() - start);
      await call(c, 'DELETE', `/occurrences/${occurrenceId}/rsvp`);
    }
    // Half the calls and capacity belong to the withdrawals: count one RSVP as a PUT's share.
    reset();
    const one = performance.now();
    await call(c, 'PUT', `/occurrences/${occurrenceId}/rsvp`, { attendance: 'online' });
    const single = { ms: performance.now() - one, calls: meter.calls, units: meter.units };
    await call(c, 'DELETE', `/occurrences/${occurrenceId}/rsvp`);
    return { p50: pct(t, 0.5), ...single };
  };
  await fill(occs[1]!.occurrenceId, 10);
  await fill(occs[2]!.occurrenceId, 400);
  const small = await cost(occs[1]!.occurrenceId);
  const { Session } = await import('node:inspector/promises');
  const session = new Session(); session.connect();
  await session.post('Profiler.enable'); await session.post('Profiler.start');
  const large = await cost(occs[2]!.occurrenceId);
  const { profile } = await session.post('Profiler.stop');
  (await import('node:fs')).writeFileSync('/tmp/cost.cpuprofile', JSON.stringify(profile));
  console.log(small, large);
  await new Promise<void>((r) => engine.close(() => r()));
}



await benchMeetups(console.log, false);
