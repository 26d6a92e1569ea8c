/**
 * Said above every page when the connection is missing: how old what the device kept is, what a
 * page could not load, and, back online, how to see what is new.
 * @module
 */
import type { ComponentChildren } from 'preact';
import { crisisHref, t, tx } from '../i18n';
import { keptAt, loadProblem, online } from '../offline';
import { refreshPage } from '../state';
import { stamp } from '../when';

const again = (label: string) => (
  <button type="button" class="secondary small" onClick={refreshPage}>
    {label}
  </button>
);

const crisisLines = (c: ComponentChildren) => <a href={crisisHref()}>{c}</a>;
const meetups = (c: ComponentChildren) => <a href="/me/meetups">{c}</a>;
const safetyPlan = (c: ComponentChildren) => <a href="/me/safety-plan">{c}</a>;

export function OfflineNote() {
  if (keptAt.value !== null)
    return online.value ? (
      <p class="notice caution offline" role="status">
        {t('offlineNote.connectedAgain', { time: stamp(keptAt.value) })} {again(t('offlineNote.showNew'))}
      </p>
    ) : (
      <p class="notice caution offline" role="status">
        {t('offlineNote.offlineKept', { time: stamp(keptAt.value) })}
      </p>
    );
  if (loadProblem.value)
    return online.value ? (
      <p class="alert" role="alert">
        {loadProblem.value} {again(t('offlineNote.tryAgain'))}
      </p>
    ) : (
      <p class="notice caution offline" role="status">
        {tx('offlineNote.offlinePartly', undefined, crisisLines, meetups, safetyPlan)}
      </p>
    );
  if (online.value) return null;
  return (
    <p class="notice caution offline" role="status">
      {tx('offlineNote.offline', undefined, crisisLines, meetups, safetyPlan)}
    </p>
  );
}
