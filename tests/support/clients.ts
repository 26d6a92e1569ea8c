/**
 * Calendar clients nobody here wrote, each expanding a calendar into the instances its users
 * would see: khal (its own vdir, local time UTC), Python's recurring-ical-events on icalendar,
 * libical's recurrence expansion as Evolution's backends use it, and ical.js as Thunderbird uses
 * it. Each answers the same shape, so a test compares them with the API's own list.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { expandCalendar } from './ical';

export interface Seen {
  start: number;
  end: number;
  status: string | null;
  summary: string;
}

export const CLIENTS = ['khal', 'recurring-ical-events', 'libical', 'ical.js'] as const;
export type Client = (typeof CLIENTS)[number];

/** Debian's own python3 and khal: a toolchain put first on PATH has neither's modules. */
const debianPath = () =>
  spawnSync('getconf', ['PATH'], { encoding: 'utf8' }).stdout.trim() || '/usr/bin:/bin';

const INSTALL =
  'apt-get install -y khal python3-icalendar python3-recurring-ical-events gir1.2-ical-3.0 python3-gi';

function run(cmd: string, args: string[], input?: string, home = tmpdir()) {
  const env = {
    PATH: debianPath(),
    HOME: home,
    XDG_DATA_HOME: join(home, 'data'),
    XDG_CACHE_HOME: join(home, 'cache'),
  };
  const out = spawnSync(cmd, args, { input, encoding: 'utf8', env });
  if (out.error || out.status !== 0)
    throw new Error(
      `${cmd} ${args[0]} failed (${(out.stderr || String(out.error)).trim().split('\n').at(-1)}). Install: ${INSTALL}`,
    );
  return out;
}

function python(engine: 'rie' | 'libical', ics: string, from: number, until: number): Seen[] {
  const out = run(
    'python3',
    [join(import.meta.dirname, 'clients.py'), engine, String(from), String(until)],
    ics,
  );
  return (JSON.parse(out.stdout) as Seen[]).map(({ start, end, status, summary }) => ({
    start,
    end,
    status,
    summary,
  }));
}

/** khal, with local time UTC: what `khal list` shows, and what it warned of. */
function khal(ics: string, from: number, until: number): { seen: Seen[]; warnings: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'khal-'));
  try {
    const config = join(dir, 'config');
    writeFileSync(
      config,
      [
        '[calendars]',
        '[[feed]]',
        `path = ${join(dir, 'cal')}`,
        'type = calendar',
        '[locale]',
        'local_timezone = UTC',
        'default_timezone = UTC',
        'timeformat = %H:%M',
        'dateformat = %Y-%m-%d',
        'longdateformat = %Y-%m-%d',
        'datetimeformat = %Y-%m-%dT%H:%M:%S',
        'longdatetimeformat = %Y-%m-%dT%H:%M:%S',
        '[default]',
        'default_calendar = feed',
        // Its own cache: runs at once (test files in parallel) must not share one database.
        '[sqlite]',
        `path = ${join(dir, 'khal.db')}`,
        '',
      ].join('\n'),
    );
    const file = join(dir, 'feed.ics');
    writeFileSync(file, ics);
    const imported = run('khal', ['-c', config, 'import', '--batch', file], undefined, dir);
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const listed = run(
      'khal',
      [
        '-c',
        config,
        'list',
        '--format',
        '{uid}|{start-long}|{end-long}|{status}|{title}',
        '--day-format',
        '',
        day(from),
        day(until),
      ],
      undefined,
      dir,
    );
    // An event that runs past midnight is listed again under the next day: once each.
    const lines = [...new Set(listed.stdout.split('\n').filter((l) => l.includes('|')))];
    const seen = lines
      .map((l) => {
        const [, start, end, status, ...title] = l.split('|');
        return {
          start: Date.parse(`${start}Z`),
          end: Date.parse(`${end}Z`),
          status: status!.trim() || null,
          summary: title.join('|'),
        };
      })
      .filter((s) => s.start >= from && s.start <= until);
    const warnings = `${imported.stderr}${listed.stderr}`.split('\n').filter((l) => /warning|error/i.test(l));
    return { seen, warnings };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every client's instances starting in [from, until], in order, and the warnings any printed. */
export function readByClients(ics: string, from: number, until: number) {
  const k = khal(ics, from, until);
  const seen: Record<Client, Seen[]> = {
    khal: k.seen,
    'recurring-ical-events': python('rie', ics, from, until),
    libical: python('libical', ics, from, until),
    'ical.js': expandCalendar(ics, until)
      .filter((i) => i.start >= from)
      .map(({ start, end, status, summary }) => ({ start, end, status, summary })),
  };
  for (const c of CLIENTS) seen[c].sort((a, b) => a.start - b.start || a.summary.localeCompare(b.summary));
  return { seen, warnings: k.warnings };
}

/**
 * What every client reads from a calendar, when all four read the same instances (start, end,
 * status, title) and none warns; otherwise an error that shows each reading. For feeds whose
 * expected list is not the API's own (a member's, a single event): at least no two apps differ.
 */
export function readAlike(ics: string, from: number, until: number): Seen[] {
  const read = readByClients(ics, from, until);
  const [first, ...rest] = CLIENTS.map((c) => JSON.stringify(read.seen[c]));
  if (read.warnings.length || rest.some((r) => r !== first))
    throw new Error(`Calendar clients read this feed differently: ${JSON.stringify(read, null, 1)}`);
  return read.seen['ical.js'];
}

/** Each event's reminders as each engine reads them: uid → [minutes before the start, text]. */
export function alarmsByClients(ics: string) {
  const byPython = (engine: 'khal' | 'icalendar' | 'libical') =>
    JSON.parse(
      run('python3', [join(import.meta.dirname, 'clients.py'), 'alarms', engine], ics).stdout,
    ) as Record<string, [number, string | null][]>;
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const icaljs: Record<string, [number, string | null][]> = {};
  for (const v of calendar.getAllSubcomponents('vevent'))
    icaljs[v.getFirstPropertyValue('uid') as string] = v
      .getAllSubcomponents('valarm')
      .map((a) => [
        -(a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds() / 60,
        (a.getFirstPropertyValue('description') as string | null) ?? null,
      ]);
  return {
    khal: byPython('khal'),
    'recurring-ical-events': byPython('icalendar'),
    libical: byPython('libical'),
    'ical.js': icaljs,
  };
}
