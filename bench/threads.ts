/**
 * Discussion figures: a 50-post page of a thread and a new post, p50/p99 against dynalite, with
 * DynamoDB calls and round trips per request, beside a bare Query of the same 50 post items
 * measured in the same run (interleaved, so the machine's noise falls on both alike).
 * @module
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../functions/store/keys';
import { BENCH_GROUP, benchStack, ms, pct } from './harness';

export async function benchThreads(say: (line?: string) => void, quick: boolean) {
  const h = await benchStack('hearth-bench-threads');
  const { db, meter, reset, call, signup } = h;
  const owner = await signup();
  const groupId = (await call(owner, 'POST', '/groups', BENCH_GROUP)).json.groupId as string;
  // 20 writers (the posting rate allows 10 posts each in five minutes; the bench's clock stands
  // still) and a reader.
  const writers: string[] = [];
  for (let i = 0; i < 20; i++) {
    const c = await signup();
    await call(c, 'POST', `/groups/${groupId}/members`, { acceptGuidelines: true, alias: `Writer ${i + 1}` });
    writers.push(c);
  }
  const reader = await signup();
  await call(reader, 'POST', `/groups/${groupId}/members`, { acceptGuidelines: true });
  const body =
    'Thank you for sharing this. I had a *hard* week too:\n\n- sleep was poor\n- work was loud\n\nBut the walk on Sunday helped, and so did reading this thread.';
  const threadId = (
    await call(writers[0]!, 'POST', `/groups/${groupId}/threads`, { title: 'How was your week?', body })
  ).json.thread.threadId as string;
  for (let round = 0; round < 8; round++) {
    for (const [i, w] of writers.entries()) {
      if (round === 0 && i === 0) continue;
      await call(w, 'POST', `/threads/${threadId}/posts`, {
        body,
        contentWarnings: i % 5 ? [] : ['eating'],
      });
    }
  }
  // The second page: a cursor past the first 50, as a reader scrolling on.
  const first = await call(reader, 'GET', `/threads/${threadId}/posts?limit=50`);
  const page2 = `/threads/${threadId}/posts?limit=50&cursor=${first.json.nextCursor}`;

  const runs = quick ? 60 : 1000;
  const pageTimes: number[] = [];
  const queryTimes: number[] = [];
  const bareQuery = () =>
    db.doc.send(
      new QueryCommand({
        TableName: db.table,
        KeyConditionExpression: 'pk = :p AND begins_with(sk, :post)',
        ExpressionAttributeValues: { ':p': keys.postsOf(threadId), ':post': 'POST#' },
        Limit: 50,
      }),
    );
  for (let i = 0; i < 20; i++) {
    await call(reader, 'GET', page2);
    await bareQuery();
  }
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await call(reader, 'GET', page2);
    pageTimes.push(performance.now() - t);
    t = performance.now();
    const out = await bareQuery();
    queryTimes.push(performance.now() - t);
    if (out.Items?.length !== 50) throw new Error('the bare Query should read 50 posts');
  }
  reset();
  const last = await call(reader, 'GET', page2);
  if (last.json.items.length !== 50) throw new Error('a page should hold 50 posts');
  const page = { calls: meter.calls, trips: meter.trips, units: meter.units };
  // Reading to the end marks the thread read: one write more, made with the names' read.
  let lastPage = page2;
  for (let next = last.json.nextCursor; next; ) {
    lastPage = `/threads/${threadId}/posts?limit=50&cursor=${next}`;
    next = (await call(reader, 'GET', lastPage)).json.nextCursor;
  }
  await call(owner, 'POST', `/threads/${threadId}/posts`, { body: 'One more.' });
  reset();
  await call(reader, 'GET', lastPage);
  const end = { calls: meter.calls, trips: meter.trips };

  // New posts: each writer has room for one more in the rate window.
  const postTimes: number[] = [];
  let post = { calls: 0, trips: 0 };
  for (const [i, w] of writers.entries()) {
    reset();
    const t = performance.now();
    await call(w, 'POST', `/threads/${threadId}/posts`, { body: 'A short reply, to say I read it.' });
    postTimes.push(performance.now() - t);
    if (i === writers.length - 1) post = { calls: meter.calls, trips: meter.trips };
  }
  await h.stop();

  const p99 = pct(pageTimes, 0.99);
  const qp99 = pct(queryTimes, 0.99);
  say('## Discussions (in process, dynalite in memory)');
  say('');
  say(
    `A thread of ${writers.length * 8} posts; a member reads its second page of 50, ${runs} times, each followed by a bare Query of the same 50 post items:`,
  );
  say('');
  say('| measure | p50 | p99 | DynamoDB calls | round trips |');
  say('|---|---|---|---|---|');
  say(`| bare dynalite Query, 50 posts | ${ms(pct(queryTimes, 0.5))} | ${ms(qp99)} | 1 | 1 |`);
  say(
    `| GET /api/threads/{id}/posts, 50 posts | ${ms(pct(pageTimes, 0.5))} | ${ms(p99)} (${(p99 / qp99).toFixed(2)}×) | ${page.calls} | ${page.trips} |`,
  );
  say(
    `| POST /api/threads/{id}/posts (sequential, ${postTimes.length}) | ${ms(pct(postTimes, 0.5))} | ${ms(pct(postTimes, 0.99))} | ${post.calls} | ${post.trips} |`,
  );
  say('');
  say(
    `A page: the session, group, membership, thread, mutes, read state and follow choice in one BatchGet; the posts' Query; the authors' names in one BatchGet (${page.units} capacity units). The last page, with something new, also marks the thread read, alongside the names: ${end.calls} calls in ${end.trips} round trips.`,
  );
  say('');
  return { pageP99Ratio: p99 / qp99, pageTrips: Math.max(page.trips, end.trips), postCalls: post.calls };
}
