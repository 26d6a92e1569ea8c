/**
 * Roster figures: auto-fill for a group with 12 facilitators over 12 weeks of 3 weekly meetups
 * (a preview: what an owner waits for), its DynamoDB calls, and the same with 4 and 24
 * facilitators to show the calls do not grow with them. Applying is measured once.
 * @module
 */
import { keys } from '../functions/store/keys';
import { queryAll } from '../functions/store/paging';
import { GSI2 } from '../functions/store/table';
import { BENCH_GROUP, benchStack, ms, pct } from './harness';

export async function benchRoster(say: (line?: string) => void, quick: boolean) {
  const h = await benchStack('hearth-bench-roster');
  const { meter, reset, call, signup } = h;
  const runs = quick ? 10 : 50;
  const rows: { people: number; p50: number; p99: number; calls: number; proposals: number }[] = [];
  let applied = { ms: 0, calls: 0, duties: 0 };
  const bare: number[] = [];
  for (const people of [4, 12, 24]) {
    const owner = await signup();
    const groupId = (await call(owner, 'POST', '/groups', BENCH_GROUP)).json.groupId as string;
    for (let i = 0; i < people; i++) {
      const f = await signup();
      await call(f, 'POST', `/groups/${groupId}/members`, { acceptGuidelines: true });
      const { userId } = (await call(f, 'GET', '/me')).json;
      await call(owner, 'PATCH', `/groups/${groupId}/members/${userId}`, { role: 'facilitator' });
      await call(owner, 'PUT', `/groups/${groupId}/facilitators/${userId}`, {
        trainedOn: '2026-06-01',
        maxPerMonth: 8,
      });
    }
    // Three weekly meetups for 12 weeks: 36 meetups, a lead and a co-facilitator each.
    for (const [day, date] of [
      ['MO', '2027-01-04'],
      ['WE', '2027-01-06'],
      ['FR', '2027-01-08'],
    ] as const) {
      await call(owner, 'POST', `/groups/${groupId}/meetups`, {
        title: `Bench ${day}`,
        start: `${date}T18:30`,
        durationMinutes: 90,
        mode: 'in_person',
        venue: { name: 'Hall', address: '1 Main Street' },
        capacity: { inPerson: 12 },
        recurrence: { rrule: `FREQ=WEEKLY;BYDAY=${day};COUNT=12` },
      });
    }
    const body = { from: '2027-01-01', to: '2027-03-31' };
    const times: number[] = [];
    let proposals = 0;
    for (let i = 0; i < runs + 3; i++) {
      reset();
      const t = performance.now();
      const res = await call(owner, 'POST', `/groups/${groupId}/roster/autofill`, body);
      if (i >= 3) times.push(performance.now() - t);
      proposals = res.json.proposals.length;
    }
    rows.push({ people, p50: pct(times, 0.5), p99: pct(times, 0.99), calls: meter.calls, proposals });
    if (people === 12) {
      // Bare: the least auto-fill reads, the 36 meetups of the period from the schedule index.
      for (let i = 0; i < runs + 3; i++) {
        const t = performance.now();
        await queryAll(h.db, {
          IndexName: GSI2.name,
          KeyConditionExpression: '#p = :p AND #s BETWEEN :a AND :b',
          ExpressionAttributeNames: { '#p': GSI2.partition, '#s': GSI2.sort },
          ExpressionAttributeValues: {
            ':p': keys.scheduleOf(groupId),
            ':a': '2027-01-01',
            ':b': '2027-04-01',
          },
        });
        if (i >= 3) bare.push(performance.now() - t);
      }
    }
    if (people === 12) {
      reset();
      const t = performance.now();
      const res = await call(owner, 'POST', `/groups/${groupId}/roster/autofill`, { ...body, apply: true });
      applied = { ms: performance.now() - t, calls: meter.calls, duties: res.json.applied };
    }
  }
  await h.stop();
  const twelve = rows.find((r) => r.people === 12)!;
  say('## Rosters (in process, dynalite in memory)');
  say('');
  say(
    `Auto-fill preview over 12 weeks of 3 weekly meetups (36 meetups, a lead and a co-facilitator each), ${runs} times:`,
  );
  say('');
  say('| facilitators | p50 | p99 | DynamoDB calls | duties proposed |');
  say('|---|---|---|---|---|');
  for (const r of rows) say(`| ${r.people} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.calls} | ${r.proposals} |`);
  say('');
  say(
    `Applying it for 12 facilitators (${applied.duties} duties, each claimed in the facilitator's own list and then on the meetup): ${ms(applied.ms)}, ${applied.calls} DynamoDB calls.`,
  );
  say('');
  say(
    `Bare: the period's 36 meetups read from the schedule index, p99 ${ms(pct(bare, 0.99))}: auto-fill for 12 takes ${(twelve.p99 / pct(bare, 0.99)).toFixed(2)}× that.`,
  );
  say('');
  return {
    p99: twelve.p99,
    p99Ratio: twelve.p99 / pct(bare, 0.99),
    callsFlat: rows.every((r) => r.calls === rows[0]!.calls),
    calls: twelve.calls,
  };
}
