/**
 * Calendar feeds (read-only): a member's private feed at `/feeds/{token}.ics`, a public group's
 * feed at `/feeds/groups/{groupId}.ics`, and one occurrence as a file. A feed's validators (a
 * strong ETag and Last-Modified) come from versions the API keeps on the feed and group items
 * (functions/api/feed-stamps.ts), so a conditional request is answered 304 after one read,
 * without reading the schedule or writing the calendar. Unknown, revoked and malformed tokens
 * are all the same 404.
 * @module
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { compressAnswers } from '../api/middleware/compress';
import { claimHolds, parseSessionCookie, sessionCookieName } from '../core/accounts';
import { tagMatches } from '../core/compression';
import {
  DEFAULT_FEED_SETTINGS,
  eventFor,
  FEED_AHEAD_MS,
  FEED_KEPT_AFTER_END_MS,
  FEED_REFRESH_SECONDS,
  type FeedEvent,
  type FeedOccurrence,
  listedFor,
  memberEvent,
  seriesEvents,
  stillShown,
} from '../core/feeds';
import { canSeeGroup, canSeeInside } from '../core/groups';
import { word } from '../core/i18n/words';
import { type RsvpState, rsvpOf } from '../core/ledger';
import { canSeeWhere } from '../core/meetups';
import { isUnconfirmed } from '../core/roster';
import { getMany, keyOf } from '../store/batch';
import type { Db } from '../store/client';
import { hashToken } from '../store/ids';
import { groupOf, keys } from '../store/keys';
import { accountsRepo } from '../store/repos/accounts';
import { type FeedRecord, feedsRepo } from '../store/repos/feeds';
import type { GroupRecord, MemberRecord } from '../store/repos/group-records';
import { groupsRepo } from '../store/repos/groups';
import { type OccurrenceCard, type OccurrenceRecord, readOccurrence } from '../store/repos/meetup-records';
import { meetupsRepo } from '../store/repos/meetups';
import { rosterRepo } from '../store/repos/roster';
import { writeCalendar } from './ical';
import { answersOf } from './unsure';

/** `<userId>.<secret>.ics`: 22 and 43 characters of base64url. */
const MEMBER_FEED = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})\.ics$/;
const GROUP_FEED = /^([A-Za-z0-9_-]{1,64})\.ics$/;
/** Schedule entries read per group; enough for weekly meetups over the whole window. */
const PER_GROUP = 500;

export interface FeedsDeps {
  db: Db;
  now?: () => number;
  /** Deployed: the session cookie is the `__Host-` one (as the API sets it). */
  secureCookies?: boolean;
}

export interface Feed {
  name: string;
  events: FeedEvent[];
}

/**
 * A calendar to serve: its validators, known before the calendar is read, and how to build it.
 * What a feed holds is a function of the data and the day (feeds drop what ended, by the day),
 * so the ETag is made of the data's versions and the day.
 */
export interface Source {
  etag: string;
  lastModified: number;
  build: () => Promise<Feed>;
}

const DAY = 86_400_000;
const dayOf = (now: number) => Math.floor(now / DAY) * DAY;

/** A strong validator from the parts that decide the content. */
const etag = (parts: unknown[]) =>
  `"${createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 32)}"`;

/** The repositories and reads every calendar shares. */
function feedReads(deps: FeedsDeps) {
  const feeds = feedsRepo(deps.db);
  const accounts = accountsRepo(deps.db);
  const groups = groupsRepo(deps.db);
  const meetups = meetupsRepo(deps.db);
  const rosters = rosterRepo(deps.db);
  const window = (now: number) => ({
    from: now - FEED_KEPT_AFTER_END_MS - 86_400_000,
    to: now + FEED_AHEAD_MS,
  });

  /** The groups' schedule cards (the schedule index holds all a feed shows but RSVPs). */
  async function schedules(groupIds: string[], now: number) {
    const pages = await Promise.all(
      groupIds.map((g) => meetups.listSchedule(g, { ...window(now), limit: PER_GROUP })),
    );
    return pages.flatMap((p) => p.items);
  }

  const asFeed = (o: OccurrenceCard): FeedOccurrence => ({ ...o, changedAt: o.changedAt ?? 0 });
  const changedAt = (o: OccurrenceRecord) => Math.max(o.changedAt ?? 0, o.rsvpChangedAt ?? 0);

  return { feeds, accounts, groups, meetups, rosters, schedules, asFeed, changedAt, deps };
}
type FeedReads = ReturnType<typeof feedReads>;

