/**
 * In-app notifications: what they are about and where each leads, so the person can act on it.
 * Pure; the API builds each notification's link here.
 * @module
 */

export const NOTIFICATION_KINDS = [
  'promoted',
  'moved',
  'cancelled',
  'restored',
  'roster',
  'support',
  'escalated',
  'conversation',
  'report',
  'report_handled',
  'professional',
  'reminder',
  'new_meetup',
  'qa',
  'feedback',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Pages a notification can lead to besides the meetup's own. */
export type NotificationPage =
  | 'duties'
  | 'roster'
  | 'support'
  | 'conversation'
  | 'moderation'
  | 'discussions'
  | 'professional';

/** The web app's page a notification leads to. */
export function notificationHref(n: {
  page?: NotificationPage;
  groupId: string;
  occurrenceId?: string;
  ref?: string;
}): string {
  switch (n.page) {
    case 'duties':
      return '/me/duties';
    case 'roster':
      return `/groups/${n.groupId}/roster${n.ref ? `#cover-${n.ref}` : ''}`;
    case 'support':
      return `/groups/${n.groupId}/support${n.ref ? `#request-${n.ref}` : ''}`;
    case 'conversation':
      return `/conversations/${n.ref}`;
    case 'moderation':
      return `/groups/${n.groupId}/moderation`;
    case 'professional':
      return '/professional';
    case 'discussions':
      return n.ref ? `/threads/${n.ref}` : `/groups/${n.groupId}/threads`;
    default:
      return n.occurrenceId ? `/occurrences/${n.occurrenceId}` : `/groups/${n.groupId}`;
  }
}
