import { afterEach, describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES } from '../../../common/channels';
import {
  eventsOver,
  preloadTransport,
  sseTransport,
  type EventSourceLike,
  type EventTransport,
} from '../../../renderer/src/event-stream';

/** A stand-in for the browser's EventSource that the test drives. */
class FakeSource implements EventSourceLike {
  readyState = 0;
  closed = false;
  private readonly handlers = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  fire(type: string, data = ''): void {
    if (type === 'open') this.readyState = 1;
    for (const h of this.handlers.get(type) ?? []) h({ data } as MessageEvent<string>);
  }
  /** The connection dropped; `giveUp` as when the host refused or is gone (readyState CLOSED). */
  drop(giveUp: boolean): void {
    this.readyState = giveUp ? 2 : 0;
    this.fire('error');
  }
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const flush = () => new Promise<void>((r) => queueMicrotask(r));

describe('events in the renderer', () => {
  it('accept exactly the declared event names and pass on only payloads the contract allows', () => {
    const deliveries: ((raw: unknown) => void)[] = [];
    const transport: EventTransport = {
      listen: (_name, deliver) => (deliveries.push(deliver), () => undefined),
      onOpen: () => () => undefined,
      onLost: () => () => undefined,
    };
    const feed = eventsOver(transport);
    for (const name of EVENT_NAMES) expect(() => feed.onEvent(name, () => undefined)).not.toThrow();
    for (const name of ['toString', '__proto__', 'storestatus', 'getStoreStatus'])
      expect(() => feed.onEvent(name as never, () => undefined)).toThrow(/no event/);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const got: unknown[] = [];
    feed.onEvent('storeStatus', (s) => got.push(s));
    const deliver = deliveries.at(-1)!;
    deliver({ state: 'saved', savedAt: '2026-11-22T03:00:00.000Z' });
    deliver({ state: 'exploded' });
    deliver('<script>');
    expect(got).toEqual([{ state: 'saved', savedAt: '2026-11-22T03:00:00.000Z' }]);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('over Server-Sent Events: one stream, events by name, open and lost told, reopened after the host gave up', async () => {
    vi.useFakeTimers();
    const sources: FakeSource[] = [];
    let token = 'first';
    const feed = eventsOver(
      sseTransport(
        () => `/events?token=${token}`,
        (url) => {
          const s = new FakeSource(url);
          sources.push(s);
          return s;
        },
      ),
    );
    const statuses: string[] = [];
    const changes: unknown[] = [];
    let opens = 0;
    let losses = 0;
    feed.onEvent('storeStatus', (s) => statuses.push(s.state));
    feed.onEvent('workspaceChanged', (c) => changes.push(c));
    feed.onEventsOpen(() => opens++);
    feed.onEventsLost(() => losses++);
    expect(sources.map((s) => s.url)).toEqual(['/events?token=first']);
    const [first] = sources;
    first.fire('open');
    first.fire('storeStatus', '{"state":"pending"}');
    first.fire('workspaceChanged', '{"what":["suggestions"],"origin":"align"}');
    first.fire('storeStatus', '{"state":"saved"}');
    expect(statuses).toEqual(['pending', 'saved']);
    expect(changes).toEqual([{ what: ['suggestions'], origin: 'align' }]);
    expect(opens).toBe(1);
    // A listener that comes after the stream opened is told at once (so it reads the state).
    let late = 0;
    feed.onEventsOpen(() => late++);
    await flush();
    expect(late).toBe(1);
    // The browser reconnects by itself after a drop; each reopening is told again.
    first.drop(false);
    expect(losses).toBe(1);
    first.fire('open');
    expect([opens, late]).toEqual([2, 2]);
    // When the browser gives up, the stream is opened anew after a wait, with the token as it is then.
    token = 'second';
    first.drop(true);
    expect(losses).toBe(2);
    expect(sources).toHaveLength(1);
    vi.advanceTimersByTime(1000);
    expect(sources).toHaveLength(2);
    expect(first.closed).toBe(true);
    expect(sources[1].url).toBe('/events?token=second');
    first.fire('storeStatus', '{"state":"failed"}'); // the old stream is deaf
    sources[1].fire('open');
    sources[1].fire('storeStatus', '{"state":"failed","error":"disk full"}');
    expect(statuses).toEqual(['pending', 'saved', 'failed']);
    expect(opens).toBe(3);
    // Refused again and again: the waits grow instead of hammering the host.
    sources[1].drop(true);
    vi.advanceTimersByTime(999);
    expect(sources).toHaveLength(2);
    vi.advanceTimersByTime(1);
    sources[2].drop(true);
    vi.advanceTimersByTime(1999);
    expect(sources).toHaveLength(3);
    vi.advanceTimersByTime(1);
    expect(sources).toHaveLength(4);
  });

  it('over the preload: events come by name, and the stream counts as open from the start', async () => {
    const listened: string[] = [];
    const feed = eventsOver(
      preloadTransport({
        onEvent: (name, listener) => {
          listened.push(name);
          listener({ id: 'align-1', state: 'done', stage: 'done', done: 1, total: 1, count: 3 });
          return () => undefined;
        },
      }),
    );
    const jobs: unknown[] = [];
    feed.onEvent('alignProgress', (job) => jobs.push(job.count));
    let opened = 0;
    feed.onEventsOpen(() => opened++);
    await flush();
    expect(listened).toEqual(['alignProgress']);
    expect(jobs).toEqual([3]);
    expect(opened).toBe(1);
  });
});