/**
 * A member's feed, or null when the token is not a live one (no hint which). Its validators
 * come from the feed item alone; the calendar is read and written only when asked for.
 */
async function memberSource(r: FeedReads, token: string, now: number): Promise<Source | null> {
  const { feeds, groups, meetups, rosters, schedules, asFeed } = r;
  const match = MEMBER_FEED.exec(token);
  if (!match) return null;
  const [, userId, secret] = match as unknown as [string, string, string];
  const feed = await feeds.getFeed(userId);
  if (!feed || !sameHash(hashToken(secret), feed.tokenHash)) return null;
  const day = dayOf(now);
  return {
    etag: etag(['member', userId, feed.version, feed.scope, feed.discreet, feed.language ?? 'en', day]),
    lastModified: Math.max(feed.stampAt, feed.changedAt, day),
    build: async () => {
      const rsvps = await answersOf(feed, { feeds, meetups }, now);
      const memberships = (await groups.listMembershipsOf(userId)).filter((m) => m.status === 'active');
      const ids = memberships.map((m) => m.groupId);
      const [records, cards, { duties }] = await Promise.all([
        groups.getGroups(ids),
        schedules(ids, day),
        rosters.getDuties(userId),
      ]);
      // A facilitator's duties are in their feed too, with the duty, and where it is; one not
      // yet confirmed says so, and is tentative (the roster on the meetup is the truth).
      const slots = await rosters.rostersOf(Object.values(duties).map((d) => d.occurrenceId));
      const dutyAt = new Map(
        Object.values(duties).map((d) => {
          const slot = slots.get(d.occurrenceId)?.roster[d.role];
          const unconfirmed = slot?.userId === userId && isUnconfirmed(slot);
          return [d.occurrenceId, { name: word(feed.language, `role.${d.role}`), unconfirmed }] as const;
        }),
      );
      const names = new Map(records.map((g) => [g.groupId, g.name]));
      const shown = cards.filter((o) =>
        listedFor(
          asFeed(o),
          feed.scope,
          { answered: !!rsvps[o.occurrenceId], duty: dutyAt.has(o.occurrenceId) },
          day,
        ),
      );
      // Where more are in the member's line than it has places, they may be waiting: their
      // place needs the whole line. Elsewhere everyone in a line is going.
      const crowded = shown.filter((o) => {
        const line = rsvps[o.occurrenceId];
        return line && (line === 'in_person' ? o.waitingInPerson : o.waitingOnline) > 0;
      });
      const places = new Map(
        (await meetups.getOccurrences(crowded.map((o) => o.occurrenceId))).map((o) => [
          o.occurrenceId,
          rsvpOf(o, userId),
        ]),
      );
      const events: FeedEvent[] = [];
      for (const o of shown) {
        const line = rsvps[o.occurrenceId];
        const rsvp: RsvpState = places.has(o.occurrenceId)
          ? places.get(o.occurrenceId)!
          : line
            ? { status: 'going', attendance: line }
            : null;
        const event = memberEvent(asFeed(o), {
          settings: feed,
          rsvp,
          duty: dutyAt.get(o.occurrenceId),
          groupName: names.get(o.groupId) ?? '',
        });
        if (event) events.push(event);
      }
      return { name: feed.discreet ? 'Hearth' : word(feed.language, 'feedName'), events };
    },
  };
}

