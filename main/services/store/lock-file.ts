/**
 * One writer per workspace file. Electron holds a single-instance lock; the local host
 * and the CLI (and Electron too, since they may share a file) hold `<file>.lock`,
 * created exclusively and naming the owner. A lock left by a process that no longer
 * runs (a crash, a kill) is taken over.
 */
import { openSync, closeSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { ParallaxError } from '../../../common/api';

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

/** A held lock; `release` is idempotent. */
export interface WorkspaceLock {
  path: string;
  /** Set when a stale lock of a dead process was taken over. */
  tookOverFrom?: LockOwner;
  release(): void;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
    return typeof owner.pid === 'number' ? owner : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the lock of the workspace at `workspacePath` or throws a `locked` error naming the holder. */
export function acquireLock(workspacePath: string): WorkspaceLock {
  const path = `${workspacePath}.lock`;
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  let tookOverFrom: LockOwner | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      try {
        writeSync(fd, JSON.stringify(me));
      } finally {
        closeSync(fd);
      }
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new ParallaxError('storage', `Cannot lock the workspace ${workspacePath}: ${(err as Error).message}`);
      }
      const owner = readOwner(path);
      if (owner && (owner.host !== me.host || isRunning(owner.pid))) {
        const who = owner.pid === process.pid ? 'this process' : `process ${owner.pid} on ${owner.host}`;
        throw new ParallaxError(
          'locked',
          `The workspace ${workspacePath} is already open in another Parallax (${who}, since ${owner.since}). Close it there first, or use another workspace file.`,
        );
      }
      if (attempt > 0) {
        throw new ParallaxError('locked', `The workspace ${workspacePath} was just opened by another Parallax.`);
      }
      // The owner is gone (a crash or a kill): take the lock over.
      tookOverFrom = owner;
      try {
        unlinkSync(path);
      } catch {
        // Another process removed it first; the next attempt decides.
      }
    }
  }
  let held = true;
  const release = (): void => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    try {
      if (readOwner(path)?.pid === me.pid) unlinkSync(path);
    } catch {
      // Already gone.
    }
  };
  process.on('exit', release);
  return { path, tookOverFrom, release };
}
