import * as z from 'zod/mini';
import { ATTENDANCE } from '../modes';
import { WEEKDAYS } from '../recurrence';
import { COVER_BARS, COVER_NOTE_MAX, ROSTER_ROLES, UNAVAILABLE } from '../roster';
import { Id, keysOf, ScopedId, text } from './common';

const roles = keysOf(ROSTER_ROLES);
export const RosterRoleSchema = z.enum(roles);
const DateSchema = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2027-03-16'),
  z.refine(
    (d: string) => !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().startsWith(d),
    'No such date',
  ),
);
const Time = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Use a time like 18:30'));

/** The duties a meetup needs, and how many must be filled for it to run. */
export const StaffingSchema = z
  .strictObject({
    roles: z.array(RosterRoleSchema).check(
      z.minLength(1),
      z.maxLength(roles.length),
      z.refine((r: string[]) => new Set(r).size === r.length, 'Each duty once'),
    ),
    minimum: z.number().check(z.int(), z.minimum(1), z.maximum(roles.length)),
  })
  .check(
    z.refine(
      (s: { roles: string[]; minimum: number }) => s.minimum <= s.roles.length,
      'At most as many as the duties',
    ),
  );

export const WeeklyWindowSchema = z
  .strictObject({ day: z.enum(WEEKDAYS), from: Time, to: Time })
  .check(z.refine((w: { from: string; to: string }) => w.from < w.to, 'The window must end after it starts'));

export const AvailabilityRequest = z.strictObject({
  weekly: z.array(WeeklyWindowSchema).check(z.maxLength(21)),
  away: z
    .array(
      z
        .strictObject({ from: DateSchema, to: DateSchema })
        .check(
          z.refine((a: { from: string; to: string }) => a.from <= a.to, 'The range must end after it starts'),
        ),
    )
    .check(z.maxLength(20)),
});

/** Owners set everything; a facilitator sets their own most-per-month and preferred modes. */
export const FacilitatorUpdate = z
  .strictObject({
    active: z.optional(z.boolean()),
    trainedOn: z.optional(z.nullable(DateSchema)),
    maxPerMonth: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(31))),
    modes: z.optional(
      z.array(z.enum(ATTENDANCE)).check(
        z.maxLength(2),
        z.refine((m: string[]) => new Set(m).size === m.length, 'Each once'),
      ),
    ),
  })
  .check(z.refine((u: object) => Object.keys(u).length > 0, 'Change at least one field'));

export const FacilitatorView = z.object({
  userId: z.string(),
  displayName: z.string(),
  active: z.boolean(),
  trainedOn: z.nullable(z.string()),
  /** Who recorded the training. */
  trainedBy: z.nullable(z.string()),
  maxPerMonth: z.number(),
  modes: z.array(z.enum(ATTENDANCE)),
  weekly: z.array(WeeklyWindowSchema),
  away: z.array(z.object({ from: z.string(), to: z.string() })),
});
export type FacilitatorView = z.infer<typeof FacilitatorView>;
/** Saved availability, with the duties you hold that it no longer fits (ask for cover). */
export const AvailabilitySaved = z.extend(FacilitatorView, {
  conflicts: z.array(
    z.object({
      assignmentId: z.string(),
      occurrenceId: z.string(),
      role: RosterRoleSchema,
      startAt: z.string(),
      reason: z.enum(['away', 'outside']),
    }),
  ),
});
export type AvailabilitySaved = z.infer<typeof AvailabilitySaved>;
export const FacilitatorList = z.object({ items: z.array(FacilitatorView) });

export const FacilitatorParams = z.object({ groupId: Id, userId: z.union([Id, z.literal('me')]) });
export const RoleParams = z.object({ occurrenceId: ScopedId, role: RosterRoleSchema });
export const AssignmentParams = z.object({
  assignmentId: z
    .string()
    .check(z.regex(new RegExp(`^[A-Za-z0-9_-]{33}\\.(${roles.join('|')})$`), 'Not a valid assignment id')),
});
export const CoverParams = z.object({ coverRequestId: ScopedId });

