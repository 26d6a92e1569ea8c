export { FOCUS_TAGS, MEETING_WAYS, MODERATION_POLICIES, TONES } from '../../functions/core/groups';

export const TONE_NAMES = {
  listening: 'Listening',
  practical: 'Practical',
  social: 'Social',
  structured: 'Structured',
} as const;

export const MODERATION_NAMES = {
  light: 'Light moderation',
  active: 'Active moderation',
  strict: 'Close moderation',
} as const;

export const JOIN_NAMES = {
  open: 'Anyone can join',
  approval: 'Moderators approve new members',
  invite: 'By invitation',
} as const;

export const ROLE_NAMES = {
  owner: 'Owner',
  moderator: 'Moderator',
  facilitator: 'Facilitator',
  member: 'Member',
} as const;
