/**
 * Who is on the other end when deployed. Behind CloudFront the HTTP API's `sourceIp` is one of
 * CloudFront's addresses, shared by every viewer near that edge; CloudFront says the viewer's own
 * in `CloudFront-Viewer-Address` (and, from our viewer-request function, the host they typed). A
 * request that reaches the HTTP API some other way could say anything in those headers, so they
 * are believed only on requests carrying the origin secret that CloudFront adds (kept in Secrets
 * Manager, created by the stack). Pure, so the handler and the tests share it.
 * @module
 */
import { timingSafeEqual } from 'node:crypto';

/** Set by CloudFront on every request it forwards to the API (an origin custom header). */
export const ORIGIN_SECRET_HEADER = 'x-hearth-origin-secret';
/** Set by the API behaviour's viewer-request function: the Host the viewer used. */
export const VIEWER_HOST_HEADER = 'x-hearth-viewer-host';
export const VIEWER_ADDRESS_HEADER = 'cloudfront-viewer-address';

type Headers = Record<string, string | undefined>;

/** Whether the request came through our CloudFront distribution (it knows the secret). */
export function fromOurCloudFront(headers: Headers, secret: string | undefined): boolean {
  const sent = headers[ORIGIN_SECRET_HEADER];
  if (!secret || !sent) return false;
  const [a, b] = [Buffer.from(sent), Buffer.from(secret)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `CloudFront-Viewer-Address` is `address:port`, IPv6 unbracketed (`2001:db8::1:443`). */
export function addressOfViewer(value: string | undefined): string | null {
  const cut = value?.lastIndexOf(':') ?? -1;
  if (!value || cut <= 0 || !/^\d+$/.test(value.slice(cut + 1))) return null;
  const address = value.slice(0, cut);
  return /^[0-9A-Fa-f.:]{2,45}$/.test(address) ? address : null;
}

/** The viewer's address: CloudFront's word for it when the request is ours, else the socket's. */
export function viewerAddress(headers: Headers, sourceIp: string, secret: string | undefined): string {
  if (!fromOurCloudFront(headers, secret)) return sourceIp;
  return addressOfViewer(headers[VIEWER_ADDRESS_HEADER]) ?? sourceIp;
}

/** The origin the viewer's browser is on, when our CloudFront says so (for the Origin check). */
export function viewerOrigin(headers: Headers, secret: string | undefined): string | undefined {
  const host = headers[VIEWER_HOST_HEADER];
  if (!host || !fromOurCloudFront(headers, secret) || !/^[A-Za-z0-9.-]+(:\d+)?$/.test(host)) return undefined;
  return `https://${host}`;
}
