/**
 * Erasing a group's old discussions: 10,000 posts in 100 threads quiet past the group's time,
 * erased by the retention job run after run (each within its budget), beside bare BatchWrite
 * deletes of the same 10,000 post items in the same run. DynamoDB calls and time.
 * @module
 */
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { retention } from '../functions/jobs/retention';
import { putMany } from '../functions/store/batch';
import { keys } from '../functions/store/keys';
import { BENCH_CLOCK, BENCH_GROUP, benchStack, ms } from './harness';

const DAY = 86_400_000;

export async function benchRetention(say: (line?: string) => void, quick: boolean) {
  let clock = BENCH_CLOCK;
  const h = await benchStack('hearth-bench-retention', { now: () => clock });
  const { db, meter, reset, call, signup } = h;
  const owner = await signup();
  const groupId = (await call(owner, 'POST', '/groups', { ...BENCH_GROUP, discussionMonths: 1 })).json
    .groupId as string;
  const threads = quick ? 20 : 100;
  const perThread = 100;
  const ids: string[] = [];
  for (let i = 0; i < threads; i++) {
    const made = await call(owner, 'POST', `/groups/${groupId}/threads`, {
      title: `Thread ${i}`,
      body: 'Start',
    });
    ids.push(made.json.thread.threadId as string);
    if (i % 9 === 8) clock += 6 * 60_000; // past the posting rate's window
  }
  const body = 'Thank you for sharing this. The walk on Sunday helped, and so did reading this thread.';
  // The posts, written straight to the table (the API paces one author), and a copy to delete bare.
  const posts = (threadId: string, n: number) =>
    Array.from({ length: n }, (_, i) => {
      const postId = `${threadId}${(BENCH_CLOCK + i).toString(36).padStart(9, '0')}AAAAAA`;
      return {
        ...keys.post(postId),
        postId,
        threadId,
        groupId,
        authorId: 'x',
        body,
        createdAt: BENCH_CLOCK + i,
      };
    });
  const all = ids.flatMap((t) => posts(t, perThread - 1)); // each thread has its first post already
  await putMany(db, all);
  const bare = ids.map((t, i) => posts(`${t.slice(0, 22)}BARE${String(i).padStart(7, '0')}`, perThread));
  await putMany(db, bare.flat());
  const total = threads * perThread;

  // Bare: the same number of post items deleted 25 to a BatchWrite, after a Query of each thread.
  reset();
  let t0 = performance.now();
  for (const group of bare) {
    const page = await db.doc.send(
      new QueryCommand({
        TableName: db.table,
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': group[0]!.pk },
        ProjectionExpression: 'pk, sk',
      }),
    );
    const items = page.Items ?? [];
    for (let i = 0; i < items.length; i += 25)
      await db.doc.send(
        new BatchWriteCommand({
          RequestItems: {
            [db.table]: items
              .slice(i, i + 25)
              .map((k) => ({ DeleteRequest: { Key: { pk: k.pk, sk: k.sk } } })),
          },
        }),
      );
  }
  const bareMs = performance.now() - t0;
  const bareCalls = meter.calls;

  // The job, a month and more later, run after run until the group's old threads are gone.
  reset();
  const later = clock + 40 * DAY;
  let runs = 0;
  let erased = 0;
  t0 = performance.now();
  for (;;) {
    const r = await retention.run({ db, now: later + runs * 15 * 60_000 });
    runs++;
    erased += r.threadsErased;
    if (r.threadsErased === 0 && r.postsAndEntriesErased === 0) break;
  }
  const jobMs = performance.now() - t0;
  const jobCalls = meter.calls;
  const left = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': keys.postsOf(ids[0]!) },
    }),
  );
  if (erased !== threads || left.Items?.length) throw new Error('the job should erase every thread');
  await h.stop();

  say('## Erasing old discussions (in process, dynalite in memory)');
  say('');
  say(
    `${total.toLocaleString('en')} posts in ${threads} threads of a group that keeps discussions a month, erased 40 days on by the retention job (${runs - 1} runs that erased, each within its budget of 1,000 items, and one that found nothing), beside bare deletes of as many post items (a Query per thread, BatchWrite 25 at a time):`,
  );
  say('');
  say('| measure | time | DynamoDB calls | calls per 1,000 posts |');
  say('|---|---|---|---|');
  say(
    `| bare Query + BatchWrite | ${ms(bareMs)} | ${bareCalls} | ${((bareCalls / total) * 1000).toFixed(0)} |`,
  );
  say(
    `| retention job | ${ms(jobMs)} (${(jobMs / bareMs).toFixed(2)}×) | ${jobCalls} | ${((jobCalls / total) * 1000).toFixed(0)} |`,
  );
  say('');
  return { timeRatio: jobMs / bareMs, callRatio: jobCalls / bareCalls, posts: total };
}
