/**
 * Directory figures: a filtered search of a directory of 2,000 listings (p50/p99, DynamoDB calls),
 * beside a bare Query of the same number of directory entries, interleaved in the same run. The
 * search reads one facet partition (the narrowest filter it was given) and filters the rest:
 * never a Scan (the meter would show one).
 * @module
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { searchable } from '../functions/core/resources';
import type { ResourceRecord } from '../functions/store/repos/resource-records';
import { resourcesRepo } from '../functions/store/repos/resources';
import { GSI1 } from '../functions/store/table';
import { BENCH_CLOCK, benchStack, ms, pct } from './harness';

const COUNTRIES = [
  'GB',
  'IE',
  'US',
  'CA',
  'AU',
  'NZ',
  'DE',
  'FR',
  'ES',
  'IT',
  'NL',
  'SE',
  'NO',
  'DK',
  'FI',
  'PL',
  'PT',
  'BE',
  'AT',
  'CH',
];
const CATEGORIES = ['crisis_line', 'professional_service', 'peer_group', 'self_help', 'app'] as const;
const COSTS = ['free', 'low', 'paid'] as const;
const LANGS = ['en', 'cy', 'pl', 'fr', 'de'];

export async function benchResources(say: (line?: string) => void, quick: boolean) {
  const h = await benchStack('hearth-bench-resources');
  const { db, meter, reset, call } = h;
  const total = quick ? 500 : 2000;
  // A fixed pseudo-random directory, so every run searches the same one.
  let seed = 42;
  /** mulberry32: small, and without the patterns a plain LCG has in its low bits. */
  const rand = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n) | 0;
  };
  const records: ResourceRecord[] = Array.from({ length: total }, (_, i) => {
    const title = `Listing ${String(i).padStart(4, '0')} ${['calm', 'bright', 'steady', 'kind'][rand(4)]} support`;
    const description =
      'Support for people living with anxiety, low mood or grief, and for those who care for them.';
    const region = rand(21) === 20 ? ('online' as const) : { country: COUNTRIES[rand(20)]! };
    const languages = [...new Set([LANGS[rand(5)]!, rand(2) ? 'en' : LANGS[rand(5)]!])];
    return {
      resourceId: `bench${String(i).padStart(17, '0')}`,
      scope: 'global',
      title,
      description,
      category: CATEGORIES[rand(5)]!,
      tags: [],
      url: `https://example.org/${i}`,
      languages,
      cost: COSTS[rand(3)]!,
      region,
      status: 'listed',
      addedBy: null,
      createdAt: BENCH_CLOCK,
      updatedAt: BENCH_CLOCK,
      reviewDueAt: BENCH_CLOCK + 180 * 86_400_000,
      search: searchable(title, description),
      version: 1,
    };
  });
  const repo = resourcesRepo(db);
  for (let i = 0; i < records.length; i += 100) await repo.seed(records.slice(i, i + 100));

  const runs = quick ? 60 : 300;
  const query = '/resources?region=GB&cost=free&lang=en&limit=20';
  const text = '/resources?q=steady%20support&category=peer_group&limit=20';
  const bare = () =>
    db.doc.send(
      new QueryCommand({
        TableName: db.table,
        IndexName: GSI1.name,
        KeyConditionExpression: '#p = :p',
        ExpressionAttributeNames: { '#p': GSI1.partition },
        ExpressionAttributeValues: { ':p': 'RESDIR#global#region:GB' },
        Limit: 20,
      }),
    );
  const times = { search: [] as number[], text: [] as number[], bare: [] as number[] };
  for (let i = 0; i < runs + 10; i++) {
    for (const [name, run] of [
      ['search', () => call('', 'GET', query)],
      ['text', () => call('', 'GET', text)],
      ['bare', bare],
    ] as const) {
      const t = performance.now();
      await run();
      if (i >= 10) times[name].push(performance.now() - t);
    }
  }
  reset();
  const found = (await call('', 'GET', query)).json.items.length as number;
  const searchCalls = meter.calls;
  reset();
  await call('', 'GET', text);
  const textCalls = meter.calls;
  await h.stop();

  const p99 = pct(times.search, 0.99);
  const bareP99 = pct(times.bare, 0.99);
  say('## Resource directory (in process, dynalite in memory)');
  say('');
  say(
    `A global directory of ${total} listings (20 countries and online, 5 categories, 3 costs, 5 languages); ${runs} of each, interleaved:`,
  );
  say('');
  say('| request | p50 | p99 | DynamoDB calls |');
  say('|---|---|---|---|');
  say(`| bare dynalite Query, 20 entries of one facet | ${ms(pct(times.bare, 0.5))} | ${ms(bareP99)} | 1 |`);
  say(
    `| GET ${query} (${found} found) | ${ms(pct(times.search, 0.5))} | ${ms(p99)} (${(p99 / bareP99).toFixed(2)}×) | ${searchCalls} |`,
  );
  say(`| GET ${text} | ${ms(pct(times.text, 0.5))} | ${ms(pct(times.text, 0.99))} | ${textCalls} |`);
  say('');
  return { p99Ratio: p99 / bareP99, calls: Math.max(searchCalls, textCalls) };
}
