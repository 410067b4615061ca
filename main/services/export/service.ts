/**
 * The export calls of the contract. An export flushes the workspace first, takes a
 * snapshot, writes the format in the background (progress in its job, sent as
 * `exportProgress` events) and writes the
 * file atomically; where it goes is asked (desktop: a save dialog) or, without a
 * dialog, a file in the workspace's `exports` folder.
 */
import { dirname, join } from 'node:path';
import { ParallaxError, type ApiHandlers, type ExportFormat, type ExportJob } from '../../../common/api';
import { jobReporter, type EventHub } from '../events';
import type { WorkspaceStore } from '../store/workspace-store';
import { writeFileAtomic } from './atomic-write';
import { EXPORT_FORMATS, exportFileName } from './formats';
import { exportModel } from './model';

export interface ExportHooks {
  /** Asks where to write (a save dialog); undefined when the analyst cancels. Without it: the exports folder. */
  choosePath?: (format: ExportFormat, suggestedName: string) => Promise<string | undefined>;
  /** Shows a file in the system's file manager. */
  reveal?: (path: string) => Promise<boolean> | boolean;
}

/** Where exports go when no dialog asks: `<workspace folder>/exports`. */
export function exportsDir(workspacePath: string): string {
  return join(dirname(workspacePath), 'exports');
}

/** Writes the workspace in `format` to `path`; the CLI and the job below both use it. */
export async function exportWorkspace(
  store: WorkspaceStore,
  format: ExportFormat,
  path: string,
  progress?: (done: number, total: number) => void,
): Promise<number> {
  await store.flush();
  const model = exportModel(store.data);
  const data = await EXPORT_FORMATS[format].write(model, progress);
  return writeFileAtomic(path, data);
}

type ExportHandlers = Pick<ApiHandlers, 'startExport' | 'getExportJob' | 'revealExport'>;

export function createExportHandlers(
  store: WorkspaceStore,
  hooks: ExportHooks = {},
  events?: EventHub,
): ExportHandlers {
  const jobs = new Map<string, ExportJob>();
  let count = 0;
  const find = (id: string): ExportJob => {
    const job = jobs.get(id);
    if (!job) throw new ParallaxError('not-found', `No export "${id}".`);
    return job;
  };
  return {
    async startExport({ format }) {
      const fileName = exportFileName(store.data.name, format);
      const job: ExportJob = {
        id: `export-${++count}`,
        format,
        state: 'running',
        stage: 'choosing',
        done: 0,
        total: 0,
      };
      jobs.set(job.id, job);
      const report = jobReporter(events, 'exportProgress', job);
      const path = hooks.choosePath ? await hooks.choosePath(format, fileName) : join(exportsDir(store.path), fileName);
      if (!path) {
        Object.assign(job, { state: 'cancelled', stage: 'cancelled' });
        return { ...job };
      }
      Object.assign(job, { stage: 'writing', path, fileName: path.split(/[\\/]/).pop() });
      report();
      exportWorkspace(store, format, path, (done, total) => {
        Object.assign(job, { done, total });
        report();
      })
        .then((bytes) => Object.assign(job, { state: 'done', stage: 'done', bytes, done: job.total, total: job.total }))
        .catch((err: Error) =>
          Object.assign(job, {
            state: 'failed',
            stage: 'failed',
            error: `The export could not be written: ${err.message}`,
          }),
        )
        .finally(report);
      return { ...job };
    },
    async getExportJob({ id }) {
      return { ...find(id) };
    },
    async revealExport({ id }) {
      const job = find(id);
      if (job.state !== 'done' || !job.path || !hooks.reveal) return { shown: false };
      return { shown: await hooks.reveal(job.path) };
    },
  };
}
