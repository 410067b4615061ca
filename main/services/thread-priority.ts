/**
 * Lowers the scheduling priority of the calling thread (on Linux a thread is a task with a
 * nice value of its own, named by /proc/thread-self), so background work — encoding, an
 * Align run — takes what the threads answering the analyst leave of every core. Elsewhere,
 * or when not permitted, the thread keeps the normal priority.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

export function lowerThreadPriority(nice: number): void {
  try {
    if (process.platform === 'linux') setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), nice);
  } catch {
    // Not permitted or not available: run at normal priority.
  }
}
