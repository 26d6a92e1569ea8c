/**
 * The in-app notifications in English: ICU messages (plural, select) filled in from a notice's
 * values. The other languages have the same keys and the same values (tests/unit/notices.test.ts).
 * `role.*`: a duty's name as it reads inside a sentence; `someone.*`: who, when the name is gone.
 * @module
 */
export const EN = {
  promoted: 'A place opened up: you are now going to “{title}” on {when}.',
  moved: '“{title}” has moved from {from} to {when}.',
  placeChanged: 'The place or link for “{title}” on {when} has changed.',
  cancelled: '“{title}” on {when} is cancelled: {reason}',
  restored: '“{title}” on {when} is back on. Places and duties were not kept: RSVP again if you can come.',
  newMeetup:
    'New meetup in “{group}”: “{title}”, {when} ({zone}){repeats, select, yes {, and repeating} other {}}.',
  reminder: 'Reminder: “{title}” in “{group}”, {when}.',
  reminderDuty: 'Reminder: you are {role} at “{title}” in “{group}”, {when}.',
  supportRequest:
    'Support request in “{group}”: a post by {name} may need a caring response. Take it, or see who has.',
  supportAgain: '{name} posted again in “{group}”: the post was added to the support request you took.',
  escalated:
    'Nobody has taken the support request for {name} in “{group}” after {minutes, plural, one {# minute} other {# minutes}}. Please take it, or make sure someone has.',
  contactAsked: '{name} would like a facilitator of “{group}” to reach out.',
  wroteToMember: 'A facilitator of “{group}” wrote to you.',
  wroteToStaff: '{name} wrote to the facilitators of “{group}”.',
  reported:
    'A post in “{group}” was reported: {reason, select, harmful {harmful or unsafe} crisis {someone may be in crisis} harassment {harassment or bullying} misinformation {misleading health information} spam {spam or advertising} other {something else}}.',
  reportHandled:
    'The moderators of “{group}” looked at a post you reported. Thank you for looking out for the group.',
  professionalVerified:
    'You are now a verified professional: you can verify listings and add notes under posts.',
  professionalDeclined: 'Your application to be a verified professional was declined. You may apply again.',
  professionalDeclinedBecause:
    'Your application to be a verified professional was declined: {reason}. You may apply again.',
  dutyAssigned: 'You have a duty: {role} at “{title}” on {when}. Please confirm it.',
  dutiesAssigned:
    'You have {count, plural, one {# new duty} other {# new duties}} in {group}. Please confirm {count, plural, one {it} other {them}} in My duties.',
  dutyMoved: 'Your duty at “{title}” has moved: it is now on {when}.',
  dutyOff: 'Your duty at “{title}” on {when} is off: the meetup is cancelled.',
  dutiesReleased:
    'A facilitator who left or stopped facilitating held {count, plural, one {a duty} other {# duties}}, from “{title}” on {when}: {count, plural, one {it is} other {they are}} open again.',
  cantMake:
    '{name} can no longer make their {role} duty on {when}{more, plural, =0 {} other { and # more}}: it may need cover.',
  coverAsked: 'Can you cover? The {role} duty at “{title}” on {when} needs someone.',
  coverAskedNote: 'Can you cover? The {role} duty at “{title}” on {when} needs someone. They say: “{note}”',
  coverNobodyYou:
    'Nobody else can cover your duty ({role} at “{title}” on {when}) just now: the others are away, busy or not trained for it. The group’s owners have been told.',
  coverNobody:
    'Nobody can cover: {name} asked for cover ({role} at “{title}” on {when}) and no facilitator is free. Find someone on the roster, or change the meetup.',
  covered: 'Your {role} duty at “{title}” on {when} is covered. Thank you for asking early.',
  coverWithdrawn:
    'No longer needed: {name} withdrew their request for cover ({role} at “{title}” on {when}). The duty stays theirs.',
  rosterGap:
    'Roster gap: “{title}” on {when}.{open, select, none {} other { Still needed: {open}.}}{unconfirmed, plural, =0 {} one { # duty not confirmed.} other { # duties not confirmed.}}',
  logCrisisMatched: 'A post matched a crisis phrase; {count, plural, one {# person} other {# people}} told',
  logNotTaken: 'Not taken within {minutes, plural, one {# minute} other {# minutes}}',
  logFormerMember: 'Former member',
  qaInvited:
    '{name} asks you to answer members’ questions at “{title}” on {when}, a Q&A in “{group}”. Accept or decline on its page.',
  qaAccepted: '{name} accepted: “{title}” on {when} is a Q&A. Members can ask their questions on its page.',
  qaDeclined:
    '{name} declined to answer questions at “{title}” on {when}. You can ask someone else on its page.',
  questionAnswered: 'Your question at “{title}” was answered.',
  feedbackAsk:
    'How was “{title}” in “{group}”? You can say how it went on its page, anonymously, until {until}.',
  'role.lead': 'lead facilitator',
  'role.co': 'co-facilitator',
  'role.host': 'online host',
  'role.greeter': 'greeter',
  'someone.member': 'a member',
  'someone.facilitator': 'a facilitator',
};
export type NoticeKey = Exclude<keyof typeof EN, `role.${string}` | `someone.${string}`>;
export type NoticeTable = Record<keyof typeof EN, string>;