/** A public group's feed: public information only (no address, no link); null otherwise. */
async function groupSource(r: FeedReads, file: string, now: number): Promise<Source | null> {
  const { groups, meetups, schedules, asFeed } = r;
  const match = GROUP_FEED.exec(file);
  if (!match) return null;
  const group: GroupRecord | null = await groups.getGroup(match[1]!);
  if (group?.visibility !== 'public' || !canSeeGroup(group.visibility, null)) return null;
  const day = dayOf(now);
  return {
    etag: etag(['group', group.groupId, group.scheduleVersion ?? 0, group.version, day]),
    lastModified: Math.max(group.scheduleChangedAt ?? 0, Date.parse(group.updatedAt) || 0, day),
    build: async () => {
      const cards = (await schedules([group.groupId], day)).filter((o) => stillShown(asFeed(o), day));
      const viewer = { rsvp: null, groupName: group.name, discreet: false, pageUrl: null };
      const recurring = [...new Set(cards.filter((o) => o.recurring).map((o) => o.meetupId))];
      const series = new Map((await meetups.getMeetups(recurring)).map((m) => [m.meetupId, m]));
      const events: FeedEvent[] = [];
      const single = (o: OccurrenceCard) => eventFor(asFeed(o), viewer);
      // Series as an RRULE with its exceptions; one-off meetups (and any series the rule
      // cannot describe) one by one.
      for (const meetupId of new Set(cards.map((o) => o.meetupId))) {
        const own = cards.filter((o) => o.meetupId === meetupId);
        const m = series.get(meetupId);
        const asSeries =
          m &&
          seriesEvents(
            {
              ...m,
              rrule: m.rrule ?? '',
              timezone: own[0]!.timezone,
              changedAt: Date.parse(m.updatedAt) || 0,
            },
            own.map(asFeed).map((o, i) => ({ ...o, index: own[i]!.index })),
            viewer,
          );
        events.push(...(asSeries ?? own.map(single)));
      }
      return { name: group.name, events };
    },
  };
}

/**
 * One occurrence as a file for “Add to calendar”, showing what its page shows the reader
 * (`cookie` is their session cookie): null when they may not see it. Private groups'
 * occurrences are for members; the address is for those going and for organisers. Worded as
 * the reader's calendar settings say (discreet unless they chose full details), with the
 * reminders they chose for meetups they answered.
 */
async function occurrenceSource(
  r: FeedReads,
  occurrenceId: string,
  cookie: string | undefined,
  now: number,
): Promise<Source | null> {
  const { accounts, groups, asFeed, changedAt, deps } = r;
  if (!/^[A-Za-z0-9_-]{33}$/.test(occurrenceId)) return null;
  const claim = parseSessionCookie(cookie);
  const ok = keys.occurrence(occurrenceId);
  const mk = keys.member(groupOf(occurrenceId), claim?.userId ?? '');
  const fk = keys.feed(claim?.userId ?? '');
  let item: Record<string, unknown> | undefined;
  let member: MemberRecord | null = null;
  let settings: Partial<FeedRecord> | undefined;
  if (claim) {
    const { session, items } = await accounts.getSessionWith(hashToken(claim.token), {
      keys: [ok, mk, fk],
    });
    item = items.get(keyOf(ok));
    if (claimHolds(session, claim.userId, now)) {
      member = (items.get(keyOf(mk)) as MemberRecord | undefined) ?? null;
      settings = items.get(keyOf(fk)) as Partial<FeedRecord> | undefined;
    }
  } else {
    item = (await getMany(deps.db, [ok], { consistent: true })).get(keyOf(ok));
  }
  if (!item) return null;
  const o = readOccurrence(item);
  const group = await groups.getGroup(o.groupId);
  if (!group || !canSeeInside(group.visibility, member)) return null;
  const rsvp = member && claim ? rsvpOf(o, claim.userId) : null;
  const discreet = settings?.discreet ?? DEFAULT_FEED_SETTINGS.discreet;
  const event = eventFor(asFeed(o), {
    rsvp,
    groupName: group.name,
    discreet,
    pageUrl: null,
    seesWhere: canSeeWhere(member, rsvp),
    ...(settings?.language ? { locale: settings.language } : {}),
  });
  const alarms = rsvp && event.status !== 'cancelled' ? (settings?.alarms ?? []) : [];
  const file: Feed = {
    name: discreet ? 'Hearth' : o.title,
    events: [{ ...event, ...(alarms.length ? { alarms } : {}) }],
  };
  return {
    etag: etag(['file', JSON.stringify(file)]),
    lastModified: changedAt(o),
    build: async () => file,
  };
}

