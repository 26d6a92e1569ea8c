import { useEffect, useState } from 'preact/hooks';
import { can } from '../../../functions/core/groups';
import { ATTENDANCE_MONTHS_DEFAULT } from '../../../functions/core/retention';
import type { GroupDetail } from '../../../functions/core/schemas/groups';
import { get, patch, post } from '../api';
import { Form, TextArea } from '../components/forms';
import { KeepingFields } from '../components/keeping-fields';
import { FOCUS_TAGS, JOIN_NAMES, MODERATION_NAMES, MODERATION_POLICIES, TONE_NAMES, TONES } from '../labels';
import { flash, me, navigate } from '../state';
import { asNumber, Field, Loading, SignInFirst, TooLong, usePage, useSubmit } from '../ui';

type GroupFields = {
  name: string;
  description: string;
  focus: string[];
  guidelines: string;
  timezone: string;
  /** '' for none. */
  area: string;
  visibility: string;
  joinPolicy: string;
  moderationPolicy: string;
  tone: string;
  checkIn: boolean;
  sessionThreadsGoingOnly: boolean;
  resourceReviewMonths: string;
  supportEscalationMinutes: string;
  /** '' for forever. */
  discussionMonths: string;
  attendanceMonths: string;
  alias: string;
};

const DEFAULT_GUIDELINES = `We listen without judging, and share only what we are comfortable sharing.
What is said in the group stays in the group.
We offer our own experience, not advice or diagnosis, unless someone asks.
We look after ourselves: it is fine to step away at any time.
If someone is in danger, we point them to crisis lines and emergency services.`;

const blank = (): GroupFields => ({
  name: '',
  description: '',
  focus: [],
  guidelines: DEFAULT_GUIDELINES,
  timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/London',
  area: '',
  visibility: 'public',
  joinPolicy: 'open',
  moderationPolicy: 'active',
  tone: 'listening',
  checkIn: false,
  sessionThreadsGoingOnly: false,
  resourceReviewMonths: '6',
  supportEscalationMinutes: '30',
  discussionMonths: '',
  attendanceMonths: String(ATTENDANCE_MONTHS_DEFAULT),
  alias: '',
});

