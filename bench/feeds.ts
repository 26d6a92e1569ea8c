/**
 * Calendar feed figures: a member of 5 groups with 200 upcoming meetups, fetched whole and
 * conditionally (304), with DynamoDB calls and bytes per fetch. In process, in-memory dynalite.
 * @module
 */
import { createFeedsApp } from '../functions/feeds/app';
import { getMany } from '../functions/store/batch';
import { keys } from '../functions/store/keys';
import { BENCH_CLOCK, BENCH_GROUP, benchStack, ms, pct } from './harness';

export async function benchFeeds(say: (line?: string) => void, quick: boolean) {
  const h = await benchStack('hearth-bench-feeds');
  const { meter, reset, call, signup } = h;
  const feeds = createFeedsApp({ db: h.db, now: () => BENCH_CLOCK });

  const owner = await signup();
  const member = await signup();
  const occurrenceIds: string[] = [];
  for (let g = 0; g < 5; g++) {
    const groupId = (await call(owner, 'POST', '/groups', { ...BENCH_GROUP, name: `Bench Group ${g + 1}` }))
      .json.groupId as string;
    await call(member, 'POST', `/groups/${groupId}/members`, { acceptGuidelines: true });
    const made = await call(owner, 'POST', `/groups/${groupId}/meetups`, {
      title: `Weekly circle ${g + 1}`,
      description: 'Tea, talk and listening; everyone is welcome, cameras optional online.',
      start: `2027-01-0${4 + g}T18:30`,
      durationMinutes: 90,
      mode: 'hybrid',
      venue: {
        name: 'Community room',
        address: '12 Harbour Street, Leeds LS1 1AA',
        neighbourhood: 'City centre',
      },
      online: { url: 'https://meet.example/bench-room', notes: 'Camera optional' },
      capacity: { inPerson: 12, online: 20 },
      recurrence: { rrule: 'FREQ=WEEKLY;COUNT=40' },
    });
    occurrenceIds.push(...made.json.occurrences.map((o: { occurrenceId: string }) => o.occurrenceId));
  }
  for (let i = 0; i < occurrenceIds.length; i += 20)
    await Promise.all(
      occurrenceIds
        .slice(i, i + 20)
        .map((id) => call(member, 'PUT', `/occurrences/${id}/rsvp`, { attendance: 'in_person' })),
    );
  const path = (await call(member, 'POST', '/me/feed')).json.feed.path as string;
  // In full, and with every reminder on: the most a member's feed writes per event.
  await call(member, 'PATCH', '/me/feed', { discreet: false, alarms: [15, 60, 1440] });

  const fetchFeed = (headers: Record<string, string> = {}) => feeds.request(path, { headers });
  const runs = quick ? 30 : 200;
  const measure = async (headers: Record<string, string>, status: number) => {
    const times: number[] = [];
    for (let i = 0; i < runs + 10; i++) {
      const t = performance.now();
      const res = await fetchFeed(headers);
      await res.arrayBuffer();
      if (i >= 10) times.push(performance.now() - t);
      if (res.status !== status) throw new Error(`feed answered ${res.status}, expected ${status}`);
    }
    reset();
    const res = await fetchFeed(headers);
    const bytes = (await res.arrayBuffer()).byteLength;
    return { p50: pct(times, 0.5), p99: pct(times, 0.99), calls: meter.calls, bytes };
  };
  const whole = await measure({}, 200);
  const first = await fetchFeed();
  const etag = first.headers.get('etag')!;
  const events = ((await first.text()).match(/BEGIN:VEVENT/g) ?? []).length;
  const again = (await fetchFeed()).headers.get('etag');
  const conditional = await measure({ 'if-none-match': etag }, 304);
  // On the wire, as a calendar app that accepts Brotli (or gzip) fetches it.
  const wire = async (encoding: string) =>
    (await (await fetchFeed({ 'accept-encoding': encoding })).arrayBuffer()).byteLength;
  const [brBytes, gzBytes] = [await wire('br'), await wire('gzip')];
  // Bare: the least a feed of these meetups reads, their 200 items by key, as a BatchGet.
  const bareTimes: number[] = [];
  for (let i = 0; i < runs + 10; i++) {
    const t = performance.now();
    await getMany(h.db, occurrenceIds.map(keys.occurrence));
    if (i >= 10) bareTimes.push(performance.now() - t);
  }
  const bareP50 = pct(bareTimes, 0.5);
  await h.stop();

  say('## Calendar feeds (in process, dynalite in memory)');
  say('');
  say(
    `A member of 5 groups, going to ${events} upcoming meetups, fetching their private feed (full details), ${runs} times each way:`,
  );
  say('');
  say('| fetch | p50 | p99 | DynamoDB calls | bytes |');
  say('|---|---|---|---|---|');
  say(`| whole feed (200) | ${ms(whole.p50)} | ${ms(whole.p99)} | ${whole.calls} | ${whole.bytes} |`);
  say(
    `| If-None-Match, unchanged (304) | ${ms(conditional.p50)} | ${ms(conditional.p99)} | ${conditional.calls} | ${conditional.bytes} |`,
  );
  say('');
  say(`The ETag of two fetches with no change between them: ${etag === again ? 'the same' : 'DIFFERENT'}.`);
  say('');
  say(
    `Bare: the ${occurrenceIds.length} meetups' items read by key (BatchGet), p50 ${ms(bareP50)}: the whole feed takes ${(whole.p50 / bareP50).toFixed(2)}× that. On the wire: ${whole.bytes} bytes as text, ${brBytes} with Brotli, ${gzBytes} with gzip.`,
  );
  say('');
  return {
    events,
    p50: whole.p50,
    p50Ratio: whole.p50 / bareP50,
    brBytes,
    gzBytes,
    calls304: conditional.calls,
    etagStable: etag === again,
  };
}