export const AssignRequest = z.strictObject({ userId: Id });

export const RosterQuery = z.object({
  from: z.optional(DateSchema),
  to: z.optional(DateSchema),
});

const SlotView = z.object({
  assignmentId: z.string(),
  userId: z.string(),
  displayName: z.string(),
  status: z.enum(['assigned', 'confirmed']),
  coverRequestId: z.nullable(z.string()),
});

export const RosterEntry = z.object({
  occurrenceId: z.string(),
  title: z.string(),
  startLocal: z.string(),
  startAt: z.string(),
  mode: z.string(),
  status: z.enum(['scheduled', 'cancelled']),
  staffing: z.object({ roles: z.array(RosterRoleSchema), minimum: z.number() }),
  slots: z.record(RosterRoleSchema, z.nullable(SlotView)),
  /** Fewer duties filled than the meetup's minimum, or no lead. */
  understaffed: z.boolean(),
  /** Duties not yet confirmed by whoever holds them. */
  unconfirmed: z.number(),
});
export type RosterEntry = z.infer<typeof RosterEntry>;
export const RosterPage = z.object({ items: z.array(RosterEntry) });

export const AutofillRequest = z.strictObject({
  from: DateSchema,
  to: DateSchema,
  apply: z._default(z.boolean(), false),
});
/** Why auto-fill chose someone (core/roster `ChosenBecause`), for the page to word. */
const ChosenBecause = z.union([
  z.object({ why: z.literal('only') }),
  z.object({ why: z.enum(['fewestMonth', 'fewestRange', 'fewestRole', 'tied']), count: z.number() }),
  z.object({ why: z.literal('prefers'), mode: z.enum(ATTENDANCE) }),
]);
/** Why a duty stays open (core/roster `OpenBecause`). */
const OpenBecause = z.union([
  z.object({ why: z.literal('noFacilitators') }),
  z.object({
    why: z.literal('noOne'),
    counts: z.partialRecord(z.enum([...UNAVAILABLE, 'alreadyThere']), z.number()),
  }),
]);

export const AutofillAnswer = z.object({
  proposals: z.array(
    z.object({
      occurrenceId: z.string(),
      title: z.string(),
      startLocal: z.string(),
      role: RosterRoleSchema,
      userId: z.string(),
      displayName: z.string(),
      reason: ChosenBecause,
    }),
  ),
  unfilled: z.array(
    z.object({
      occurrenceId: z.string(),
      title: z.string(),
      startLocal: z.string(),
      role: RosterRoleSchema,
      reason: OpenBecause,
    }),
  ),
  /** With `apply`: the proposals written (each as a duty to confirm); some may have been taken meanwhile. */
  applied: z.number(),
});

export const DutyView = z.object({
  assignmentId: z.string(),
  occurrenceId: z.string(),
  groupId: z.string(),
  role: RosterRoleSchema,
  title: z.string(),
  startLocal: z.string(),
  startAt: z.string(),
  status: z.enum(['assigned', 'confirmed']),
  coverRequestId: z.nullable(z.string()),
});
export type DutyView = z.infer<typeof DutyView>;
export const DutyList = z.object({ items: z.array(DutyView) });

export const CoverRequestView = z.object({
  coverRequestId: z.string(),
  occurrenceId: z.string(),
  role: RosterRoleSchema,
  title: z.string(),
  startLocal: z.string(),
  askedBy: z.string(),
  note: z.nullable(z.string()),
  createdAt: z.string(),
  /** The viewer asked: they may withdraw it. */
  mine: z.boolean(),
  /** Why the viewer cannot take it (null: they can). */
  whyNot: z.nullable(z.enum(COVER_BARS)),
});
export const CoverAsk = z.strictObject({ note: z.optional(text(COVER_NOTE_MAX)) });
export type CoverRequestView = z.infer<typeof CoverRequestView>;
export const CoverRequestList = z.object({ items: z.array(CoverRequestView) });
export const CoverCreated = z.object({ coverRequestId: z.string(), notified: z.number() });
export type AutofillAnswer = z.infer<typeof AutofillAnswer>;