export function GroupFormPage({ groupId }: { groupId?: string }) {
  const editing = !!groupId;
  const h = usePage(editing ? 'Edit group' : 'Start a group');
  const [form, setForm] = useState<GroupFields | null>(editing ? null : blank());
  const [saved, setSaved] = useState<GroupFields | null>(null);
  // Only its owners change a group: anyone else is told so, not shown a form that will be refused.
  const [notOwner, setNotOwner] = useState<string | null>(null);
  useEffect(() => {
    if (groupId) {
      void get<GroupDetail>(`/groups/${groupId}`).then((g) => {
        const loaded = {
          name: g.name,
          description: g.description,
          focus: g.focus,
          guidelines: g.guidelines,
          timezone: g.timezone,
          area: g.area ?? '',
          visibility: g.visibility,
          joinPolicy: g.joinPolicy,
          moderationPolicy: g.moderationPolicy,
          tone: g.tone,
          checkIn: g.checkIn,
          sessionThreadsGoingOnly: g.sessionThreadsGoingOnly,
          resourceReviewMonths: String(g.resourceReviewMonths),
          supportEscalationMinutes: String(g.supportEscalationMinutes),
          discussionMonths: g.discussionMonths === null ? '' : String(g.discussionMonths),
          attendanceMonths: String(g.attendanceMonths),
          alias: '',
        };
        setForm(loaded);
        setSaved(loaded);
        if (!can(g.membership, 'edit')) setNotOwner(g.name);
      });
    }
  }, [groupId]);
  const { busy, error, submit } = useSubmit(async () => {
    const {
      alias,
      resourceReviewMonths,
      supportEscalationMinutes,
      discussionMonths,
      attendanceMonths,
      area,
      ...rest
    } = form!;
    const fields = {
      ...rest,
      // Cleared on an edit: none; never said on a new group: left out.
      ...(area.trim() ? { area } : editing ? { area: null } : {}),
      resourceReviewMonths: asNumber(resourceReviewMonths),
      supportEscalationMinutes: asNumber(supportEscalationMinutes),
      discussionMonths: discussionMonths === '' ? null : Number(discussionMonths),
      attendanceMonths: Number(attendanceMonths),
    };
    const g = editing
      ? await patch<GroupDetail>(`/groups/${groupId}`, fields)
      : await post<GroupDetail>('/groups', { ...fields, ...(alias.trim() ? { alias: alias.trim() } : {}) });
    flash.value = editing
      ? 'Changes saved.'
      : 'Your group is ready. Invite people, or schedule its first meetup.';
    navigate(`/groups/${g.groupId}`);
  });

  if (me.value === null) return <SignInFirst title="Start a group" doing="start a group" />;
  if (notOwner !== null)
    return (
      <>
        <h1 ref={h} tabIndex={-1}>
          Edit group
        </h1>
        <p>
          Only the owners of {notOwner} can change it. <a href={`/groups/${groupId}`}>Back to the group</a>.
        </p>
      </>
    );
  if (!form) return <Loading />;
  const set = <K extends keyof GroupFields>(k: K, v: GroupFields[K]) => setForm({ ...form, [k]: v });
  const toggleFocus = (f: string, on: boolean) =>
    set('focus', on ? [...form.focus, f] : form.focus.filter((x) => x !== f));
  const radios = (
    name: keyof GroupFields,
    options: Record<string, string>,
    descriptions?: Record<string, string>,
  ) =>
    Object.entries(options).map(([value, label]) => (
      <label key={value}>
        <input
          type="radio"
          name={name}
          value={value}
          checked={form[name] === value}
          onChange={() => set(name, value as never)}
        />
        <span>
          {label}
          {descriptions && <span class="hint option-hint">{descriptions[value]}</span>}
        </span>
      </label>
    ));
  const fieldError = (name: string) =>
    error?.field(name) && (
      <span class="error" id={`${name}-err`}>
        {error.field(name)}
      </span>
    );

  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        {editing ? `Edit ${form.name}` : 'Start a group'}
      </h1>
      <Form submit={submit} error={error}>
        <Field label="Name" name="name" hint="3 to 80 characters." error={error}>
          {(a) => (
            <>
              <input {...a} value={form.name} onInput={(e) => set('name', e.currentTarget.value)} />
              <TooLong value={form.name} max={80} />
            </>
          )}
        </Field>
        <TextArea
          label="What the group is about"
          name="description"
          error={error}
          value={form.description}
          onValue={(v) => set('description', v)}
          max={2000}
        />
        <Field
          label="Town or region (optional)"
          name="area"
          hint="Where it meets in person, e.g. Leeds, West Yorkshire. The directory finds groups by it; leave it empty for a group that meets online only."
          error={error}
        >
          {(a) => (
            <>
              <input
                {...a}
                autocomplete="off"
                value={form.area}
                onInput={(e) => set('area', e.currentTarget.value)}
              />
              <TooLong value={form.area} max={80} />
            </>
          )}
        </Field>
        <fieldset class="columns" aria-describedby="focus-err">
          <legend>Focus (up to 5)</legend>
          {Object.entries(FOCUS_TAGS).map(([value, label]) => (
            <label key={value}>
              <input
                type="checkbox"
                checked={form.focus.includes(value)}
                disabled={!form.focus.includes(value) && form.focus.length >= 5}
                onChange={(e) => toggleFocus(value, e.currentTarget.checked)}
              />
              {label}
            </label>
          ))}
          {fieldError('focus')}
        </fieldset>
        <TextArea
          label="Community guidelines"
          name="guidelines"
          hint="Everyone accepts these before joining. Edit them to suit your group."
          error={error}
          value={form.guidelines}
          onValue={(v) => set('guidelines', v)}
          max={5000}
          rows={8}
        />
        <fieldset>
          <legend>Tone</legend>
          {radios('tone', TONE_NAMES, TONES)}
        </fieldset>
        <fieldset>
          <legend>Moderation</legend>
          {radios('moderationPolicy', MODERATION_NAMES, MODERATION_POLICIES)}
        </fieldset>
        <fieldset>
          <legend>Who can find it</legend>
          {radios('visibility', {
            public: 'Public: listed in the directory',
            private: 'Private: only members and invitees can see it',
          })}
        </fieldset>
        <fieldset>
          <legend>How people join</legend>
          {radios('joinPolicy', JOIN_NAMES)}
        </fieldset>
        <label class="check">
          <input
            type="checkbox"
            checked={form.checkIn}
            onChange={(e) => set('checkIn', e.currentTarget.checked)}
          />
          Facilitators check people in at meetups (otherwise they record a headcount only)
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={form.sessionThreadsGoingOnly}
            onChange={(e) => set('sessionThreadsGoingOnly', e.currentTarget.checked)}
          />
          A meetup’s discussion is only for the people who RSVP’d to it (and the organisers)
        </label>
        <Field
          label="Months before a listing in the group’s directory needs review again"
          name="resourceReviewMonths"
          hint="After a professional verifies a listing, it shows as verified for this long (1 to 24)."
          error={error}
        >
          {(a) => (
            <input
              {...a}
              inputMode="numeric"
              value={form.resourceReviewMonths}
              onInput={(e) => set('resourceReviewMonths', e.currentTarget.value)}
            />
          )}
        </Field>
        <Field
          label="Minutes a support request may wait before moderators and owners are told"
          name="supportEscalationMinutes"
          hint="When a post may need support, the facilitators on duty are told at once. If nobody takes it within this time (5 to 240 minutes), every moderator and owner is told."
          error={error}
        >
          {(a) => (
            <input
              {...a}
              inputMode="numeric"
              value={form.supportEscalationMinutes}
              onInput={(e) => set('supportEscalationMinutes', e.currentTarget.value)}
            />
          )}
        </Field>
        <KeepingFields
          discussionMonths={form.discussionMonths}
          attendanceMonths={form.attendanceMonths}
          saved={saved}
          set={set}
          error={error}
        />
        <Field
          label="Time zone"
          name="timezone"
          hint="Meetup times are set in this zone, e.g. Europe/London."
          error={error}
        >
          {(a) => (
            <>
              <input {...a} value={form.timezone} onInput={(e) => set('timezone', e.currentTarget.value)} />
              <TooLong value={form.timezone} max={64} />
            </>
          )}
        </Field>
        {!editing && (
          <Field
            label="Your alias in this group (optional)"
            name="alias"
            hint="Shown instead of your handle to members."
            error={error}
          >
            {(a) => (
              <>
                <input {...a} value={form.alias} onInput={(e) => set('alias', e.currentTarget.value)} />
                <TooLong value={form.alias} max={32} />
              </>
            )}
          </Field>
        )}
        <p class="actions">
          <button type="submit" disabled={busy}>
            {editing ? 'Save changes' : 'Create group'}
          </button>
          {editing && (
            <a class="button secondary" href={`/groups/${groupId}`}>
              Cancel
            </a>
          )}
        </p>
      </Form>
    </>
  );
}
