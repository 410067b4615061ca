/** Who may call the services over IPC: only Parallax's own page. */

/**
 * True for the bundled renderer (file://…/renderer/index.html) or, in development,
 * the electron-vite dev server. Anything else — another origin loaded by accident, a
 * frame, a data: URL — is refused.
 */
export function isTrustedSenderUrl(url: string | undefined, devServerUrl: string | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'file:') return /\/renderer\/index\.html$/.test(decodeURIComponent(parsed.pathname));
  if (!devServerUrl) return false;
  try {
    return parsed.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}
