import { describe, expect, it } from 'vitest';
import { addressOfViewer, viewerAddress, viewerOrigin } from '../../functions/api/viewer';

describe('the viewer behind CloudFront', () => {
  it('reads CloudFront-Viewer-Address for IPv4 and unbracketed IPv6, and refuses anything else', () => {
    expect(addressOfViewer('198.51.100.7:46532')).toBe('198.51.100.7');
    expect(addressOfViewer('2001:db8:85a3::8a2e:370:7334:443')).toBe('2001:db8:85a3::8a2e:370:7334');
    for (const bad of [undefined, '', '198.51.100.7', ':443', 'evil.example:443', '1.2.3.4:x', '<script>:1'])
      expect(addressOfViewer(bad), String(bad)).toBeNull();
  });

  it('believes CloudFront only with the whole secret', () => {
    const headers = (secret?: string) => ({
      'x-hearth-origin-secret': secret,
      'cloudfront-viewer-address': '198.51.100.7:1',
      'x-hearth-viewer-host': 'hearth.example',
    });
    expect(viewerAddress(headers('s3cret'), '130.176.0.1', 's3cret')).toBe('198.51.100.7');
    expect(viewerOrigin(headers('s3cret'), 's3cret')).toBe('https://hearth.example');
    for (const sent of [undefined, '', 's3cre', 's3cret!', 'S3CRET']) {
      expect(viewerAddress(headers(sent), '130.176.0.1', 's3cret')).toBe('130.176.0.1');
      expect(viewerOrigin(headers(sent), 's3cret')).toBeUndefined();
    }
    // Not deployed behind CloudFront (no secret configured): never believed.
    expect(viewerAddress(headers(''), '10.0.0.1', undefined)).toBe('10.0.0.1');
  });
});
