import * as z from 'zod/mini';
import { ACCESS_FEATURES } from '../meetups';
import { ATTENDANCE, MEETUP_MODES } from '../modes';
import { NOTIFICATION_KINDS } from '../notifications';
import { LOCAL_DATE_TIME } from '../time';
import { Cursor, keysOf, line, PageLimit, ScopedId, text } from './common';
import { StaffingSchema } from './roster';

export const Mode = z.enum(MEETUP_MODES);
export const Attendance = z.enum(ATTENDANCE);
export const AccessFeature = z.enum(keysOf(ACCESS_FEATURES));
export const LocalDateTimeSchema = z
  .string()
  .check(z.regex(LOCAL_DATE_TIME, 'Choose a date and a start time'));

const httpsUrl = z.string().check(
  z.maxLength(500, 'Use at most 500 characters'),
  z.refine((u: string) => {
    try {
      const url = new URL(u);
      return url.protocol === 'https:' && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'Use an https:// link'),
);

export const Venue = z.strictObject({
  name: line(1, 120),
  address: text(300, 1),
  neighbourhood: z.optional(line(1, 80)),
  access: z._default(
    z.array(AccessFeature).check(
      z.maxLength(Object.keys(ACCESS_FEATURES).length),
      z.refine((a: string[]) => new Set(a).size === a.length, 'Each feature once'),
    ),
    [],
  ),
  accessNotes: z.optional(text(500)),
});
export type Venue = z.infer<typeof Venue>;

export const Online = z.strictObject({ url: httpsUrl, notes: z.optional(text(500)) });
export type Online = z.infer<typeof Online>;

export const Capacity = z.strictObject({
  inPerson: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(500))),
  online: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(1000))),
});

/** RSVPs open up to 90 days before a meetup, and close up to a week before it. */
const OpensHoursBefore = z.number().check(z.int(), z.minimum(1), z.maximum(2160));
const ClosesMinutesBefore = z.number().check(z.int(), z.minimum(0), z.maximum(10080));

/** The longest a meetup may last (jobs look this far back for meetups that have just ended). */
export const MAX_DURATION_MINUTES = 720;

const meetupFields = {
  title: line(3, 120),
  description: z._default(text(4000), ''),
  start: LocalDateTimeSchema,
  durationMinutes: z
    .number()
    .check(
      z.int(),
      z.minimum(15, 'At least 15 minutes'),
      z.maximum(MAX_DURATION_MINUTES, 'At most 12 hours'),
    ),
  mode: Mode,
  venue: z.optional(Venue),
  online: z.optional(Online),
  capacity: Capacity,
  /** RSVPs open this many hours before each start (absent: as soon as it is scheduled). */
  rsvpOpensHoursBefore: z.optional(OpensHoursBefore),
  /** RSVPs close this many minutes before each start (0: at the start). */
  rsvpClosesMinutesBefore: z._default(ClosesMinutesBefore, 0),
};

const Rrule = z.string().check(z.minLength(1), z.maxLength(200));

export const CreateMeetupRequest = z.strictObject({
  ...meetupFields,
  recurrence: z.optional(z.strictObject({ rrule: Rrule })),
  /** The duties each meetup needs (absent: a lead, and an online host for hybrid meetups). */
  staffing: z.optional(StaffingSchema),
});
export type CreateMeetupRequest = z.infer<typeof CreateMeetupRequest>;

export const MeetupParams = z.object({ meetupId: ScopedId });
export const OccurrenceParams = z.object({ occurrenceId: ScopedId });

export const RsvpRequest = z.strictObject({ attendance: Attendance });

export const MyRsvp = z.object({
  status: z.enum(['going', 'waitlisted']),
  attendance: Attendance,
  /** 1 is next in line. */
  position: z.optional(z.number()),
});
export type MyRsvp = z.infer<typeof MyRsvp>;

const Seats = z.object({ capacity: z.number(), going: z.number(), waitlisted: z.number() });

