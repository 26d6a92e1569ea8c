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

  // 1. Latency: 50 clients at once, each RSVPing and withdrawing on one occurrence.
  const [hot] = await schedule(12, 20, '2027-03-16T18:30');
  const clients = members.slice(0, 50);
  const rounds = quick ? 6 : 20;
  const latencies: number[] = [];
  const byMethod: Record<'PUT' | 'DELETE', number[]> = { PUT: [], DELETE: [] };
  // One unmeasured round first, so the figures are the steady state, not the first request's
  // loading of the meetups context and the JIT warming up.
  const warm = 1;
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
  const storm = { requests: clients.length * (rounds + warm) * 2, calls: meter.calls, lost: meter.lost };
  /** 50 clients doing bare PutItems: on one shared item (as the RSVPs share one ledger), or each its own. */
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
  const barePuts = async (kind: 'shared' | 'spread' | 'ledger') => {
    const times: number[] = [];
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
    return times;
  };
  const puts = await barePuts('shared');
  const spreadPuts = await barePuts('spread');
  const ledgerPuts = await barePuts('ledger');
  /**
   * 50 clients making just the DynamoDB calls an RSVP and a withdrawal make, bare: the BatchGet
   * of four items (one the occurrence, projected to the caller's entry) and the conditional
   * UpdateItem of the ledger, on a copy of the storm's occurrence. What the API adds is the rest.
   */
  const bareRsvpCalls = async () => {
    const ledger = { pk: 'BENCH#ledger', sk: 'LEDGER' };
    await db.doc.send(new PutCommand({ TableName: db.table, Item: { ...ledgerItem, ...ledger } }));
    const small = (i: number) => ({ pk: `BENCH#small${i}`, sk: 'S' });
    for (let i = 0; i < 3; i++)
      await db.doc.send(
        new PutCommand({ TableName: db.table, Item: { ...small(i), at: 1, name: 'x'.repeat(60) } }),
      );
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const me = `bench-client-${String(i).padStart(8, '0')}`;
        for (let r = 0; r < rounds; r++) {
          for (const join of [true, false]) {
            const t = performance.now();
            await db.doc.send(
              new BatchGetCommand({
                RequestItems: {
                  [db.table]: {
                    Keys: [ledger, small(0), small(1), small(2)],
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
                ReturnValues: join ? 'UPDATED_NEW' : 'ALL_NEW',
              }),
            );
            times.push(performance.now() - t);
          }
        }
      }),
    );
    return times;
  };
  const rsvpCalls = await bareRsvpCalls();

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
  const large = await cost(occs[2]!.occurrenceId);

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
    `50 clients at once, each RSVPing and withdrawing ${rounds} times on one occurrence (12 + 20 places), vs 50 clients doing bare PutItems (the ratio is against PutItems on one item: dynalite, like DynamoDB, serialises writes to one item, and the RSVP ledger is one item by design):`,
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
    latencyRatio400: large.p50 / small.p50,
    capacityRatio400: large.units / small.units,
    calls: Math.max(small.calls, large.calls),
  };
}
