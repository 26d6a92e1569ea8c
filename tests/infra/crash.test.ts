/**
 * Killed mid-write, the local stack (`npm start`'s own code: dynalite on disk in the same
 * process) loses no acknowledged write and, restarted on the same data, shows no count apart
 * from what it counts: bursts of posts and new threads, SIGKILL at a random moment of each, and a
 * restart on the same directory, many times; then every thread is read to its end and checked.
 * The clock is moved ahead at each start (HEARTH_CLOCK_OFFSET_MS), as time passes between runs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../infra/local/seed';
import { root } from '../../scripts/build';

const dir = mkdtempSync(join(tmpdir(), 'hearth-crash-'));
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const c of children) process.kill(-c.pid!, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the local stack on the data directory; resolves once it has said `ready` on stdout. */
async function start(offsetMs: number, ready: RegExp) {
  const child = spawn(join(root, 'node_modules/.bin/tsx'), ['infra/local/start.ts'], {
    cwd: root,
    env: { ...process.env, HEARTH_DATA_DIR: dir, PORT: '0', HEARTH_CLOCK_OFFSET_MS: String(offsetMs) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: tsx runs the stack in a child, killed with it
  });
  children.add(child);
  let out = '';
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const seen = (d: Buffer) => {
      out += d;
      const port = /ready at http:\/\/localhost:(\d+)/.exec(out)?.[1];
      if (port && ready.test(out)) resolve(`http://127.0.0.1:${port}`);
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', (d) => {
      out += d;
    });
    void exited.then(() => reject(new Error(`the stack exited: ${out.slice(-800)}`)));
  });
  return {
    url,
    kill: async () => {
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
      children.delete(child);
    },
  };
}