export const OccurrenceView = z.object({
  occurrenceId: z.string(),
  meetupId: z.string(),
  groupId: z.string(),
  title: z.string(),
  description: z.string(),
  /** Wall-clock start in the group's zone, and the instant (UTC). */
  startLocal: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  timezone: z.string(),
  mode: Mode,
  status: z.enum(['scheduled', 'cancelled']),
  cancelReason: z.nullable(z.string()),
  sequence: z.number(),
  /** The venue; `address` only for members who are going and for organisers. */
  venue: z.nullable(
    z.object({
      name: z.string(),
      neighbourhood: z.nullable(z.string()),
      address: z.nullable(z.string()),
      access: z.array(AccessFeature),
      accessNotes: z.nullable(z.string()),
    }),
  ),
  /** The link only for members who are going and for organisers. */
  online: z.nullable(z.object({ url: z.nullable(z.string()), notes: z.nullable(z.string()) })),
  seats: z.object({ inPerson: z.nullable(Seats), online: z.nullable(Seats) }),
  rsvpOpensAt: z.string(),
  rsvpClosesAt: z.string(),
  rsvp: z.nullable(MyRsvp),
  recurring: z.boolean(),
});
export type OccurrenceView = z.infer<typeof OccurrenceView>;

export const MeetupView = z.object({
  meetupId: z.string(),
  groupId: z.string(),
  title: z.string(),
  description: z.string(),
  start: z.string(),
  durationMinutes: z.number(),
  mode: Mode,
  capacity: z.object({ inPerson: z.nullable(z.number()), online: z.nullable(z.number()) }),
  rrule: z.nullable(z.string()),
  staffing: z.object({ roles: z.array(z.string()), minimum: z.number() }),
  /** RSVPs open this many hours before each meetup (`null`: as soon as it is scheduled)… */
  rsvpOpensHoursBefore: z.nullable(z.number()),
  /** …and close this many minutes before it starts. */
  rsvpClosesMinutesBefore: z.number(),
  /** "every Tuesday, 10 times" */
  repeats: z.nullable(z.string()),
  status: z.enum(['scheduled', 'cancelled']),
});

export type MeetupView = z.infer<typeof MeetupView>;

/** A cancelled meetup back on, and how many who had a place or a duty were told. */
export const RestoredOccurrence = z.object({ occurrence: OccurrenceView, told: z.number() });

export const ScheduleWarning = z.object({ startLocal: z.string(), message: z.string() });

export const CreatedMeetup = z.object({
  meetup: MeetupView,
  occurrences: z.array(OccurrenceView),
  /** Times that fell in a DST gap or overlap and how they were resolved. */
  warnings: z.array(ScheduleWarning),
});

export const ScheduleQuery = z.object({
  from: z.optional(
    z.string().check(z.refine((s: string) => !Number.isNaN(Date.parse(s)), 'Use an ISO date or date-time')),
  ),
  to: z.optional(
    z.string().check(z.refine((s: string) => !Number.isNaN(Date.parse(s)), 'Use an ISO date or date-time')),
  ),
  cursor: z.optional(Cursor),
  limit: PageLimit,
});
export const SchedulePage = z.object({ items: z.array(OccurrenceView), nextCursor: z.nullable(z.string()) });
/** A member's own meetups, to `through` (the window the page says it shows). */
export const MyMeetups = z.extend(SchedulePage, { through: z.string() });

export const RsvpResponse = z.object({ rsvp: z.nullable(MyRsvp), occurrence: OccurrenceView });

export const Attendee = z.object({
  userId: z.string(),
  displayName: z.string(),
  status: z.enum(['going', 'waitlisted']),
  attendance: Attendance,
  position: z.optional(z.number()),
});
export const AttendeeList = z.object({ items: z.array(Attendee) });

