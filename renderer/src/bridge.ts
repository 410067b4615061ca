/**
 * The renderer's way to the services: `window.parallax` from the preload inside
 * Electron, otherwise an HTTP client for the local host. Both return Results; this
 * module turns failures into `BridgeError`s with the service's code.
 */
import type { CallInput, CallName, CallOutput, ErrorCode, ParallaxApi, Result } from '../../common/api';
import { CALL_NAMES, type EventName, type MenuCommand } from '../../common/channels';
import { eventsOver, preloadTransport, sseTransport } from './event-stream';

/** A failed call, with the service's error code and message. */
export class BridgeError extends Error {
  constructor(
    readonly code: ErrorCode | 'network',
    message: string,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

interface PreloadApi extends ParallaxApi {
  onCommand(listener: (command: MenuCommand) => void): () => void;
  onEvent(name: EventName, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    parallax?: PreloadApi;
  }
}

const TOKEN_KEY = 'parallax.token';

/** Reads the access token from the URL once, keeps it for reloads, and hides it from the address bar. */
function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** Error codes for answers without a typed body (a proxy, an old host). */
const CODE_OF_STATUS: Record<number, ErrorCode> = {
  400: 'invalid-input',
  401: 'unauthorized',
  403: 'unauthorized',
  404: 'not-found',
  409: 'conflict',
  413: 'too-large',
  423: 'locked',
  507: 'storage',
};

function isResult(body: unknown): body is Result<unknown> {
  if (!body || typeof body !== 'object') return false;
  const r = body as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  return r.ok === true || (r.ok === false && typeof r.error?.code === 'string' && typeof r.error.message === 'string');
}

/**
 * This page's window among those open on the host (another tab may show the same
 * workspace): named on every call and on the event stream, so the host tells the other
 * windows what this one changed, and not this one, which applies the answers itself.
 */
const windowId = crypto.randomUUID();

function httpApi(): ParallaxApi {
  const token = takeToken();
  const api = {} as Record<CallName, (input: unknown) => Promise<Result<unknown>>>;
  for (const name of CALL_NAMES) {
    api[name] = async (input: unknown) => {
      let response: Response;
      try {
        response = await fetch(`/api/${name}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            'x-parallax-window': windowId,
          },
          body: JSON.stringify(input ?? {}),
        });
      } catch (err) {
        return {
          ok: false,
          error: { code: 'internal', message: `Parallax's host is not reachable (${String(err)}).` },
        };
      }
      // Refusals come as 4xx/5xx with the same typed body as a 200; read it whatever the status.
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        body = undefined;
      }
      if (isResult(body)) return body;
      return {
        ok: false,
        error: {
          code: CODE_OF_STATUS[response.status] ?? 'internal',
          message: `Unexpected answer from the host (HTTP ${response.status}).`,
        },
      };
    };
  }
  return api as unknown as ParallaxApi;
}

/** Where the local host serves an exported file (browser mode; the token travels in the link). */
export function exportedFileUrl(fileName: string): string {
  return `/exports/${encodeURIComponent(fileName)}?token=${encodeURIComponent(sessionStorage.getItem(TOKEN_KEY) ?? '')}`;
}

/** Which transport this window uses. */
export const transport: 'electron' | 'http' = window.parallax ? 'electron' : 'http';
const api: ParallaxApi = window.parallax ?? httpApi();

/** Calls the services; resolves to the value or throws a BridgeError. */
export async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = (await api[name](input)) as Result<CallOutput<K>>;
  if (!result.ok) throw new BridgeError(result.error.code, result.error.message);
  return result.value;
}

/** Subscribes to menu commands (Electron only; in a browser the renderer binds keys itself). */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return window.parallax ? window.parallax.onCommand(listener) : () => undefined;
}

const eventFeed = eventsOver(
  window.parallax
    ? preloadTransport(window.parallax)
    : // The token was kept when the HTTP client above was made; EventSource cannot send headers.
      sseTransport(
        () => `/events?token=${encodeURIComponent(sessionStorage.getItem(TOKEN_KEY) ?? '')}&window=${windowId}`,
      ),
);

/** Listens to a contract event (Align progress, store status, changes made elsewhere), validated. */
export const onEvent = eventFeed.onEvent;

/** Calls back whenever events start flowing (at once, and after each reconnect): read the current state then. */
export const onEventsOpen = eventFeed.onEventsOpen;

/** Calls back when the event stream drops (browser mode: the host stopped or is unreachable). */
export const onEventsLost = eventFeed.onEventsLost;
