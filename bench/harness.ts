/**
 * What the in-process benches share: in-memory dynalite with the Hearth table, the SDK metered
 * (calls, consumed capacity, lost conditional races), the API app on a fixed clock, and helpers.
 * @module
 */
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';
import { createApp } from '../functions/api/app';
import { openApi } from '../functions/api/openapi';
import { createDb } from '../functions/store/client';
import { ensureTable } from '../functions/store/schema';

export const TEST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };
export const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
export const ms = (x: number) => `${x.toFixed(2)} ms`;
export const BENCH_CLOCK = Date.parse('2026-12-01T10:00:00Z');

/** The group the benches create. */
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

/** `now`: the app's clock (default: standing still at BENCH_CLOCK). */
export async function benchStack(table: string, opts: { now?: () => number } = {}) {
  const engine = dynalite({ createTableMs: 0 });
  await new Promise<void>((r) => engine.listen(0, '127.0.0.1', r));
  const db = createDb({ table, endpoint: `http://127.0.0.1:${(engine.address() as AddressInfo).port}` });
  await ensureTable(db);

  // Count every DynamoDB call and what it consumed, and the round trips: a call that starts
  // while none is in flight begins a new one (calls made together share a trip).
  const meter = { calls: 0, units: 0, lost: 0, trips: 0 };
  let inFlight = 0;
  db.doc.middlewareStack.add(
    (next) => async (args) => {
      meter.calls++;
      if (inFlight++ === 0) meter.trips++;
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      let out: Awaited<ReturnType<typeof next>>;
      try {
        out = await next(args);
      } catch (e) {
        // A race lost on an occurrence's ledger (a stamp on a feed that does not exist is not one).
        const key = (args.input as { Key?: { sk?: string } }).Key;
        if ((e as Error).name === 'ConditionalCheckFailedException' && key?.sk?.startsWith('OCC#'))
          meter.lost++;
        throw e;
      } finally {
        inFlight--;
      }
      const used = (out.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
      // dynalite reports one CapacityUnits figure per call (reads and writes together).
      for (const c of [used].flat() as ({ CapacityUnits?: number } | undefined)[])
        meter.units += c?.CapacityUnits ?? 0;
      return out;
    },
    { step: 'initialize', name: 'benchMeter' },
  );
  const reset = () => Object.assign(meter, { calls: 0, units: 0, lost: 0, trips: 0 });

  const app = createApp({
    db,
    now: opts.now ?? (() => BENCH_CLOCK),
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
      cookie:
        res.headers
          .getSetCookie()
          .find((c) => c.startsWith('hearth_session='))
          ?.split(';')[0] ?? cookie,
    };
  }
  let n = 0;
  const signup = async () =>
    (await call('', 'POST', '/auth/signup', { handle: `b${++n}x`, passphrase: 'benchmark phrase here' }))
      .cookie;
  const stop = () => new Promise<void>((r) => engine.close(() => r()));
  return { engine, db, meter, reset, app, call, signup, stop };
}
