/**
 * The moderation log owners read: every action taken on a group's posts, threads, members, reports
 * and support requests, with who took it and why. The labels say each in plain words. Pure.
 * @module
 */

export const LOG_ACTIONS = {
  hide: 'Hid a post',
  restore: 'Restored a post',
  lock: 'Locked a thread',
  unlock: 'Unlocked a thread',
  pin: 'Pinned a thread',
  unpin: 'Unpinned a thread',
  approve: 'Approved a waiting post',
  silence: 'Paused a member’s posting',
  unsilence: 'Let a member post again',
  report_settled: 'Settled a report',
  support_opened: 'A support request opened',
  support_taken: 'Took a support request',
  support_action: 'Recorded what was done',
  support_closed: 'Closed a support request',
  support_escalated: 'A support request went to moderators and owners',
  conversation_closed: 'Closed a conversation with the facilitators',
} as const;
export type LogAction = keyof typeof LOG_ACTIONS;

/** The actor of what Hearth itself did (opened or escalated a request), in the log. */
export const HEARTH_ACTOR = 'hearth';
