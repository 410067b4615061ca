/**
 * The local host: the same services behind the same contract over HTTP, for browser
 * mode and end-to-end tests. Binds 127.0.0.1 only; every API call must carry the
 * random per-run token; Host headers other than our own are refused (DNS rebinding).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { basename, extname, join, normalize, sep } from 'node:path';
import { dispatch, MAX_IMPORT_PAYLOAD_CHARS, type ApiHandlers } from '../common/api';

/** Largest request body the host reads (documents are saved whole). */
const MAX_BODY_BYTES = 16 * 1024 * 1024;
/** Calls that carry a whole file (an import, base64) may send more. */
const LARGE_BODY_CALLS: Record<string, number> = { prepareImport: MAX_IMPORT_PAYLOAD_CHARS + 4096 };

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

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

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('too-large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
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

  const handleApi = async (req: IncomingMessage, res: ServerResponse, name: string): Promise<void> => {
    const auth = req.headers.authorization;
    const given = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
    if (!tokenMatches(given, token)) {
      send(res, 401, { ok: false, error: { code: 'unauthorized', message: 'Missing or wrong access token.' } });
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    let input: unknown;
    try {
      const body = await readBody(req, LARGE_BODY_CALLS[name] ?? MAX_BODY_BYTES);
      input = body.trim() === '' ? {} : JSON.parse(body);
    } catch (err) {
      const tooLarge = (err as Error).message === 'too-large';
      send(res, tooLarge ? 413 : 400, {
        ok: false,
        error: tooLarge
          ? { code: 'too-large', message: 'The request is too large.' }
          : { code: 'invalid-input', message: 'The request body is not valid JSON.' },
      });
      return;
    }
    const result = await dispatch(options.handlers, name, input);
    send(res, result.ok || result.error.code !== 'unknown-call' ? 200 : 404, result);
  };

  /** An exported file, for the browser to open or save; the token travels in the query (a plain link). */
  const handleExport = async (res: ServerResponse, url: URL, name: string): Promise<void> => {
    if (!options.exportsDir || !tokenMatches(url.searchParams.get('token') ?? undefined, token)) {
      res.writeHead(401, { 'content-type': 'text/plain' }).end('Missing or wrong access token.');
      return;
    }
    const file = join(options.exportsDir, basename(decodeURIComponent(name)));
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const ext = extname(file);
      res.writeHead(200, {
        'content-type':
          TYPES[ext] ??
          (ext === '.csv'
            ? 'text/csv; charset=utf-8'
            : ext === '.md'
              ? 'text/markdown; charset=utf-8'
              : 'application/octet-stream'),
        'content-length': info.size,
        // An exported report is shown as a document: no scripts, nothing loaded from elsewhere.
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
        ...(ext === '.html'
          ? {}
          : { 'content-disposition': `attachment; filename="${basename(file).replace(/"/g, '')}"` }),
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
    const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
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
    const url = new URL(req.url ?? '/', `http://${host}`);
    const api = /^\/api\/([A-Za-z]+)$/.exec(url.pathname);
    const exported = /^\/exports\/([^/]+)$/.exec(url.pathname);
    const work = api
      ? handleApi(req, res, api[1])
      : exported && req.method === 'GET'
        ? handleExport(res, url, exported[1])
        : handleStatic(req, res, url.pathname);
    work.catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'internal', message: String(err) } });
      else res.destroy();
    });
  });

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
        // Browsers keep connections alive (the app polls), so close them too.
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
