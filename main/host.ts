/**
 * The local host: the same services behind the same contract over HTTP, for browser
 * mode and end-to-end tests. Binds 127.0.0.1 only; every API call must carry the
 * random per-run token; Host headers other than our own are refused (DNS rebinding), and
 * so are calls from pages of other sites (Origin, Sec-Fetch-Site). Every refusal is a
 * 4xx with a typed error body ({ ok: false, error: { code, message } }); internal
 * errors are a 500 with a generic message, their details only in the server's log.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { basename, extname, join, normalize, sep } from 'node:path';
import { dispatch, MAX_IMPORT_PAYLOAD_CHARS, type ApiHandlers, type ErrorCode } from '../common/api';
import { MAX_DOCUMENT_BYTES, MAX_REQUEST_BYTES, formatMegabytes } from '../common/limits';
import { EventStreams } from './host-events';
import { announceChange, windowOrigin } from './services/changes';
import type { EventHub } from './services/events';

/** Names a page's window on its calls and its event stream (a random id the page makes on load). */
export const WINDOW_HEADER = 'x-parallax-window';
const WINDOW_ID = /^[A-Za-z0-9-]{8,56}$/;

/** The window a request names, if it names one well-formed. */
function windowOf(value: string | string[] | null | undefined): string | undefined {
  return typeof value === 'string' && WINDOW_ID.test(value) ? value : undefined;
}

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** Content types of exported files served to the browser. */
const EXPORT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/ld+json; charset=utf-8',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.qdpx': 'application/zip',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface HostOptions {
  handlers: ApiHandlers;
  /** Folder with the built renderer (index.html and assets). */
  staticDir: string;
  port?: number;
  /** Fixed token (tests); random otherwise. */
  token?: string;
  /** Events to stream at GET /events (none without). */
  events?: EventHub;
  /** Time between keep-alive comments on an idle event stream (tests shorten it). */
  keepAliveMs?: number;
  /** Folder of exported files, served at /exports/<name>?token=… (browser mode). */
  exportsDir?: string;
}

export interface RunningHost {
  server: Server;
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

/** The HTTP status of each error code; the body always carries the typed error too. */
export const STATUS_OF: Record<ErrorCode, number> = {
  'invalid-input': 400,
  'too-deep': 400,
  unauthorized: 401,
  'not-found': 404,
  'unknown-call': 404,
  conflict: 409,
  'too-large': 413,
  locked: 423,
  storage: 507,
  internal: 500,
};

/** Calls that carry a whole file (an import, as base64) may send more than one document's worth. */
const LARGE_BODY_CALLS: Record<string, number> = {
  prepareImport: MAX_IMPORT_PAYLOAD_CHARS + 4096,
  importAnnotations: MAX_IMPORT_PAYLOAD_CHARS + 4096,
};

/** Most bytes read and thrown away after a body proved too large, so the 413 still arrives. */
const MAX_DRAIN_BYTES = 8 * MAX_REQUEST_BYTES;

class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  send(res, status, { ok: false, error: { code, message } }, status === 413 ? { connection: 'close' } : {});
}

/**
 * Reads a request body of at most `limit` bytes as UTF-8 text. A larger body is read to
 * its end and thrown away (up to a bound) before the 413 is sent: answering while the
 * client is still sending makes it see a reset connection, not the answer.
 */
function readBody(req: IncomingMessage, limit = MAX_REQUEST_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = declared > limit;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (tooLarge) {
        chunks.length = 0;
        if (size > Math.max(MAX_DRAIN_BYTES, limit)) req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) {
        reject(
          new RequestError(
            413,
            'too-large',
            limit === MAX_REQUEST_BYTES
              ? `The request is larger than ${formatMegabytes(MAX_REQUEST_BYTES)}, the most Parallax accepts (one document of up to ${formatMegabytes(MAX_DOCUMENT_BYTES)}).`
              : `The request is larger than ${formatMegabytes(limit)}, the most Parallax accepts for this call.`,
          ),
        );
        return;
      }
      try {
        resolve(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
      } catch {
        reject(new RequestError(400, 'invalid-input', 'The request body is not UTF-8 text.'));
      }
    });
    req.on('error', reject);
  });
}

