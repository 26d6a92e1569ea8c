/**
 * This browser's side of Web Push: whether it can, its subscription made with Hearth's public
 * key (through the service worker), the device id the API knows it by, and a name to suggest.
 * @module
 */
import { t } from './i18n';

/** Why this browser cannot receive notifications, or null when it can. */
export function pushUnavailable(): string | null {
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window))
    return t('push.unavailable');
  if (Notification.permission === 'denied') return t('push.blocked');
  return null;
}

const bytes = (base64url: string) => {
  const raw = atob(
    base64url
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(base64url.length / 4) * 4, '='),
  );
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
};

/** This browser's subscription, made if there is none (asking the person's permission first). */
export async function subscribeHere(publicKey: string): Promise<PushSubscriptionJSON> {
  if ((await Notification.requestPermission()) !== 'granted') throw new Error(t('push.notAllowed'));
  const registration = await navigator.serviceWorker.ready;
  try {
    const sub =
      (await registration.pushManager.getSubscription()) ??
      (await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: bytes(publicKey),
      }));
    return sub.toJSON();
  } catch (e) {
    // The browser's own words ("Registration failed - …") help nobody: say what to do instead.
    throw new Error(
      (e as DOMException).name === 'NotAllowedError'
        ? t('push.refusedByBrowser')
        : t('push.couldNotSubscribe'),
    );
  }
}

/** The id the API gives this browser's subscription (a hash of its endpoint), or null. */
export async function deviceIdHere(): Promise<string | null> {
  if (!('serviceWorker' in navigator) || !('PushManager' in window)) return null;
  const registration = await navigator.serviceWorker?.getRegistration();
  const sub = await registration?.pushManager?.getSubscription();
  if (!sub) return null;
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(sub.endpoint)));
  return btoa(String.fromCharCode(...hash))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
    .slice(0, 22);
}

/** Ends this browser's subscription (after the API has forgotten it). */
export async function unsubscribeHere(): Promise<void> {
  const registration = await navigator.serviceWorker?.getRegistration();
  await (await registration?.pushManager?.getSubscription())?.unsubscribe();
}

/** A name for this device to suggest ("Chrome on Android"), which the person can change. */
export function suggestedLabel(): string {
  const ua = navigator.userAgent;
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : t('push.someBrowser');
  const system = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? t('push.iPhoneOrIPad')
      : /Mac OS X/.test(ua)
        ? 'Mac'
        : /Windows/.test(ua)
          ? 'Windows'
          : /Linux/.test(ua)
            ? 'Linux'
            : t('push.thisDevice');
  return t('push.deviceName', { browser, system });
}