type Session = { cookie: string };
async function call(url: string, who: Session | null, method: string, path: string, body?: unknown) {
  const res = await fetch(`${url}/api${path}`, {
    method,
    headers: {
      ...(who ? { cookie: who.cookie } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith('hearth_session='));
  if (who && session) who.cookie = session.split(';')[0]!;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field
  const answer: any = await res.json().catch(() => null);
  return { status: res.status, body: answer };
}

describe('the local stack killed mid-write', () => {
  it('loses no acknowledged post and, restarted, counts every thread right and feeds every RSVP', async () => {
    const MINUTE = 60_000;
    let offset = 0;
    let stack = await start(offset, /Press Ctrl-C to stop/); // the first start seeds the demo
    const people = ['demo-owner', 'demo-moderator', 'demo-facilitator', 'demo-member'].map((handle) => ({
      handle,
      passphrase: DEMO_ACCOUNTS.find((a) => a.handle === handle)!.passphrase,
      cookie: '',
    }));
    for (const p of people)
      expect(
        (await call(stack.url, p, 'POST', '/auth/login', { handle: p.handle, passphrase: p.passphrase }))
          .status,
      ).toBe(200);
    const [owner] = people;
    const groups = (await call(stack.url, owner!, 'GET', '/me/groups')).body.items as {
      groupId: string;
      name: string;
    }[];
    const groupId = groups.find((g) => g.name === 'Evening Anxiety Circle')!.groupId;
    const acknowledged = new Set<string>();
    const threads = new Set<string>();
    const first = await call(stack.url, owner!, 'POST', `/groups/${groupId}/threads`, {
      title: 'Through the storm',
      body: 'A thread to write into while the power goes.',
    });
    threads.add(first.body.thread.threadId);
    acknowledged.add(first.body.post.postId);

    // Two members keep a calendar feed and answer RSVPs to the next meetups in every burst.
    const [, moderator, , member] = people;
    const rsvpers = [moderator!, member!];
    const feeds = new Map<string, string>();
    for (const p of rsvpers)
      feeds.set(p.handle, (await call(stack.url, p, 'POST', '/me/feed')).body.feed.path);
    const ahead = (
      (await call(stack.url, owner!, 'GET', `/groups/${groupId}/occurrences`)).body.items as {
        occurrenceId: string;
        status: string;
      }[]
    )
      .filter((o) => o.status === 'scheduled')
      .slice(0, 4)
      .map((o) => o.occurrenceId);
    expect(ahead.length).toBeGreaterThan(1);
    /** A member's meetups as their feed shows them, and as the ledgers say (their RSVPs). */
    const feedAndLedger = async (p: Session & { handle: string }) => {
      const ics = await (await fetch(`${stack.url}${feeds.get(p.handle)}`)).text();
      const shown = [...ics.matchAll(/^UID:(.+)@hearth\r?$/gm)]
        .map((m) => m[1]!)
        .filter((id) => ahead.includes(id));
      const mine = (
        (await call(stack.url, p, 'GET', '/me/occurrences')).body.items as { occurrenceId: string }[]
      )
        .map((o) => o.occurrenceId)
        .filter((id) => ahead.includes(id));
      return { shown: shown.sort(), mine: mine.sort() };
    };
    for (const p of rsvpers) {
      const { shown, mine } = await feedAndLedger(p);
      expect(shown).toEqual(mine);
    }

    const CYCLES = 6;
    let cut = 0; // writes the kill cut off in flight
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      // Each writer has 10 posts in a 5-minute window: 4 writers × 8 posts, some starting threads.
      const burst = people.flatMap((p, i) =>
        Array.from({ length: 8 }, (_, n) => async () => {
          const starts = n === 0 && i % 2 === 0;
          const res = starts
            ? await call(stack.url, p, 'POST', `/groups/${groupId}/threads`, {
                title: `Cycle ${cycle}, ${p.handle}`,
                body: 'Starting a thread.',
              })
            : await call(stack.url, p, 'POST', `/threads/${[...threads][n % threads.size]}/posts`, {
                body: `Cycle ${cycle}, post ${n} by ${p.handle}`,
              });
          if (res.status === 201) {
            acknowledged.add(res.body.post.postId);
            if (starts) threads.add(res.body.thread.threadId);
          }
          return res.status;
        }),
      );
      const answers = rsvpers.flatMap((p) =>
        Array.from({ length: 6 }, (_, n) => async () => {
          const id = ahead[(n + cycle) % ahead.length]!;
          return Math.random() < 0.6
            ? (await call(stack.url, p, 'PUT', `/occurrences/${id}/rsvp`, { attendance: 'online' })).status
            : (await call(stack.url, p, 'DELETE', `/occurrences/${id}/rsvp`)).status;
        }),
      );
      // Killed at a random moment after the first write is acknowledged, with others in flight.
      const before = acknowledged.size;
      const running = Promise.allSettled([...burst, ...answers].map((write) => write()));
      const since = performance.now();
      while (acknowledged.size === before && performance.now() - since < 20_000)
        await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, Math.random() * 400));
      await stack.kill();
      cut += (await running).filter((r) => r.status === 'rejected').length;
      offset += 10 * MINUTE; // past the posting window, and past any post's settling
      stack = await start(offset, /ready at/);
    }

    // Restarted: every thread, read to its end by its owner, lists what it counts.
    const listed = new Set<string>();
    const problems: string[] = [];
    const all: string[] = [];
    for (let cursor: string | null = ''; cursor !== null; ) {
      const page = await call(
        stack.url,
        owner!,
        'GET',
        `/groups/${groupId}/threads${cursor ? `?cursor=${cursor}` : ''}`,
      );
      all.push(...page.body.items.map((t: { threadId: string }) => t.threadId));
      cursor = page.body.nextCursor;
    }
    for (const t of threads) if (!all.includes(t)) problems.push(`${t}: started, and not listed`);
    for (const threadId of all) {
      let posts = 0;
      let cursor: string | null = null;
      do {
        const page = await call(
          stack.url,
          owner!,
          'GET',
          `/threads/${threadId}/posts${cursor ? `?cursor=${cursor}` : ''}`,
        );
        for (const p of page.body.items) listed.add(p.postId);
        posts += page.body.items.length;
        cursor = page.body.nextCursor;
      } while (cursor);
      const counted = (await call(stack.url, owner!, 'GET', `/threads/${threadId}`)).body.postCount;
      if (posts === 0) problems.push(`${threadId}: listed with no posts`);
      if (counted !== posts) problems.push(`${threadId}: counts ${counted}, lists ${posts}`);
    }
    // Each member's feed shows the meetups the ledgers say they answered, whatever a kill cut.
    for (const p of rsvpers) {
      const { shown, mine } = await feedAndLedger(p);
      if (shown.join() !== mine.join()) problems.push(`${p.handle}: feed shows ${shown}, RSVPs ${mine}`);
    }
    await stack.kill();
    expect(problems).toEqual([]);
    expect([...acknowledged].filter((id) => !listed.has(id))).toEqual([]);
    // Each cycle had a write acknowledged before the kill, and kills fell on writes in flight.
    expect(acknowledged.size).toBeGreaterThan(CYCLES);
    expect(cut).toBeGreaterThan(0);
  }, 240_000);
});
