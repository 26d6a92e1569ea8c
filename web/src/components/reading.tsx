/**
 * A reader's choices about reading: which content warnings stay folded (kept for the session
 * once loaded), set in the account.
 * @module
 */
import { signal } from '@preact/signals';
import { useState } from 'preact/hooks';
import type { RegionCode } from '../../../functions/core/crisis-lines';
import { CONTENT_WARNINGS, type ContentWarning } from '../../../functions/core/threads';
import { api, get } from '../api';
import { t } from '../i18n';
import { label } from '../labels';
import { useLoad } from '../load';
import { me } from '../state';
import { Loading, useSubmit } from '../ui';
import { rememberRegion } from './crisis';
import { Checkboxes, Form, FormActions } from './forms';

/** The content warnings whose posts stay folded for the reader (until loaded: all of them). */
const folded = signal<{ userId: string; labels: ContentWarning[] } | null>(null);
const ALL_LABELS = Object.keys(CONTENT_WARNINGS) as ContentWarning[];
export const foldedNow = () =>
  (folded.value?.userId === me.value?.userId ? folded.value?.labels : null) ?? ALL_LABELS;

export async function loadFolded(): Promise<ContentWarning[]> {
  const userId = me.value?.userId ?? '';
  if (folded.value?.userId !== userId) {
    const { collapse, region } = await get<{ collapse: ContentWarning[]; region: RegionCode | null }>(
      '/me/preferences',
    );
    folded.value = { userId, labels: collapse };
    rememberRegion(region);
  }
  return folded.value!.labels;
}

/** Account setting: which content warnings always stay folded. */
export function ReadingPreferences() {
  const [chosen, failed, setChosen] = useLoad(loadFolded, []);
  const [saved, setSaved] = useState(false);
  const save = useSubmit(async () => {
    const { collapse } = await api<{ collapse: ContentWarning[] }>('PATCH', '/me/preferences', {
      collapse: chosen,
    });
    folded.value = { userId: me.value?.userId ?? '', labels: collapse };
    setSaved(true);
  });
  if (!chosen) return <Loading error={failed} />;
  return (
    <Form submit={save.submit} error={save.error}>
      <Checkboxes
        legend={t('reading.legend')}
        options={ALL_LABELS.map((k) => [k, label('warning', k)] as const)}
        chosen={chosen}
        onChosen={(c) => {
          setSaved(false);
          setChosen(c);
        }}
      />
      <p class="meta">{t('reading.hint')}</p>
      <FormActions busy={save.busy} label={t('reading.save')} saved={saved} />
    </Form>
  );
}
