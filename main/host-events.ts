/**
 * The host's event stream: contract events as Server-Sent Events at `GET /events`.
 * A page's EventSource cannot set headers, so this one endpoint takes the run's token as
 * the `token` query parameter; every other check of an API call (own page only) applies.
 * Each event goes out as `event: <name>` with its JSON payload, in the order emitted; a
 * comment every few seconds keeps proxies and the browser from calling the stream dead.
 */
import type { ServerResponse } from 'node:http';
import type { EventHub } from './services/events';

/** How often an idle stream gets a keep-alive comment. */
export const KEEP_ALIVE_MS = 15_000;
/** How long the browser waits before reconnecting a dropped stream. */
export const RETRY_MS = 2_000;

/** The open streams of one host, so stopping the host can end them cleanly. */
export class EventStreams {
  private readonly open = new Set<ServerResponse>();
  private closing = false;

  constructor(
    private readonly hub: EventHub,
    private readonly keepAliveMs = KEEP_ALIVE_MS,
  ) {}

  /**
   * Serves one stream until the client leaves or the host stops. The caller checked who
   * asks. A page that names its window (`origin`) is not sent the changes it made itself.
   */
  serve(res: ServerResponse, origin?: string): void {
    if (this.closing) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
      res.end('Parallax is stopping.');
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      connection: 'keep-alive',
      // Proxies that buffer would hold events back (nginx honours this).
      'x-accel-buffering': 'no',
    });
    res.write(`retry: ${RETRY_MS}\n: connected\n\n`);
    let seq = 0;
    const unsubscribe = this.hub.subscribe((event) => {
      if (origin && event.name === 'workspaceChanged' && event.payload.origin === origin) return;
      res.write(`id: ${++seq}\nevent: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`);
    });
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), this.keepAliveMs);
    keepAlive.unref();
    this.open.add(res);
    const done = (): void => {
      clearInterval(keepAlive);
      unsubscribe();
      this.open.delete(res);
    };
    // Not the request's 'close': that fires as soon as its (empty) body has been read.
    res.on('close', done);
  }

  /** How many streams are open. */
  get size(): number {
    return this.open.size;
  }

  /** Ends every stream (the host is stopping) and refuses new ones. */
  closeAll(): void {
    this.closing = true;
    for (const res of [...this.open]) res.end();
  }
}
