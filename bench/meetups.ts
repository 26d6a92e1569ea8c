/**
 * RSVP and schedule figures: latency under 50 concurrent clients, DynamoDB round trips and
 * consumed capacity per request, and how an RSVP's cost grows with the people already on it.
 * Runs the Hono app in process against in-memory dynalite, with the SDK instrumented.
 * @module
 */
import { BatchGetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { BENCH_GROUP, benchStack, ms, pct } from './harness';

export async function benchMeetups(say: (line?: string) => void, quick: boolean) {
  const h = await benchStack('hearth-bench-meetups');
  const { db, meter, reset, call, signup } = h;

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

  // 1. Latency: 50 clients at once, each RSVPing and withdrawing on one occurrence, against the
  // same 50 clients making bare calls. The kinds take turns in blocks, so a spell of load on a
  // shared machine falls on all of them alike, and each kind's samples are pooled.
  const [hot] = await schedule(12, 20, '2027-03-16T18:30');
  const clients = members.slice(0, 50);
  const blocks = quick ? 2 : 8;
  const rounds = quick ? 3 : 5; // per block
  const latencies: number[] = [];
  const byMethod: Record<'PUT' | 'DELETE', number[]> = { PUT: [], DELETE: [] };
  const storm = { requests: 0, calls: 0, lost: 0 };
  const rsvpStorm = async (warm: number) => {
    reset();
    await Promise.all(
      clients.map(async (c, i) => {
        for (let r = -warm; r < rounds; r++) {
          for (const [method, body] of [
            ['PUT', { attendance: i % 2 ? 'online' : 'in_person' }],
            ['DELETE', undefined],
          ] as const) {
            const t = performance.now();
            await call(c, method, `/occurrences/${hot!.occurrenceId}/rsvp`, body);
            if (r < 0) continue;
            latencies.push(performance.now() - t);
            byMethod[method].push(performance.now() - t);
          }
        }
      }),
    );
    storm.requests += clients.length * (rounds + warm) * 2;
    storm.calls += meter.calls;
    storm.lost += meter.lost;
  };
  // One unmeasured round first, so the figures are the steady state, not the first request's
  // loading of the meetups context and the JIT warming up.
  await rsvpStorm(1);
  // The occurrence as the storm left it: the item every RSVP above wrote.
  const { Items: stormed } = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      KeyConditionExpression: 'pk = :p AND sk = :s',
      ExpressionAttributeValues: { ':p': `GROUP#${groupId}`, ':s': `OCC#${hot!.occurrenceId}` },
    }),
  );
  const ledgerItem = stormed![0]!;
  /** 50 clients doing bare PutItems: a tiny item, on one key or each its own; or the ledger item itself. */
  const puts: number[] = [];
  const spreadPuts: number[] = [];
  const ledgerPuts: number[] = [];
  const barePuts = async (kind: 'shared' | 'spread' | 'ledger', times: number[]) => {
    await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        for (let r = 0; r < rounds * 2; r++) {
          const t = performance.now();
          const key = kind === 'spread' ? { pk: `BENCH#${i}`, sk: `R#${r}` } : { pk: 'BENCH#hot', sk: 'HOT' };
          const item = kind === 'ledger' ? { ...ledgerItem, ...key } : { ...key, at: Date.now() };
          await db.doc.send(new PutCommand({ TableName: db.table, Item: item }));
          times.push(performance.now() - t);
        }
      }),
    );
  };
  /**
   * 50 clients making just the DynamoDB calls an RSVP and a withdrawal make, bare: the BatchGet
   * of four items (one the occurrence, projected to the caller's entry) and the conditional
   * UpdateItem of the ledger, on a copy of the storm's occurrence. What the API adds is the rest.
   * `least`: the least any RSVP could read first (who the session is, and that they are a
   * member: two small items), then the write returning only what changed.
   */
  const ledger = { pk: 'BENCH#ledger', sk: 'LEDGER' };
  const side = (i: number) => ({ pk: `BENCH#small${i}`, sk: 'S' });
  await db.doc.send(new PutCommand({ TableName: db.table, Item: { ...ledgerItem, ...ledger } }));
  for (let i = 0; i < 3; i++)
    await db.doc.send(
      new PutCommand({ TableName: db.table, Item: { ...side(i), at: 1, name: 'x'.repeat(60) } }),
    );
  const rsvpCalls: number[] = [];
  const leastCalls: number[] = [];
  const bareRsvpCalls = async (least: boolean, times: number[]) => {
    await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const me = `bench-client-${String(i).padStart(8, '0')}`;
        for (let r = 0; r < rounds; r++) {
          for (const join of [true, false]) {
            const t = performance.now();
            await db.doc.send(
              new BatchGetCommand({
                RequestItems: {
                  [db.table]: least
                    ? { Keys: [side(0), side(1)] }
                    : {
                        Keys: [ledger, side(0), side(1), side(2)],
                        ProjectionExpression: 'pk, sk, #at, #n, lineOnline.#u, capOnline, #s, rsvpClosesAt',
                        ExpressionAttributeNames: { '#at': 'at', '#n': 'name', '#u': me, '#s': 'status' },
                      },
                },
              }),
            );
            await db.doc.send(
              new UpdateCommand({
                TableName: db.table,
                Key: ledger,
                UpdateExpression: join
                  ? 'SET lineOnline.#u = tickets, tickets = tickets + :one ADD inLineOnline :one, version :one'
                  : 'REMOVE lineOnline.#u ADD inLineOnline :minus, version :one',
                ConditionExpression: join
                  ? 'attribute_not_exists(lineOnline.#u)'
                  : 'attribute_exists(lineOnline.#u)',
                ExpressionAttributeNames: { '#u': me },
                ExpressionAttributeValues: join ? { ':one': 1 } : { ':minus': -1, ':one': 1 },
                ReturnValues: join || least ? 'UPDATED_NEW' : 'ALL_NEW',
              }),
            );
            times.push(performance.now() - t);
          }
        }
      }),
    );
  };
  for (let b = 0; b < blocks; b++) {
    if (b > 0) await rsvpStorm(0);
    await barePuts('shared', puts);
    await bareRsvpCalls(false, rsvpCalls);
    await bareRsvpCalls(true, leastCalls);
    await barePuts('spread', spreadPuts);
    await barePuts('ledger', ledgerPuts);
  }

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
  /** One PUT (then its DELETE, unmeasured): its latency, calls and consumed capacity. */
  const member = members[members.length - 1]!;
  const once = async (occurrenceId: string) => {
    reset();
    const start = performance.now();
    await call(member, 'PUT', `/occurrences/${occurrenceId}/rsvp`, { attendance: 'online' });
    const one = { ms: performance.now() - start, calls: meter.calls, units: meter.units };
    await call(member, 'DELETE', `/occurrences/${occurrenceId}/rsvp`);
    return one;
  };
  await fill(occs[1]!.occurrenceId, 10);
  await fill(occs[2]!.occurrenceId, 400);
  // The two take turns, so what slows the machine for a while slows both.
  const tenRuns: { ms: number; calls: number; units: number }[] = [];
  const fourHundredRuns: typeof tenRuns = [];
  for (let i = 0; i < (quick ? 20 : 100); i++) {
    tenRuns.push(await once(occs[1]!.occurrenceId));
    fourHundredRuns.push(await once(occs[2]!.occurrenceId));
  }
  const summary = (runs: typeof tenRuns) => ({
    p50: pct(
      runs.map((r) => r.ms),
      0.5,
    ),
    calls: Math.max(...runs.map((r) => r.calls)),
    units: runs.at(-1)!.units,
  });
  const small = summary(tenRuns);
  const large = summary(fourHundredRuns);

  // 3. A schedule page (20 occurrences), as a visitor and as a member.
  reset();
  await call('', 'GET', `/groups/${groupId}/occurrences?limit=20&from=2027-03-01T00:00:00Z`);
  const visitorPage = { ...meter };
  reset();
  await call(members[0]!, 'GET', `/groups/${groupId}/occurrences?limit=20&from=2027-03-01T00:00:00Z`);
  const memberPage = { ...meter };
  await h.stop();

  const p99 = pct(latencies, 0.99);
  const putP99 = pct(puts, 0.99);
  const callsP99 = pct(rsvpCalls, 0.99);
  say('## RSVPs and the schedule (in process, dynalite in memory)');
  say('');
  say(
    `50 clients at once, each RSVPing and withdrawing ${blocks * rounds} times on one occurrence (12 + 20 places), vs 50 clients doing bare PutItems (the ratio is against PutItems on one item: dynalite, like DynamoDB, serialises writes to one item, and the RSVP ledger is one item by design):`,
  );
  say('');
  say('| measure | p50 | p99 |');
  say('|---|---|---|');
  say(
    `| bare dynalite PutItem, 50 concurrent, each on its own item | ${ms(pct(spreadPuts, 0.5))} | ${ms(pct(spreadPuts, 0.99))} |`,
  );
  say(`| bare dynalite PutItem, 50 concurrent, all on one item | ${ms(pct(puts, 0.5))} | ${ms(putP99)} |`);
  say(
    `| bare dynalite PutItem of the ledger item itself (${(JSON.stringify(ledgerItem).length / 1024).toFixed(1)} KB), 50 concurrent | ${ms(pct(ledgerPuts, 0.5))} | ${ms(pct(ledgerPuts, 0.99))} |`,
  );
  say(
    `| bare BatchGet + ledger UpdateItem (an RSVP's own calls), 50 concurrent | ${ms(pct(rsvpCalls, 0.5))} | ${ms(callsP99)} |`,
  );
  say(
    `| PUT/DELETE /api/occurrences/{id}/rsvp, 50 concurrent | ${ms(pct(latencies, 0.5))} | ${ms(p99)} (${(p99 / putP99).toFixed(2)}×) |`,
  );
  say(
    `| the least any RSVP could do, bare: a BatchGet of two small items (session, membership) + the UpdateItem | ${ms(pct(leastCalls, 0.5))} | ${ms(pct(leastCalls, 0.99))} (${(pct(leastCalls, 0.99) / putP99).toFixed(2)}×) |`,
  );
  say(`| … the API's RSVP p99 over its own bare calls' p99 | | ${(p99 / callsP99).toFixed(2)}× |`);
  for (const m of ['PUT', 'DELETE'] as const)
    say(`| … of which ${m} | ${ms(pct(byMethod[m], 0.5))} | ${ms(pct(byMethod[m], 0.99))} |`);
  say('');
  say(
    `In that storm: ${storm.requests} requests made ${storm.calls} DynamoDB calls (${(storm.calls / storm.requests).toFixed(1)} each), ${storm.lost} of them conditional updates that lost a race.`,
  );
  say('');
  say(
    'One RSVP (PUT) by a member, DynamoDB calls and consumed capacity (the session, the membership and the occurrence in one BatchGet; the ledger update):',
  );
  say('');
  say('| people already going | latency p50 | DynamoDB calls | capacity units |');
  say('|---|---|---|---|');
  say(`| 10 | ${ms(small.p50)} | ${small.calls} | ${small.units} |`);
  say(`| 400 | ${ms(large.p50)} | ${large.calls} | ${large.units} |`);
  say('');
  say(
    `Schedule page of 20 occurrences: visitor ${visitorPage.calls} calls, ${visitorPage.units} capacity units; member ${memberPage.calls} calls, ${memberPage.units} units (a member also reads the page's ledgers, for their own RSVPs).`,
  );
  say('');
  return {
    rsvpP99Ratio: p99 / putP99,
    rsvpOverCalls: p99 / callsP99,
    rsvpOverLedgerPut: p99 / pct(ledgerPuts, 0.99),
    bareCallsOverPut: callsP99 / putP99,
    leastOverPut: pct(leastCalls, 0.99) / putP99,
    latencyRatio400: large.p50 / small.p50,
    capacityRatio400: large.units / small.units,
    calls: Math.max(small.calls, large.calls),
  };
}
