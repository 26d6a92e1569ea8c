/**
 * A personal safety plan, in the six parts of the Stanley-Brown Safety Planning Intervention
 * (Stanley & Brown, 2012): written by a person, for themselves, before a crisis, to follow step by
 * step during one. Hearth keeps it for its owner alone. Pure.
 * @module
 */

/** The six parts, in the order a person works through them, with a prompt for each. */
export const SAFETY_PLAN_PARTS = {
  warningSigns: {
    title: 'Warning signs',
    prompt: 'Thoughts, feelings, situations or behaviour that tell me a crisis may be starting.',
  },
  coping: {
    title: 'Things I can do on my own',
    prompt: 'What takes my mind off things without anyone else: a walk, music, a shower, breathing.',
  },
  distractions: {
    title: 'People and places that take my mind off things',
    prompt: 'People to be with and places to go: a friend, a café, a library, a meetup.',
  },
  helpers: {
    title: 'People I can ask for help',
    prompt: 'Names and how to reach them. It is all right to tell them you are struggling.',
  },
  professionals: {
    title: 'Professionals and services',
    prompt: 'My GP or therapist, a crisis line, the nearest emergency department.',
  },
  safeEnvironment: {
    title: 'Making my surroundings safer',
    prompt: 'What I can put out of reach, or ask someone to keep for me, while things are hard.',
  },
} as const;
export type SafetyPlanPart = keyof typeof SAFETY_PLAN_PARTS;

/** Each part is free text of this many characters at most. */
export const SAFETY_PLAN_PART_MAX = 2000;
