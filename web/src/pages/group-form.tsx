import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { can } from '../../../functions/core/groups';
import { ATTENDANCE_MONTHS_DEFAULT } from '../../../functions/core/retention';
import type { GroupDetail } from '../../../functions/core/schemas/groups';
import { get, patch, post } from '../api';
import { Form, TextArea } from '../components/forms';
import { KeepingFields } from '../components/keeping-fields';
import { locale, t, tx } from '../i18n';
import { labelled, languageChoices } from '../labels';
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
  languages: string[];
  visibility: string;
  joinPolicy: string;
  moderationPolicy: string;
  tone: string;
  checkIn: boolean;
  sessionThreadsGoingOnly: boolean;
  researchShare: boolean;
  resourceReviewMonths: string;
  supportEscalationMinutes: string;
  /** '' for forever. */
  discussionMonths: string;
  attendanceMonths: string;
  alias: string;
};

const blank = (): GroupFields => ({
  name: '',
  description: '',
  focus: [],
  // A starting point in the owner's language, theirs to edit.
  guidelines: t('groupForm.defaultGuidelines'),
  timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/London',
  area: '',
  languages: [locale.value],
  visibility: 'public',
  joinPolicy: 'open',
  moderationPolicy: 'active',
  tone: 'listening',
  checkIn: false,
  sessionThreadsGoingOnly: false,
  researchShare: false,
  resourceReviewMonths: '6',
  supportEscalationMinutes: '30',
  discussionMonths: '',
  attendanceMonths: String(ATTENDANCE_MONTHS_DEFAULT),
  alias: '',
});

export function GroupFormPage({ groupId }: { groupId?: string }) {
  const editing = !!groupId;
  const h = usePage(editing ? t('groupForm.titleEdit') : t('groupForm.titleNew'));
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
          languages: g.languages,
          visibility: g.visibility,
          joinPolicy: g.joinPolicy,
          moderationPolicy: g.moderationPolicy,
          tone: g.tone,
          checkIn: g.checkIn,
          sessionThreadsGoingOnly: g.sessionThreadsGoingOnly,
          researchShare: g.researchShare,
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
    flash.value = editing ? t('groupForm.saved') : t('groupForm.created');
    navigate(`/groups/${g.groupId}`);
  });

  if (me.value === null)
    return <SignInFirst title={t('groupForm.titleNew')} doing={t('groupForm.signInDoing')} />;
  if (notOwner !== null)
    return (
      <>
        <h1 ref={h} tabIndex={-1}>
          {t('groupForm.titleEdit')}
        </h1>
        <p>
          {tx('groupForm.notOwner', { name: notOwner }, (c) => (
            <a href={`/groups/${groupId}`}>{c}</a>
          ))}
        </p>
      </>
    );
  if (!form) return <Loading />;
  const set = <K extends keyof GroupFields>(k: K, v: GroupFields[K]) => setForm({ ...form, [k]: v });
  const toggleFocus = (f: string, on: boolean) =>
    set('focus', on ? [...form.focus, f] : form.focus.filter((x) => x !== f));
  const radios = (
    name: keyof GroupFields,
    options: [string, string][],
    descriptions?: Record<string, string>,
  ) =>
    options.map(([value, label]) => (
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
        {editing ? t('groupForm.headingEdit', { name: form.name }) : t('groupForm.titleNew')}
      </h1>
      <Form submit={submit} error={error}>
        <Field label={t('groupForm.name')} name="name" hint={t('groupForm.nameHint')} error={error}>
          {(a) => (
            <>
              <input {...a} value={form.name} onInput={(e) => set('name', e.currentTarget.value)} />
              <TooLong value={form.name} max={80} />
            </>
          )}
        </Field>
        <TextArea
          label={t('groupForm.description')}
          name="description"
          error={error}
          value={form.description}
          onValue={(v) => set('description', v)}
          max={2000}
        />
        <Field label={t('groupForm.area')} name="area" hint={t('groupForm.areaHint')} error={error}>
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
        <LanguagesField
          chosen={form.languages}
          onChosen={(l) => set('languages', l)}
          error={fieldError('languages')}
        />
        <fieldset class="columns" aria-describedby="focus-err">
          <legend>{t('groupForm.focus')}</legend>
          {labelled('focus').map(([value, label]) => (
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
          label={t('groupForm.guidelines')}
          name="guidelines"
          hint={t('groupForm.guidelinesHint')}
          error={error}
          value={form.guidelines}
          onValue={(v) => set('guidelines', v)}
          max={5000}
          rows={8}
        />
        <fieldset>
          <legend>{t('groupForm.tone')}</legend>
          {radios('tone', labelled('tone'), Object.fromEntries(labelled('toneText')))}
        </fieldset>
        <fieldset>
          <legend>{t('groupForm.moderation')}</legend>
          {radios('moderationPolicy', labelled('moderation'), Object.fromEntries(labelled('policy')))}
        </fieldset>
        <fieldset>
          <legend>{t('groupForm.visibility')}</legend>
          {radios('visibility', [
            ['public', t('groupForm.public')],
            ['private', t('groupForm.private')],
          ])}
        </fieldset>
        <fieldset>
          <legend>{t('groupForm.joinPolicy')}</legend>
          {radios('joinPolicy', labelled('join'))}
        </fieldset>
        <label class="check">
          <input
            type="checkbox"
            checked={form.checkIn}
            onChange={(e) => set('checkIn', e.currentTarget.checked)}
          />
          {t('groupForm.checkIn')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={form.sessionThreadsGoingOnly}
            onChange={(e) => set('sessionThreadsGoingOnly', e.currentTarget.checked)}
          />
          {t('groupForm.sessionThreadsGoingOnly')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={form.researchShare}
            onChange={(e) => set('researchShare', e.currentTarget.checked)}
          />
          {t('groupForm.researchShare')}
        </label>
        <Field
          label={t('groupForm.resourceReviewMonths')}
          name="resourceReviewMonths"
          hint={t('groupForm.resourceReviewMonthsHint')}
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
          label={t('groupForm.supportEscalationMinutes')}
          name="supportEscalationMinutes"
          hint={t('groupForm.supportEscalationMinutesHint')}
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
          label={t('groupForm.timezone')}
          name="timezone"
          hint={t('groupForm.timezoneHint')}
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
          <Field label={t('groupForm.alias')} name="alias" hint={t('groupForm.aliasHint')} error={error}>
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
            {editing ? t('groupForm.save') : t('groupForm.create')}
          </button>
          {editing && (
            <a class="button secondary" href={`/groups/${groupId}`}>
              {t('groupForm.cancel')}
            </a>
          )}
        </p>
      </Form>
    </>
  );
}

/** The languages the group meets and talks in: one at least, five at most. */
function LanguagesField(props: {
  chosen: string[];
  onChosen: (l: string[]) => void;
  error: ComponentChildren;
}) {
  const { chosen } = props;
  return (
    <fieldset class="columns" aria-describedby="languages-err">
      <legend>{t('groupForm.languages')}</legend>
      {languageChoices(chosen).map(([code, name]) => (
        <label key={code}>
          <input
            type="checkbox"
            checked={chosen.includes(code)}
            disabled={!chosen.includes(code) && chosen.length >= 5}
            onChange={(e) =>
              props.onChosen(e.currentTarget.checked ? [...chosen, code] : chosen.filter((c) => c !== code))
            }
          />
          {name}
        </label>
      ))}
      {props.error}
    </fieldset>
  );
}
