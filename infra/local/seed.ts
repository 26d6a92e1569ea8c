/**
 * Demo community for local runs, created through the API itself so it obeys every rule.
 * @module
 */
import type { Hono } from 'hono';

export const DEMO_ACCOUNTS = [
  { handle: 'demo-owner', passphrase: 'warm tea and kind words', role: 'owns the demo groups' },
  {
    handle: 'demo-moderator',
    passphrase: 'lighthouse on a calm night',
    role: 'moderates Evening Anxiety Circle',
  },
  { handle: 'demo-member', passphrase: 'gentle rain on the window', role: 'a member, alias “Robin”' },
  {
    handle: 'demo-admin',
    passphrase: 'quiet library at noon',
    role: 'a platform admin (keeps the global directory)',
  },
  {
    handle: 'demo-facilitator',
    passphrase: 'steady hands and open doors',
    role: 'facilitates Evening Anxiety Circle, alias “Alex”',
  },
] as const;

const GUIDELINES = `We listen without judging, and share only what we are comfortable sharing.
What is said in the group stays in the group: no names, no screenshots.
We offer our own experience, not advice or diagnosis, unless someone asks.
It is fine to step away at any time; look after yourself first.
If someone is in danger, we point them to crisis lines and emergency services.`;

export async function seedDemo(app: Hono): Promise<void> {
  const cookies = new Map<string, string>();
  async function call(who: string | null, method: string, path: string, body?: unknown) {
    const res = await app.request(`/api${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(who && cookies.has(who) ? { cookie: cookies.get(who)! } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // The session cookie is the one the demo's calls need (a device cookie may come with it).
    const session = res.headers.getSetCookie().find((c) => c.startsWith('hearth_session='));
    if (who && session) cookies.set(who, session.split(';')[0]!);
    const data = (await res.json()) as Record<string, unknown>;
    if (res.status >= 400 && res.status !== 409)
      throw new Error(`seed ${method} ${path}: ${JSON.stringify(data)}`);
    return data;
  }
  for (const a of DEMO_ACCOUNTS) {
    const res = await call(a.handle, 'POST', '/auth/signup', { handle: a.handle, passphrase: a.passphrase });
    if ('error' in res)
      await call(a.handle, 'POST', '/auth/login', { handle: a.handle, passphrase: a.passphrase });
  }
  const base = { guidelines: GUIDELINES, timezone: 'Europe/London' };
  const anxiety = await call('demo-owner', 'POST', '/groups', {
    ...base,
    name: 'Evening Anxiety Circle',
    area: 'Leeds, West Yorkshire',
    description:
      'A calm, friendly circle for people living with anxiety. We meet on Tuesday evenings in a quiet community room in Leeds, with an online room for those who join from home, and keep talking here between sessions.',
    focus: ['anxiety', 'wellbeing'],
    visibility: 'public',
    joinPolicy: 'open',
    moderationPolicy: 'active',
    tone: 'listening',
    alias: 'Sam (host)',
  });
  await call('demo-owner', 'POST', '/groups', {
    ...base,
    name: 'Grief Walk & Talk',
    area: 'Roundhay Park, Leeds',
    description:
      'Gentle walks in the park for people who have lost someone, followed by tea. Come as you are; you do not have to talk.',
    focus: ['grief', 'loneliness'],
    visibility: 'public',
    joinPolicy: 'approval',
    moderationPolicy: 'strict',
    tone: 'social',
  });
  await call('demo-owner', 'POST', '/groups', {
    ...base,
    name: "Carers' Corner",
    description: 'A private space for people caring for a family member with a mental illness.',
    focus: ['carers'],
    visibility: 'private',
    joinPolicy: 'approval',
    moderationPolicy: 'active',
    tone: 'practical',
  });
  const id = anxiety.groupId as string;
  const join = await call('demo-moderator', 'POST', `/groups/${id}/members`, {
    acceptGuidelines: true,
    alias: 'Jo',
  });
  void join;
  const me = await call('demo-moderator', 'GET', '/me');
  await call('demo-owner', 'PATCH', `/groups/${id}/members/${me.userId}`, { role: 'moderator' });
  await call('demo-member', 'POST', `/groups/${id}/members`, { acceptGuidelines: true, alias: 'Robin' });

  // A weekly hybrid meetup from the Tuesday after next (7 to 13 days ahead), and a one-off online session.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const daysToTuesday = ((2 - new Date().getUTCDay() + 7) % 7) + 7;
  const weekly = await call('demo-owner', 'POST', `/groups/${id}/meetups`, {
    title: 'Tuesday evening circle',
    description: 'We start with a short check-in round, then talk about whatever people bring. Tea provided.',
    start: `${day(daysToTuesday)}T18:30`,
    durationMinutes: 90,
    mode: 'hybrid',
    venue: {
      name: 'Meeting room 2, Quarry Hill Library',
      address: '12 Harbour Street, Leeds LS2 7AA',
      neighbourhood: 'Leeds city centre',
      access: ['step_free', 'accessible_toilet', 'quiet_room', 'hearing_loop'],
      accessNotes: 'Lift to the first floor. The quiet room is next door if you need a break.',
    },
    online: {
      url: 'https://meet.example/hearth-tuesday',
      notes: 'Cameras optional; the room mic picks up everyone.',
    },
    capacity: { inPerson: 12, online: 20 },
    recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=12' },
  });
  await call('demo-owner', 'POST', `/groups/${id}/meetups`, {
    title: 'Sunday morning online check-in',
    start: `${day(((7 - new Date().getUTCDay()) % 7) + 7)}T10:00`,
    durationMinutes: 60,
    mode: 'online',
    online: { url: 'https://meet.example/hearth-sunday' },
    capacity: { online: 15 },
  });
  // Two trained facilitators (the owner too), and the next four weeks' roster filled.
  await call('demo-facilitator', 'POST', `/groups/${id}/members`, { acceptGuidelines: true, alias: 'Alex' });
  const alex = await call('demo-facilitator', 'GET', '/me');
  await call('demo-owner', 'PATCH', `/groups/${id}/members/${alex.userId}`, { role: 'facilitator' });
  const owner = await call('demo-owner', 'GET', '/me');
  for (const who of [alex.userId, owner.userId])
    await call('demo-owner', 'PUT', `/groups/${id}/facilitators/${who}`, {
      trainedOn: day(-60),
      maxPerMonth: 6,
    });
  await call('demo-owner', 'POST', `/groups/${id}/roster/autofill`, {
    from: day(0),
    to: day(28),
    apply: true,
  });
  const first = (weekly.occurrences as { occurrenceId: string }[])[0]!.occurrenceId;
  await call('demo-member', 'PUT', `/occurrences/${first}/rsvp`, { attendance: 'in_person' });
  await call('demo-moderator', 'PUT', `/occurrences/${first}/rsvp`, { attendance: 'online' });
}
