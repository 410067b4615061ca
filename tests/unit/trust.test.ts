import { describe, expect, it } from 'vitest';
import { isTrustedSenderUrl } from '../../main/services/trust';

describe('IPC sender check', () => {
  it("accepts only Parallax's own page", () => {
    expect(isTrustedSenderUrl('file:///opt/Parallax/resources/app.asar/out/renderer/index.html', undefined)).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
  });

  it('refuses other pages, other files, and the dev server when not in development', () => {
    expect(isTrustedSenderUrl(undefined, undefined)).toBe(false);
    expect(isTrustedSenderUrl('', undefined)).toBe(false);
    expect(isTrustedSenderUrl('https://evil.example/', undefined)).toBe(false);
    expect(isTrustedSenderUrl('file:///tmp/downloaded.html', undefined)).toBe(false);
    expect(isTrustedSenderUrl('data:text/html,hi', undefined)).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5173/', undefined)).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5173.evil.example/', 'http://localhost:5173')).toBe(false);
  });
});