function tokenMatches(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Starts the host; resolves once it listens. */
export function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const staticRoot = normalize(options.staticDir + sep);

  /** Whether a request comes from the app's own page (or from no page at all: curl, tests). */
  const fromOwnPage = (req: IncomingMessage): boolean => {
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      return false;
    }
    const site = req.headers['sec-fetch-site'];
    return site === undefined || site === 'same-origin' || site === 'none';
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, name: string): Promise<void> => {
    if (!fromOwnPage(req)) {
      // Even a page that learnt the token may not use it from another site.
      sendError(res, 403, 'unauthorized', 'Requests from other sites are refused.');
      req.resume();
      return;
    }
    const auth = req.headers.authorization;
    const given = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
    if (!tokenMatches(given, token)) {
      sendError(res, 401, 'unauthorized', 'Missing or wrong access token.');
      req.resume();
      return;
    }
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      sendError(res, 405, 'invalid-input', `Calls are made with POST, not ${req.method}.`);
      req.resume();
      return;
    }
    let input: unknown;
    try {
      const body = await readBody(req, LARGE_BODY_CALLS[name]);
      input = body.trim() === '' ? {} : JSON.parse(body);
    } catch (err) {
      if (err instanceof RequestError) sendError(res, err.status, err.code, err.message);
      else sendError(res, 400, 'invalid-input', 'The request body is not valid JSON.');
      return;
    }
    const result = await dispatch(options.handlers, name, input);
    send(res, result.ok ? 200 : STATUS_OF[result.error.code], result);
    // Other pages hear what changed; a caller that names no window (a script) is told too.
    const caller = windowOf(req.headers[WINDOW_HEADER]);
    announceChange(options.events, name, result, caller ? windowOrigin(caller) : 'api');
  };

  const streams = options.events ? new EventStreams(options.events, options.keepAliveMs) : undefined;
  /** The event stream: the token comes as a query parameter (EventSource cannot set headers). */
  const handleEvents = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    req.resume();
    if (!fromOwnPage(req)) return sendError(res, 403, 'unauthorized', 'Requests from other sites are refused.');
    if (!tokenMatches(url.searchParams.get('token') ?? undefined, token))
      return sendError(res, 401, 'unauthorized', 'Missing or wrong access token.');
    if (req.method !== 'GET') {
      res.setHeader('allow', 'GET');
      return sendError(res, 405, 'invalid-input', `The event stream is read with GET, not ${req.method}.`);
    }
    if (!streams) return sendError(res, 404, 'not-found', 'This host has no event stream.');
    const page = windowOf(url.searchParams.get('window'));
    streams.serve(res, page && windowOrigin(page));
  };

  /** An exported file, for the browser to open or save; the token travels in the query (a plain link). */
  const handleExport = async (res: ServerResponse, url: URL, name: string): Promise<void> => {
    if (!options.exportsDir || !tokenMatches(url.searchParams.get('token') ?? undefined, token)) {
      res.writeHead(401, { 'content-type': 'text/plain' }).end('Missing or wrong access token.');
      return;
    }
    const file = join(options.exportsDir, basename(name));
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const ext = extname(file);
      res.writeHead(200, {
        'content-type': EXPORT_TYPES[ext] ?? 'application/octet-stream',
        'content-length': info.size,
        // An exported report is shown as a document: no scripts, nothing loaded from elsewhere.
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
        ...(ext === '.html'
          ? {}
          : { 'content-disposition': `attachment; filename="${basename(file).replace(/[^\w.-]/g, '_')}"` }),
      });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  };

  const handleStatic = async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    let rel: string;
    try {
      rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
      res.end('Bad request: the address is not valid (malformed percent-encoding).');
      return;
    }
    const file = normalize(join(staticRoot, rel));
    if (!file.startsWith(staticRoot)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': info.size,
        'content-security-policy': CSP,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-cache',
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  };

  const server = createServer((req, res) => {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('Misdirected request');
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${host}`);
    } catch {
      sendError(res, 400, 'invalid-input', 'The address is not valid.');
      return;
    }
    const api = /^\/api\/([A-Za-z]+)$/.exec(url.pathname);
    if (url.pathname === '/events') return handleEvents(req, res, url);
    const exported = /^\/exports\/([A-Za-z0-9._-]+)$/.exec(url.pathname);
    const work = api
      ? handleApi(req, res, api[1])
      : exported && req.method === 'GET'
        ? handleExport(res, url, exported[1])
        : handleStatic(req, res, url.pathname);
    work.catch((err: unknown) => {
      // The details stay in the server's log; the caller learns only that it failed.
      console.error('parallax: request failed:', err);
      if (!res.headersSent)
        sendError(res, 500, 'internal', 'Parallax could not answer this request; the details are in its log.');
      else res.destroy();
    });
  });

  // The page's calls are POSTs on kept-alive connections. Node closes an idle one after 5 s, and a
  // call the browser sends on it just then fails without ever reaching Parallax; idle connections
  // are kept longer than the browser keeps them, so the browser is the one that closes them.
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 125_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        server,
        port,
        token,
        url: `http://127.0.0.1:${port}/?token=${token}`,
        // Browsers keep connections alive, and event streams stay open: end and close them too.
        close: () =>
          new Promise<void>((done) => {
            streams?.closeAll();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
