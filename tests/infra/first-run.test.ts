/**
 * What a newcomer types first, as they type it. `npm ci` and `npm install` on a fresh clone print
 * no warning and change no tracked file; `npm start` on a fresh data folder answers its first
 * request only once it is ready: the demo community and the crisis lines are already there, and
 * its console says how long the start took.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../../scripts/build';

const work = mkdtempSync(join(tmpdir(), 'hearth-first-run-'));
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const c of children)
    try {
      process.kill(-c.pid!, 'SIGKILL');
    } catch {} // already stopped
  rmSync(work, { recursive: true, force: true });
});

// A name for the stash commit below, on a machine whose git has none.
const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@localhost' };
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...gitEnv, GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@localhost' },
  }).trim();

/** Runs npm in `cwd`; resolves with everything it printed (it fails the test if npm fails). */
function npm(cwd: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.once('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`npm ${args.join(' ')} exited ${code}:\n${out}`)),
    );
  });
}

describe('a fresh clone', () => {
  it('installs with npm ci and npm install without a warning and without changing a tracked file', async () => {
    // The tree as it is now, committed or not (a stash commit holds uncommitted changes to
    // tracked files; a shared clone can check it out).
    const rev = git(root, 'stash', 'create') || git(root, 'rev-parse', 'HEAD');
    const clone = join(work, 'clone');
    git(work, 'clone', '--quiet', '--shared', '--no-checkout', root, clone);
    git(clone, 'checkout', '--quiet', rev);

    const ci = await npm(clone, 'ci', '--prefer-offline', '--no-audit', '--no-fund');
    expect(ci.split('\n').filter((l) => /\bwarn\b|WARN/.test(l))).toEqual([]);
    expect(git(clone, 'status', '--porcelain')).toBe('');

    const install = await npm(clone, 'install', '--prefer-offline', '--no-audit', '--no-fund');
    expect(install.split('\n').filter((l) => /\bwarn\b|WARN/.test(l))).toEqual([]);
    expect(git(clone, 'status', '--porcelain')).toBe('');
  }, 600_000);
});

describe('npm start on a fresh data folder', () => {
  it('answers only once the demo community and the crisis lines are in, and says how long it took', async () => {
    const child = spawn('npm', ['start', '--silent'], {
      cwd: root,
      env: { ...process.env, HEARTH_DATA_DIR: join(work, 'data'), PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group: npm, tsx and the stack stop together
    });
    children.add(child);
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
    });
    child.stderr!.on('data', (d) => {
      out += d;
    });
    // 'close': npm and the stack it started have both let go of the output.
    const exited = new Promise<number | null>((r) => child.once('close', (code) => r(code)));
    const port = await new Promise<string>((resolve, reject) => {
      const seen = () => {
        const m = /ready at http:\/\/localhost:(\d+)/.exec(out);
        if (m) resolve(m[1]!);
      };
      child.stdout!.on('data', seen);
      void exited.then((code) => reject(new Error(`npm start exited (${code}):\n${out}`)));
    });
    expect(out).toMatch(/ready at http:\/\/localhost:\d+ \(started in \d+ ms, the demo community seeded\)/);
    const base = `http://127.0.0.1:${port}`;

    // The first requests, made the moment it says it is ready, find everything in place.
    const [health, groups, lines] = await Promise.all([
      fetch(`${base}/api/health`),
      fetch(`${base}/api/groups`).then((r) => r.json() as Promise<{ items: { name: string }[] }>),
      fetch(`${base}/api/resources?category=crisis_line&region=GB`).then(
        (r) => r.json() as Promise<{ items: { title: string }[] }>,
      ),
    ]);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    expect(groups.items.map((g) => g.name)).toContain('Evening Anxiety Circle');
    expect(lines.items.map((l) => l.title)).toContain('Samaritans (United Kingdom)');
    expect(out).not.toMatch(/error/i);

    process.kill(-child.pid!, 'SIGINT');
    await exited;
    expect(out).toContain('Stopped. Your data is kept in');
  }, 240_000);
});