export const Notification = z.object({
  notificationId: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  text: z.string(),
  /** The meetup it is about, if any. */
  occurrenceId: z.nullable(z.string()),
  groupId: z.string(),
  /** The web app's page where the person can act on it. */
  href: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type Notification = z.infer<typeof Notification>;
export const MarkedRead = z.object({ marked: z.number() });
export const NotificationPage = z.object({
  items: z.array(Notification),
  unread: z.number(),
  nextCursor: z.nullable(z.string()),
});
export const NotificationsQuery = z.object({ cursor: z.optional(Cursor), limit: PageLimit });
export const NotificationParams = z.object({
  notificationId: z.string().check(z.regex(/^\d{17}[A-Za-z0-9_-]{22}$/, 'Not a valid notification id')),
});

/** Changes to one occurrence: it becomes an exception the series leaves alone. */
export const UpdateOccurrenceRequest = z
  .strictObject({
    start: z.optional(LocalDateTimeSchema),
    durationMinutes: z.optional(meetupFields.durationMinutes),
    title: z.optional(meetupFields.title),
    description: z.optional(text(4000)),
    venue: z.optional(Venue),
    online: z.optional(Online),
    capacity: z.optional(Capacity),
  })
  .check(z.refine((u: object) => Object.keys(u).length > 0, 'Change at least one field'));
export type UpdateOccurrenceRequest = z.infer<typeof UpdateOccurrenceRequest>;

/** Changes to a series: applied to its future occurrences, except where one was changed on its own. */
export const UpdateMeetupRequest = z
  .strictObject({
    title: z.optional(meetupFields.title),
    description: z.optional(text(4000)),
    /** A new time of day for the series, `HH:mm`, in the group's zone. */
    time: z.optional(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 18:30'))),
    durationMinutes: z.optional(meetupFields.durationMinutes),
    venue: z.optional(Venue),
    online: z.optional(Online),
    capacity: z.optional(Capacity),
    /**
     * New dates from now on: a rule, from `start` (the first meetup of the new pattern; absent:
     * the series' own first date and time). Upcoming meetups on a new date keep their RSVPs; the
     * others are cancelled and everyone with an RSVP is told.
     */
    recurrence: z.optional(z.strictObject({ rrule: Rrule, start: z.optional(LocalDateTimeSchema) })),
    /** The duties its upcoming meetups need (a duty someone holds cannot be dropped). */
    staffing: z.optional(StaffingSchema),
    /** When RSVPs open for each upcoming meetup (`null`: now); RSVPs made stay. */
    rsvpOpensHoursBefore: z.optional(z.nullable(OpensHoursBefore)),
    rsvpClosesMinutesBefore: z.optional(ClosesMinutesBefore),
  })
  .check(z.refine((u: object) => Object.keys(u).length > 0, 'Change at least one field'));
export type UpdateMeetupRequest = z.infer<typeof UpdateMeetupRequest>;

export const CancelRequest = z.strictObject({ reason: text(500, 1) });

export const AttendanceRequest = z
  .strictObject({
    headcount: z.optional(
      z.strictObject({
        inPerson: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(2000))),
        online: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(5000))),
      }),
    ),
    /** Members who came, where the group checks people in. */
    checkedIn: z.optional(z.array(z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/))).check(z.maxLength(1500))),
  })
  .check(
    z.refine(
      (u: { headcount?: unknown; checkedIn?: unknown }) => !!u.headcount || !!u.checkedIn,
      'Give a headcount or who checked in',
    ),
  );

export const AttendanceView = z.object({
  headcount: z.nullable(z.object({ inPerson: z.nullable(z.number()), online: z.nullable(z.number()) })),
  checkedIn: z.number(),
  recordedAt: z.string(),
});

export const UpdatedSeries = z.object({
  meetup: MeetupView,
  /** Upcoming meetups changed, and those that could not take a lower capacity. */
  updated: z.number(),
  skipped: z.number(),
  /** With new dates: meetups added, and upcoming ones cancelled for not being on a new date. */
  added: z.number(),
  cancelled: z.number(),
  warnings: z.array(ScheduleWarning),
});
