/**
 * The services' side of contract events: a small typed hub the services emit into and the
 * transports (Electron IPC, the host's Server-Sent Events) listen to. Plain Node, no electron.
 */
import { describeIssues, events, type EventName, type EventPayload } from '../../common/api';

/** One event as it crosses a transport. */
export type HubEvent = { [K in EventName]: { name: K; payload: EventPayload<K> } }[EventName];

export type HubListener = (event: HubEvent) => void;

/** Where services send events; transports subscribe with `subscribe`. */
export class EventHub {
  private readonly listeners = new Set<HubListener>();

  /**
   * Sends an event to every subscriber, in the order emitted. The payload is checked
   * against the contract first: an event no renderer could accept is a bug here, not there.
   * A listener that throws (a closed window, a dropped stream) does not stop the others.
   */
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    const parsed = events[name].safeParse(payload);
    if (!parsed.success) {
      console.error(`parallax: event ${name} does not match the contract: ${describeIssues(parsed.error)}`);
      return;
    }
    const event = { name, payload: parsed.data } as HubEvent;
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (err) {
        console.error(`parallax: a listener of ${name} failed:`, err);
      }
    }
  }

  /** Receives every event from now on; returns the function that stops it. */
  subscribe(listener: HubListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Receives one kind of event. */
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void {
    return this.subscribe((event) => {
      if (event.name === name) listener(event.payload as EventPayload<K>);
    });
  }

  /** How many subscribers there are (transports drop theirs on close). */
  get size(): number {
    return this.listeners.size;
  }
}

/** Events that report a background job's progress. */
type JobEvent = 'alignProgress' | 'exportProgress';

/**
 * Reports a background job's progress to the hub: every change of stage or state at once,
 * progress within a stage at most every `minGapMs` (the work reports far more often than
 * a progress bar can show). Call it after each change of `job`.
 */
export function jobReporter<K extends JobEvent>(
  hub: EventHub | undefined,
  name: K,
  job: EventPayload<K>,
  minGapMs = 100,
): () => void {
  let last: { stage: string; state: string; at: number } | undefined;
  return () => {
    if (!hub) return;
    const now = Date.now();
    if (last && last.stage === job.stage && last.state === job.state && now - last.at < minGapMs) return;
    last = { stage: job.stage, state: job.state, at: now };
    hub.emit(name, { ...job });
  };
}

/** Reports an Align job's progress (see jobReporter). */
export function alignReporter(
  hub: EventHub | undefined,
  job: EventPayload<'alignProgress'>,
  minGapMs = 100,
): () => void {
  return jobReporter(hub, 'alignProgress', job, minGapMs);
}
