/**
 * Follows an Align run by its progress events instead of asking over and over: each
 * `alignProgress` of the run is shown as it comes, the run is read once whenever the
 * event stream (re)opens so nothing is missed across a reconnect, and once more only if
 * the stream has been silent for a long while (a stage that reports nothing for minutes).
 */
import type { AlignJob } from '../../../common/api';
import { call, onEvent, onEventsOpen } from '../bridge';

/** How long without news before the run is read directly. */
const SILENCE_MS = 5000;

/** Resolves with the run once it is done or failed, calling `progress` with each state on the way. */
export function followAlignJob(start: AlignJob, progress: (job: AlignJob) => void): Promise<AlignJob> {
  return new Promise((resolve, reject) => {
    let latest = start;
    let finished = false;
    let silence: ReturnType<typeof setTimeout> | undefined;
    const stops: (() => void)[] = [];
    const finish = (job: AlignJob): void => {
      finished = true;
      clearTimeout(silence);
      for (const stop of stops) stop();
      resolve(job);
    };
    const seen = (job: AlignJob): void => {
      if (finished || job.id !== start.id) return;
      latest = job;
      if (job.state !== 'running') return finish(job);
      progress(job);
      clearTimeout(silence);
      silence = setTimeout(() => void read(), SILENCE_MS);
    };
    const read = async (): Promise<void> => {
      try {
        seen(await call('getAlignJob', { id: start.id }));
      } catch (err) {
        if (finished) return;
        finished = true;
        for (const stop of stops) stop();
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    };
    stops.push(onEvent('alignProgress', seen));
    // Called at once when events already flow, and after each reconnect.
    stops.push(onEventsOpen(() => void read()));
    seen(latest);
  });
}