/** What the data says a feed holds, before it is written. */
export function feedBuilder(deps: FeedsDeps) {
  const r = feedReads(deps);
  return {
    member: (token: string, now: number) => memberSource(r, token, now),
    group: (file: string, now: number) => groupSource(r, file, now),
    occurrence: (occurrenceId: string, cookie: string | undefined, now: number) =>
      occurrenceSource(r, occurrenceId, cookie, now),
  };
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Answers a conditional GET or HEAD for a feed: 304 when the client has it, else the calendar.
 * A subscription may be kept as long as it asks to be refreshed; a file is checked every time.
 */
export async function respond(
  c: Context,
  source: Source,
  filename: string,
  kept: 'subscription' | 'file' = 'subscription',
): Promise<Response> {
  const { etag } = source;
  // HTTP dates have whole seconds: round up so a change within the second is not missed.
  const modified = Math.ceil(source.lastModified / 1000) * 1000;
  const headers: Record<string, string> = {
    ETag: etag,
    'Last-Modified': new Date(modified).toUTCString(),
    'Cache-Control': kept === 'file' ? 'private, no-cache' : `private, max-age=${FEED_REFRESH_SECONDS}`,
    'X-Content-Type-Options': 'nosniff',
  };
  const ifNoneMatch = c.req.header('if-none-match');
  const ifModifiedSince = c.req.header('if-modified-since');
  const fresh = ifNoneMatch
    ? tagMatches(ifNoneMatch, etag)
    : ifModifiedSince !== undefined && Date.parse(ifModifiedSince) >= modified;
  if (fresh) return c.body(null, 304, headers);
  const type = {
    ...headers,
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Disposition': filename,
  };
  if (c.req.method === 'HEAD') return c.body(null, 200, type);
  const feed = await source.build();
  return c.body(writeCalendar(feed.name, feed.events), 200, type);
}

const INLINE = 'inline; filename="hearth.ics"';

export function createFeedsApp(deps: FeedsDeps) {
  const now = deps.now ?? Date.now;
  const build = feedBuilder(deps);
  const feeds = new Hono();
  const notFound = (c: Context) => c.text('Not found', 404);
  feeds.get('/health', (c) => c.json({ ok: true }));
  feeds.on(['GET', 'HEAD'], '/groups/:file', async (c) => {
    const feed = await build.group(c.req.param('file'), now());
    return feed ? respond(c, feed, INLINE) : notFound(c);
  });
  feeds.on(['GET', 'HEAD'], '/:file', async (c) => {
    const feed = await build.member(c.req.param('file'), now());
    return feed ? respond(c, feed, INLINE) : notFound(c);
  });
  // Unknown tokens and paths are 404 with no hint of what exists.
  feeds.notFound(notFound);
  const app = new Hono();
  // A calendar of 200 meetups is ~100 KB as text and a fifth of that compressed.
  app.use(compressAnswers());
  // Errors are logged by name and message only: a feed's URL is its secret.
  app.onError((e, c) => {
    console.error(JSON.stringify({ level: 'error', name: e.name, message: e.message }));
    return c.text('Something went wrong; your calendar app will try again', 500);
  });
  app.route('/feeds', feeds);
  // Routed here rather than to the API, so calendar writing stays out of the API's bundle.
  app.on(['GET', 'HEAD'], '/api/occurrences/:occurrenceId/event.ics', async (c) => {
    const cookie = getCookie(c, sessionCookieName(!!deps.secureCookies));
    const file = await build.occurrence(c.req.param('occurrenceId'), cookie, now());
    if (!file)
      return c.json(
        { error: { code: 'not_found', message: 'No such meetup, or it is in a private group' } },
        404,
      );
    return respond(c, file, 'attachment; filename="hearth-meetup.ics"', 'file');
  });
  app.notFound(notFound);
  return app;
}
