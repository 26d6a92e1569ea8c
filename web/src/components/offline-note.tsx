/**
 * Said above every page when the connection is missing: how old what the device kept is, what a
 * page could not load, and, back online, how to see what is new.
 * @module
 */
import { keptAt, loadProblem, online } from '../offline';
import { refreshPage } from '../state';
import { stamp } from '../when';

const again = (label: string) => (
  <button type="button" class="secondary small" onClick={refreshPage}>
    {label}
  </button>
);

export function OfflineNote() {
  if (keptAt.value !== null)
    return online.value ? (
      <p class="notice caution offline" role="status">
        You are connected again. What is shown is what your device kept at {stamp(keptAt.value)}.{' '}
        {again('Show what is new')}
      </p>
    ) : (
      <p class="notice caution offline" role="status">
        Offline: this is what your device kept, as of {stamp(keptAt.value)}. Nothing can be sent until you are
        connected.
      </p>
    );
  if (loadProblem.value)
    return online.value ? (
      <p class="alert" role="alert">
        {loadProblem.value} {again('Try again')}
      </p>
    ) : (
      <p class="notice caution offline" role="status">
        You are offline, so parts of this page cannot be shown. The <a href="/crisis.html">crisis lines</a>{' '}
        still open, and so do your safety plan and <a href="/me/meetups">meetups</a> if you opened them here
        before.
      </p>
    );
  if (online.value) return null;
  return (
    <p class="notice caution offline" role="status">
      You are offline. The <a href="/crisis.html">crisis lines</a> still open, and so do your safety plan and{' '}
      <a href="/me/meetups">meetups</a> if you opened them here before.
    </p>
  );
}
