/**
 * Contract events in the renderer, over either transport: the preload's `onEvent` inside
 * Electron, or the local host's Server-Sent Events (one EventSource per window, opened on
 * first use and reopened after it drops). Payloads are checked against the contract's
 * schemas here, since types vanish at the boundary.
 */
import { events, type EventName, type EventPayload } from '../../common/api';
import { EVENT_NAMES, isEventName } from '../../common/channels';

/** Raw delivery of declared events, before validation. */
export interface EventTransport {
  /** Delivers each raw payload of `name`; returns the function that stops it. */
  listen(name: EventName, deliver: (raw: unknown) => void): () => void;
  /** Calls `listener` each time events start flowing (at once if they already do); returns stop. */
  onOpen(listener: () => void): () => void;
  /** Calls `listener` each time the stream drops (until it is open again, events may be missed). */
  onLost(listener: () => void): () => void;
}

/** Events over the preload (Electron): IPC never drops, so it is open from the start. */
export function preloadTransport(preload: {
  onEvent(name: EventName, listener: (payload: unknown) => void): () => void;
}): EventTransport {
  return {
    listen: (name, deliver) => preload.onEvent(name, deliver),
    onOpen(listener) {
      let stopped = false;
      queueMicrotask(() => {
        if (!stopped) listener();
      });
      return () => {
        stopped = true;
      };
    },
    onLost: () => () => undefined,
  };
}

/** What of EventSource the stream uses (tests pass a fake). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

/** Longest wait before reopening a stream that the host closed or refused. */
const MAX_REOPEN_MS = 30_000;

/**
 * Events over Server-Sent Events. EventSource reconnects by itself after a dropped
 * connection; when the host refuses or is gone long enough for the browser to give up
 * (readyState CLOSED), the stream is opened again after a growing wait.
 */
export function sseTransport(
  url: () => string,
  open: (url: string) => EventSourceLike = (u) => new EventSource(u),
): EventTransport {
  const deliveries = new Map<EventName, Set<(raw: unknown) => void>>();
  const openListeners = new Set<() => void>();
  const lostListeners = new Set<() => void>();
  let source: EventSourceLike | undefined;
  let isOpen = false;
  let wait = 1000;
  let reopenTimer: ReturnType<typeof setTimeout> | undefined;

  const connect = (): void => {
    reopenTimer = undefined;
    const es = open(url());
    source = es;
    for (const name of EVENT_NAMES) {
      es.addEventListener(name, (event) => {
        if (source !== es || !isEventName(name)) return;
        let raw: unknown;
        try {
          raw = JSON.parse(event.data);
        } catch {
          console.warn(`parallax: event ${name} is not JSON; ignored`);
          return;
        }
        for (const deliver of [...(deliveries.get(name) ?? [])]) deliver(raw);
      });
    }
    es.addEventListener('open', () => {
      if (source !== es) return;
      isOpen = true;
      wait = 1000;
      for (const listener of [...openListeners]) listener();
    });
    es.addEventListener('error', () => {
      if (source !== es) return;
      if (isOpen) for (const listener of [...lostListeners]) listener();
      isOpen = false;
      if (es.readyState !== 2 /* CLOSED */) return; // the browser is reconnecting
      es.close();
      reopenTimer = setTimeout(connect, wait);
      wait = Math.min(wait * 2, MAX_REOPEN_MS);
    });
  };
  const ensure = (): void => {
    if (!source && !reopenTimer) connect();
  };

  return {
    listen(name, deliver) {
      let set = deliveries.get(name);
      if (!set) deliveries.set(name, (set = new Set()));
      set.add(deliver);
      ensure();
      return () => set.delete(deliver);
    },
    onOpen(listener) {
      openListeners.add(listener);
      ensure();
      if (isOpen) queueMicrotask(() => openListeners.has(listener) && listener());
      return () => openListeners.delete(listener);
    },
    onLost(listener) {
      lostListeners.add(listener);
      return () => lostListeners.delete(listener);
    },
  };
}

/** The renderer's event functions over a transport, validating every payload. */
export function eventsOver(transport: EventTransport) {
  return {
    /** Calls `listener` with each valid payload of `name`; returns the function that stops it. */
    onEvent<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void {
      if (!isEventName(name)) throw new Error(`Parallax has no event "${String(name)}".`);
      return transport.listen(name, (raw) => {
        const parsed = events[name].safeParse(raw);
        if (parsed.success) listener(parsed.data as EventPayload<K>);
        else console.warn(`parallax: event ${name} does not match the contract; ignored`);
      });
    },
    /**
     * Calls `listener` whenever events start flowing — at once if they already do, and
     * after every reconnect — so a view reads the current state then and misses nothing.
     */
    onEventsOpen(listener: () => void): () => void {
      return transport.onOpen(listener);
    },
    /** Calls back when the event stream drops (the host stopped or is unreachable). */
    onEventsLost(listener: () => void): () => void {
      return transport.onLost(listener);
    },
  };
}
