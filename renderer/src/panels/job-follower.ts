/**
 * Follows a background job (an Align run, an export) by its progress events instead of
 * asking over and over: each event of the job is shown as it comes, the job is read once
 * whenever the event stream (re)opens so nothing is missed across a reconnect, and once
 * more only if the stream has been silent for a long while (a stage that reports nothing
 * for minutes).
 */
import type { AlignJob, EventName, EventPayload, ExportJob } from '../../../common/api';
import { call, onEvent, onEventsOpen } from '../bridge';

/** How long without news before the job is read directly. */
const SILENCE_MS = 5000;

type JobEvent = Extract<EventName, 'alignProgress' | 'exportProgress'>;

/**
 * Resolves with the job once it is no longer running, calling `progress` with each state
 * on the way; `read` asks for the job's current state.
 */
export function followJob<K extends JobEvent>(
  event: K,
  start: EventPayload<K>,
  read: (id: string) => Promise<EventPayload<K>>,
  progress: (job: EventPayload<K>) => void,
): Promise<EventPayload<K>> {
  type Job = EventPayload<K>;
  return new Promise((resolve, reject) => {
    let finished = false;
    let silence: ReturnType<typeof setTimeout> | undefined;
    const stops: (() => void)[] = [];
    const finish = (job: Job): void => {
      finished = true;
      clearTimeout(silence);
      for (const stop of stops) stop();
      resolve(job);
    };
    const seen = (job: Job): void => {
      if (finished || job.id !== start.id) return;
      if (job.state !== 'running') return finish(job);
      progress(job);
      clearTimeout(silence);
      silence = setTimeout(() => void ask(), SILENCE_MS);
    };
    const ask = async (): Promise<void> => {
      try {
        seen(await read(start.id));
      } catch (err) {
        if (finished) return;
        finished = true;
        for (const stop of stops) stop();
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    };
    stops.push(onEvent(event, (job) => seen(job as Job)));
    // Called at once when events already flow, and after each reconnect.
    stops.push(onEventsOpen(() => void ask()));
    seen(start);
  });
}

/** Follows an Align run to its end. */
export function followAlignJob(start: AlignJob, progress: (job: AlignJob) => void): Promise<AlignJob> {
  return followJob('alignProgress', start, (id) => call('getAlignJob', { id }), progress);
}

/** Follows an export to its end. */
export function followExportJob(start: ExportJob, progress: (job: ExportJob) => void): Promise<ExportJob> {
  return followJob('exportProgress', start, (id) => call('getExportJob', { id }), progress);
}
