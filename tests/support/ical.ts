/**
 * Real parsers for the calendars Hearth writes: libical (Debian's gir1.2-ical-3.0, through
 * python3-gi) for RFC 5545 and its restriction tables, and ical.js for the instants a calendar
 * app would compute.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import ICAL from 'ical.js';

const CHECK = join(import.meta.dirname, 'ical-check.py');

/** libical's errors for a calendar (empty when it passes). */
export function libicalErrors(text: string): string[] {
  // Debian's python3 (not one a toolchain put first on PATH) has the gi bindings.
  const path = spawnSync('getconf', ['PATH'], { encoding: 'utf8' }).stdout.trim() || '/usr/bin:/bin';
  const run = spawnSync('python3', [CHECK], { input: text, encoding: 'utf8', env: { PATH: path } });
  if (run.status !== 0) {
    throw new Error(
      `libical check could not run (${run.stderr.trim().split('\n').at(-1)}). Install it: apt-get install -y gir1.2-ical-3.0 python3-gi`,
    );
  }
  const verdict = JSON.parse(run.stdout) as { ok: boolean; errors: string[] };
  return verdict.ok ? [] : verdict.errors.length ? verdict.errors : ['restriction check failed'];
}

export interface ParsedEvent {
  uid: string;
  sequence: number;
  summary: string;
  description: string | null;
  location: string | null;
  status: string | null;
  tzid: string | null;
  /** Start and end as instants (ms), as a calendar app computes them from the VTIMEZONE. */
  start: number;
  end: number;
  raw: string;
}

/** Parses with ical.js, resolving each TZID through the calendar's own VTIMEZONEs only. */
export function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones = new Map<string, ICAL.Timezone>();
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
    const zone = new ICAL.Timezone(vtimezone);
    zones.set(zone.tzid, zone);
  }
  const instant = (prop: ICAL.Property) => {
    const time = prop.getFirstValue() as ICAL.Time;
    const tzid = prop.getParameter('tzid') as string | undefined;
    if (tzid) {
      const zone = zones.get(tzid);
      if (!zone) throw new Error(`No VTIMEZONE for TZID ${tzid}`);
      time.zone = zone;
    }
    return time.toUnixTime() * 1000;
  };
  const events: ParsedEvent[] = calendar.getAllSubcomponents('vevent').map((v) => ({
    uid: v.getFirstPropertyValue('uid') as string,
    sequence: Number(v.getFirstPropertyValue('sequence') ?? 0),
    summary: v.getFirstPropertyValue('summary') as string,
    description: (v.getFirstPropertyValue('description') as string | null) ?? null,
    location: (v.getFirstPropertyValue('location') as string | null) ?? null,
    status: (v.getFirstPropertyValue('status') as string | null) ?? null,
    tzid: (v.getFirstProperty('dtstart')!.getParameter('tzid') as string | undefined) ?? null,
    start: instant(v.getFirstProperty('dtstart')!),
    end: instant(v.getFirstProperty('dtend')!),
    raw: v.toString(),
  }));
  return {
    name: calendar.getFirstPropertyValue('x-wr-calname') as string | null,
    props: calendar.getAllProperties().map((p) => p.name.toUpperCase()),
    zones: [...zones.keys()],
    events,
  };
}

export interface Instance {
  uid: string;
  start: number;
  end: number;
  summary: string;
  status: string | null;
  location: string | null;
}

/**
 * Every instance a calendar app would show up to `until`: series expanded by ical.js from their
 * RRULE, less EXDATEs, with overrides (same UID, RECURRENCE-ID) replacing what they override.
 */
export function expandCalendar(text: string, until: number): Instance[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const masters = events.filter((e) => !e.isRecurrenceException());
  for (const exception of events.filter((e) => e.isRecurrenceException())) {
    const master = masters.find((m) => m.uid === exception.uid);
    if (!master) throw new Error(`An override with no series: ${exception.uid}`);
    master.relateException(exception);
  }
  const out: Instance[] = [];
  const describe = (e: ICAL.Event, start: ICAL.Time, end: ICAL.Time) => ({
    uid: e.uid,
    start: start.toUnixTime() * 1000,
    end: end.toUnixTime() * 1000,
    summary: e.summary,
    status: (e.component.getFirstPropertyValue('status') as string | null) ?? null,
    location: e.location ?? null,
  });
  for (const master of masters) {
    if (!master.isRecurring()) {
      out.push(describe(master, master.startDate, master.endDate));
      continue;
    }
    const it = master.iterator();
    for (let next = it.next(); next && next.toUnixTime() * 1000 <= until; next = it.next()) {
      const details = master.getOccurrenceDetails(next);
      out.push(describe(details.item, details.startDate, details.endDate));
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
