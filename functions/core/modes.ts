/**
 * How a meetup meets (in person, online, or both at once) and how a member attends one.
 * @module
 */
export const MEETUP_MODES = ['in_person', 'online', 'hybrid'] as const;

export type MeetupMode = (typeof MEETUP_MODES)[number];

export const ATTENDANCE = ['in_person', 'online'] as const;

export type Attendance = (typeof ATTENDANCE)[number];

export const modesOf = (mode: MeetupMode): Attendance[] =>
  mode === 'hybrid' ? ['in_person', 'online'] : [mode as Attendance];
