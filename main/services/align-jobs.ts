/**
 * Running Align off the thread that serves the UI: in a worker thread when running
 * from the built app (out/main/align-worker.js), in-process otherwise (unit tests).
 * Progress is kept on the job for the renderer to poll.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Concept } from '../../common/model';
import { alignDocuments, type AlignOutput } from './aligner/align';
import type { AlignInput } from './aligner/passages';
import { appRoot } from './paths';

export interface AlignRequest {
  docs: AlignInput[];
  concepts: Concept[];
  top: number;
}

export type Progress = (stage: string, done: number, total: number) => void;
export type AlignRunner = (request: AlignRequest, onProgress: Progress) => Promise<AlignOutput>;

/** Messages from the worker. */
export type WorkerMessage =
  | { type: 'progress'; stage: string; done: number; total: number }
  | { type: 'done'; result: AlignOutput }
  | { type: 'error'; message: string };

export const inProcessRunner: AlignRunner = async (request, onProgress) => {
  await new Promise((resolve) => setImmediate(resolve));
  return alignDocuments(request.docs, { top: request.top, concepts: request.concepts, onProgress });
};

export function workerRunner(file: string): AlignRunner {
  return (request, onProgress) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(file, { workerData: request });
      let settled = false;
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') onProgress(m.stage, m.done, m.total);
        else if (m.type === 'done') {
          settled = true;
          resolve(m.result);
        } else {
          settled = true;
          reject(new Error(m.message));
        }
      });
      worker.on('error', (err) => {
        settled = true;
        reject(err);
      });
      worker.on('exit', (code) => {
        if (!settled) reject(new Error(`the aligner stopped unexpectedly (exit code ${code})`));
      });
    });
}

/** The worker when this code runs from the build (where the worker file sits), else in-process. */
export function defaultRunner(): AlignRunner {
  const built = import.meta.url.includes('/out/main/');
  const file = join(appRoot(), 'out', 'main', 'align-worker.js');
  return built && existsSync(file) ? workerRunner(file) : inProcessRunner;
}
