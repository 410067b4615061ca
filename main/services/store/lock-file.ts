/**
 * One writer per workspace file. Electron holds a single-instance lock; the local host
 * and the CLI (and Electron too, since they may share a file) hold `<file>.lock`,
 * created atomically with the owner's name already in it. A lock left by a process that
 * no longer runs (a crash, a kill) is taken over; an unreadable lock younger than 10 s is
 * respected (another Parallax may be writing it).
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
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

/** How long an unreadable lock file counts as being written by a starting Parallax. */
const FRESH_LOCK_MS = 10_000;

function readRaw(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function parseOwner(raw: string | undefined): LockOwner | undefined {
  try {
    const owner = JSON.parse(raw ?? '') as LockOwner;
    return typeof owner?.pid === 'number' ? owner : undefined;
  } catch {
    return undefined;
  }
}

function readOwner(path: string): LockOwner | undefined {
  return parseOwner(readRaw(path));
}

function privateName(path: string, what: string): string {
  return `${path}.${what}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/**
 * Creates the lock file with its owner already written: the owner goes to a private
 * file first, which is then hard-linked to the lock's name (atomic, and failing if the
 * lock exists). Another starter never sees an empty lock. Where the file system has no
 * hard links, falls back to exclusive create + write. False when the lock exists.
 */
function createLock(path: string, me: LockOwner): boolean {
  const temp = privateName(path, 'new');
  writeFileSync(temp, JSON.stringify(me), { flag: 'wx' });
  try {
    linkSync(temp, path);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw err;
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
  }
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, JSON.stringify(me));
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Removes a stale lock, but only the one judged stale: it is renamed to a private name
 * first (atomic), then compared; a lock another starter created meanwhile is put back.
 */
function removeStale(path: string, judged: string | undefined): boolean {
  const moved = privateName(path, 'stale');
  try {
    renameSync(path, moved);
  } catch {
    return true; // gone already: try again
  }
  const content = readRaw(moved);
  if (content !== judged) {
    try {
      linkSync(moved, path);
    } catch {
      // a third starter holds it now; ours was theirs to lose
    }
    unlinkSync(moved);
    return false;
  }
  unlinkSync(moved);
  return true;
}

function lockedError(workspacePath: string, owner: LockOwner | undefined): ParallaxError {
  if (!owner) return new ParallaxError('locked', `The workspace ${workspacePath} was just opened by another Parallax.`);
  const who = owner.pid === process.pid ? 'this process' : `process ${owner.pid} on ${owner.host}`;
  return new ParallaxError(
    'locked',
    `The workspace ${workspacePath} is already open in another Parallax (${who}, since ${owner.since}). Close it there first, or use another workspace file.`,
  );
}

/** Takes the lock of the workspace at `workspacePath` or throws a `locked` error naming the holder. */
export function acquireLock(workspacePath: string): WorkspaceLock {
  const path = `${workspacePath}.lock`;
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  let tookOverFrom: LockOwner | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      if (createLock(path, me)) break;
    } catch (err) {
      throw new ParallaxError('storage', `Cannot lock the workspace ${workspacePath}: ${(err as Error).message}`);
    }
    const raw = readRaw(path);
    const owner = parseOwner(raw);
    if (owner && (owner.host !== me.host || isRunning(owner.pid))) throw lockedError(workspacePath, owner);
    if (!owner) {
      // Unreadable: being written by a starting Parallax of an older kind, or left broken.
      const age = Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (age < FRESH_LOCK_MS) throw lockedError(workspacePath, undefined);
    }
    if (attempt > 2) throw lockedError(workspacePath, undefined);
    // The owner is gone (a crash or a kill): take the lock over.
    tookOverFrom = owner;
    if (!removeStale(path, raw)) throw lockedError(workspacePath, undefined);
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
