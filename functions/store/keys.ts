/**
 * Every key format in one place. Partition and sort values are built here and nowhere else.
 * @module
 */

export type Key = { pk: string; sk: string };

export const keys = {
  user: (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'USER' }),
  handle: (handleKey: string): Key => ({ pk: `HANDLE#${handleKey}`, sk: 'HANDLE' }),
  session: (tokenHash: string): Key => ({ pk: `SESSION#${tokenHash}`, sk: 'SESSION' }),
  sessionsOf: (userId: string) => `SESSIONS#${userId}`,
  /** A browser that has signed in to this account before (its device cookie, hashed). */
  device: (userId: string, tokenHash: string): Key => ({ pk: `USER#${userId}`, sk: `DEVICE#${tokenHash}` }),
  /** How a member is reached: reminder choices, quiet hours, and their devices' push subscriptions. */
  reach: (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'REACH' }),
  /** Where the reminder job has looked up to. */
  reminderCursor: { pk: 'META', sk: 'REMINDERS' } as Key,
  throttle: (kind: 'handle' | 'address' | 'signup' | 'device' | 'confirm', id: string): Key => ({
    pk: `THROTTLE#${kind}#${id}`,
    sk: 'THROTTLE',
  }),

  /** Marks the local demo data as seeded (infra/local/start.ts). */
  seeded: { pk: 'META', sk: 'SEED' } as Key,
  /** Marks a one-time upgrade of stored items as done. */
  upgraded: (name: string): Key => ({ pk: 'META', sk: `UPGRADE#${name}` }),

  group: (groupId: string): Key => ({ pk: `GROUP#${groupId}`, sk: 'GROUP' }),
  /** On a group item that keeps discussions for a while (GSI1): the retention job's list. */
  retainingDiscussions: (groupId: string) => ({ gsi1pk: 'RETAIN#discussions', gsi1sk: groupId }),
  /** On a group item whose meetups' names are to be swept (GSI2), until the job has. */
  attendanceSweep: (groupId: string) => ({ gsi2pk: 'RETAIN#sweep', gsi2sk: groupId }),
  /** A directory bucket: every public group, or the public groups with one focus. */
  directoryEntry: (groupId: string, bucket: string): Key => ({ pk: `GROUP#${groupId}`, sk: `DIR#${bucket}` }),
  directoryBucket: (bucket: string) => `DIR#${bucket}`,
  member: (groupId: string, userId: string): Key => ({ pk: `GROUP#${groupId}`, sk: `MEMBER#${userId}` }),
  memberPrefix: 'MEMBER#',
  membershipsOf: (userId: string) => `MEMBERSHIPS#${userId}`,
  alias: (groupId: string, aliasKey: string): Key => ({ pk: `GROUP#${groupId}`, sk: `ALIAS#${aliasKey}` }),
  invite: (tokenHash: string): Key => ({ pk: `INVITE#${tokenHash}`, sk: 'INVITE' }),
  invitesOf: (groupId: string) => `INVITES#${groupId}`,

  meetup: (meetupId: string): Key => ({ pk: `GROUP#${groupOf(meetupId)}`, sk: `MEETUP#${meetupId}` }),
  /** Notices a change to an occurrence owes, until told: the owed-notices job's list, by time. */
  owed: (at: number, occurrenceId: string, nonce: string): Key => ({
    pk: 'OWED',
    sk: `${new Date(at).toISOString()}#${occurrenceId}#${nonce}`,
  }),
  owedPartition: 'OWED',
  /** One item per occurrence: its card and its RSVP ledger, in the group's partition. */
  occurrence: (occurrenceId: string): Key => ({
    pk: `GROUP#${groupOf(occurrenceId)}`,
    sk: `OCC#${occurrenceId}`,
  }),
  scheduleOf: (groupId: string) => `SCHEDULE#${groupId}`,
  scheduleAt: (startAtMs: number, occurrenceId: string) =>
    `${new Date(startAtMs).toISOString()}#${occurrenceId}`,
  /** What a schedule entry's sort key says: when the occurrence starts, and which it is. */
  fromScheduleAt: (sortKey: string) => {
    const at = sortKey.indexOf('#');
    return { startAt: Date.parse(sortKey.slice(0, at)), occurrenceId: sortKey.slice(at + 1) };
  },
  /** A discussion thread, in its group's partition; its posts in their own partition. */
  thread: (threadId: string): Key => ({ pk: `GROUP#${groupOf(threadId)}`, sk: `THREAD#${threadId}` }),
  threadsOf: (groupId: string) => `THREADS#${groupId}`,
  postsOf: (threadId: string) => `THREAD#${threadId}`,
  /** A member's posts anywhere (GSI2), so erasing an account finds every one. */
  postsBy: (userId: string) => `AUTHOR#${userId}`,
  /** Post ids are the thread's id and a time-ordered suffix, so a page is a range of one partition. */
  post: (postId: string): Key => ({ pk: `THREAD#${postId.slice(0, 33)}`, sk: `POST#${postId.slice(33)}` }),
  /** The moderation log, newest last, in the group's partition. */
  audit: (groupId: string, at: number, id: string): Key => ({
    pk: `GROUP#${groupId}`,
    sk: `AUDIT#${new Date(at).toISOString()}#${id}`,
  }),
  /** A new member's post waiting for a moderator, oldest first, in the group's partition. */
  waiting: (groupId: string, at: number, postId: string): Key => ({
    pk: `GROUP#${groupId}`,
    sk: `WAIT#${new Date(at).toISOString()}#${postId}`,
  }),
  /**
   * Every group's occurrences by the UTC day they start on: what scheduled jobs (roster gaps)
   * read for the days ahead, by key, in every group at once.
   */
  day: (startAt: number, occurrenceId: string): Key => ({
    pk: `DAY#${new Date(startAt).toISOString().slice(0, 10)}`,
    sk: `${new Date(startAt).toISOString()}#${occurrenceId}`,
  }),
  /**
   * A member's right to say how a meetup went: issued (with its token's hash), then used. It says
   * that they answered, never what; it lasts as long as the meetup takes feedback.
   */
  feedbackRight: (occurrenceId: string, userId: string): Key => ({
    pk: `GROUP#${groupOf(occurrenceId)}`,
    sk: `FBRIGHT#${occurrenceId}#${userId}`,
  }),
  /** A feedback token not yet used, by its hash. */
  feedbackToken: (tokenHash: string): Key => ({ pk: `FBTOKEN#${tokenHash}`, sk: 'FBTOKEN' }),
  /** A meetup's feedback, added up, in its group's partition by start: what facilitators read. */
  feedbackTally: (groupId: string, startAt: number, occurrenceId: string): Key => ({
    pk: `GROUP#${groupId}`,
    sk: `FEEDBACK#${new Date(startAt).toISOString()}#${occurrenceId}`,
  }),
  feedbackTallyPrefix: 'FEEDBACK#',
  /** A member's wellbeing check-ins: when they last did, whom they let count them, their salt. */
  wellbeing: (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'WHO5' }),
  /** One WHO-5 check-in, private to the member, by time. */
  checkIn: (userId: string, at: number): Key => ({
    pk: `USER#${userId}`,
    sk: `WHO5#${new Date(at).toISOString()}`,
  }),
  checkInPrefix: 'WHO5#',
  /** A group's WHO-5 bands for a quarter: each counted member's latest band, under a key only they can make. */
  wellbeingQuarter: (groupId: string, quarter: string): Key => ({
    pk: `GROUP#${groupId}`,
    sk: `WHO5#${quarter}`,
  }),
  wellbeingQuarterPrefix: 'WHO5#',
  /** A meetup that is a Q&A with a verified professional: who, and whether they accepted. */
  qa: (occurrenceId: string): Key => ({ pk: `GROUP#${groupOf(occurrenceId)}`, sk: `QA#${occurrenceId}` }),
  /** A question asked at a Q&A (its id begins with the meetup's). */
  question: (questionId: string): Key => ({
    pk: `GROUP#${groupOf(questionId)}`,
    sk: `QUESTION#${questionId}`,
  }),
  questionsOf: (occurrenceId: string) => `QUESTION#${occurrenceId}`,
  /** The questions a member has asked anywhere (their ids): what erasing them and their download read. */
  questionsBy: (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'QUESTIONS' }),
  /** How many questions a member has asked at a Q&A (taken before each is written). */
  questionCount: (occurrenceId: string, userId: string): Key => ({
    pk: `GROUP#${groupOf(occurrenceId)}`,
    sk: `QCOUNT#${occurrenceId}#${userId}`,
  }),
  /** A facilitator's profile in a group (training, availability, most duties a month). */
  facilitator: (groupId: string, userId: string): Key => ({ pk: `GROUP#${groupId}`, sk: `FAC#${userId}` }),
  /** A facilitator's upcoming duties in every group, in one versioned item. */
  duties: (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'DUTIES' }),
  /** A request for someone to cover a duty, in the group's partition (ids are time-ordered). */
  cover: (groupId: string, coverRequestId: string): Key => ({
    pk: `GROUP#${groupId}`,
    sk: `COVER#${coverRequestId}`,
  }),
  /** How many of a thread's posts a member has seen. */
  readState: (userId: string, threadId: string): Key => ({ pk: `USER#${userId}`, sk: `READ#${threadId}` }),
  /** A member's choice to follow a thread or not (absent: the default, see routes/threads). */
  follow: (userId: string, threadId: string): Key => ({ pk: `USER#${userId}`, sk: `FOLLOW#${threadId}` }),
  /** A member's reading preferences (content warnings to keep folded). */
  prefs: (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'PREFS' }),
  /** Whom a member has muted, in which group. */
  mutes: (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'MUTES' }),
  /** A member's posting rate, across groups. */
  postRate: (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'POSTRATE' }),
  /** A member's private calendar feed: its secret's hash and settings. */
  feed: (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'FEED' }),
  /** The posts a member has reported (their data download lists their reports; erased with them). */
  reportsBy: (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'REPORTS' }),
  notification: (userId: string, createdAt: string, id: string): Key => ({
    pk: `USER#${userId}`,
    sk: `NOTE#${createdAt}#${id}`,
  }),
  notificationPrefix: 'NOTE#',
  /**
   * On a notification not yet pushed (GSI1): the minute it was made, so the push job reads each
   * minute's by key. Taken off when it is pushed.
   */
  pushDue: (createdAt: string, userId: string, notificationId: string) => ({
    gsi1pk: `PUSHDUE#${createdAt.slice(0, 16)}`,
    gsi1sk: `${createdAt}#${userId}#${notificationId}`,
  }),
  pushDueMinute: (minute: number) => `PUSHDUE#${new Date(minute).toISOString().slice(0, 16)}`,
  /** Where the push job has read notifications up to. */
  pushCursor: { pk: 'META', sk: 'PUSHED' } as Key,
  feedbackAskCursor: { pk: 'META', sk: 'FEEDBACK_ASKED' } as Key,

  /** A member's live support item in a group: their open request, or the last one's trace. */
  supportLive: (groupId: string, memberId: string): Key => ({
    pk: `GROUP#${groupId}`,
    sk: `SUPPORT#${memberId}`,
  }),
  supportLivePrefix: 'SUPPORT#',
  /** A closed support request's record (listed by closing time on GSI1, under `supportClosedOf`). */
  supportClosed: (requestId: string): Key => ({
    pk: `GROUP#${groupOf(requestId)}`,
    sk: `SUPPORTDONE#${requestId}`,
  }),
  supportClosedOf: (groupId: string) => `SUPPORTDONE#${groupId}`,
  /**
   * Requests not yet taken, by the UTC day they escalate on (GSI1 of the request itself, parked
   * once taken, escalated or closed): what the escalation job reads, in every group at once.
   */
  escalationDay: (at: number) => `ESCALATE#${new Date(at).toISOString().slice(0, 10)}`,
  escalationAt: (at: number, requestId: string) => `${new Date(at).toISOString()}#${requestId}`,

  /** A member's private conversation with a group's facilitators; its messages in their own partition. */
  conversation: (conversationId: string): Key => ({
    pk: `GROUP#${groupOf(conversationId)}`,
    sk: `CONVO#${conversationId}`,
  }),
  conversationPrefix: 'CONVO#',
  /** Which conversation is open for a member of a group (one at a time). */
  conversationOf: (groupId: string, userId: string): Key => ({
    pk: `GROUP#${groupId}`,
    sk: `CONVOFOR#${userId}`,
  }),
  /** A member's conversations in every group (GSI1), newest first. */
  conversationsBy: (userId: string) => `CONVOS#${userId}`,
  messagesOf: (conversationId: string) => `CONVO#${conversationId}`,
  message: (conversationId: string, messageId: string): Key => ({
    pk: `CONVO#${conversationId}`,
    sk: `MSG#${messageId}`,
  }),

  /** Every report of one post, one row (each reporter's own entry in it). */
  reported: (postId: string): Key => ({ pk: `GROUP#${groupOf(postId)}`, sk: `REPORTED#${postId}` }),
  reportedPrefix: 'REPORTED#',

  /** Prefixes of the sort keys a Query reads from its partition's start. */
  prefix: {
    device: 'DEVICE#',
    post: 'POST#',
    follow: 'FOLLOW#',
    facilitator: 'FAC#',
    cover: 'COVER#',
    message: 'MSG#',
    resourceReport: 'REPORT#',
    audit: 'AUDIT#',
    waiting: 'WAIT#',
  },
  /** A thread's place in its group's list: pinned ones first, then by last activity. */
  threadActivity: (at: number, threadId: string, pinned = false) =>
    `${pinned ? 'PIN#' : ''}${new Date(at).toISOString()}#${threadId}`,
  /** Where a member's membership is listed among theirs (GSI1 sort key). */
  membershipSort: (groupId: string) => `GROUP#${groupId}`,
  /** A day's occurrences, in every group (the partition of `day`). */
  dayOf: (day: string) => `DAY#${day}`,
  /** The ids inside `day` and `occurrence` keys. */
  groupIdOfPartition: (pk: string) => pk.slice('GROUP#'.length),
  occurrenceIdOfSort: (sk: string) => sk.slice('OCC#'.length),
  /** The retention job's place in its sweep of attendance. */
  retentionCursor: { pk: 'JOB#retention', sk: 'ATTENDANCE' } as Key,
  /** Groups that keep discussions a while (GSI1), and groups whose meetups' names are to be swept (GSI2). */
  retainingPartition: 'RETAIN#discussions',
  sweepPartition: 'RETAIN#sweep',
  /** A support request parked in its group's partition of GSI1 (taken, escalated or closed). */
  supportParked: (groupId: string) => `SUPPORTPARKED#${groupId}`,

  /** A directory of resources: the global one, or a group's. */
  resourcesOf: (scope: string) => `RESOURCES#${scope}`,
  resource: (scope: string, resourceId: string): Key => ({
    pk: `RESOURCES#${scope}`,
    sk: `RES#${resourceId}`,
  }),
  /** A directory's suggestions waiting for review, and its listings by when they next need it (GSI1). */
  resourceSuggestions: (scope: string) => `RESSUGG#${scope}`,
  resourceReviews: (scope: string) => `RESREVIEW#${scope}`,
  /** A listing's entry under one search facet, and that facet's list in its directory (GSI1). */
  resourceEntry: (resourceId: string, facet: string): Key => ({ pk: `RESENTRY#${resourceId}`, sk: facet }),
  resourceFacet: (scope: string, facet: string) => `RESDIR#${scope}#${facet}`,
  resourceReport: (scope: string, at: string, reportId: string): Key => ({
    pk: `RESOURCES#${scope}`,
    sk: `REPORT#${at}#${reportId}`,
  }),
  /** A member's application and standing as a verified professional; applications waiting (GSI1). */
  professional: (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'PROFESSIONAL' }),
  professionalApplications: 'PROFAPPS',
  /** A member's own partition (notifications, follows, preferences…). */
  userPartition: (userId: string) => `USER#${userId}`,

  /** A member's personal safety plan: theirs alone. */
  safetyPlan: (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'SAFETYPLAN' }),
};

/** Ids of things inside a group (meetups, occurrences) begin with the group's 22-character id. */
export const groupOf = (scopedId: string) => scopedId.slice(0, 22);
