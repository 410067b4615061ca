/**
 * The backups of a workspace: copies of the last good file in `<file>.backups/`, each
 * named with the time it was taken. Recovery orders them by that recorded time, not
 * by file name (names start with the workspace's own name or "before-format-", so a
 * name order put a pre-upgrade copy of "analysis.json" ahead of the newest backup).
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A file-name-safe ISO time: 2026-11-22T02-21-27-123Z. */
export function timestamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

const STAMP = /(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.json$/;

/** The folder of a workspace's backups. */
export function backupsDir(path: string): string {
  return join(dirname(path), `${basename(path)}.backups`);
}

/** The file name of a regular backup taken now. */
export function backupName(path: string, date = new Date()): string {
  return `${basename(path, '.json')}-${timestamp(date)}.json`;
}

/** Whether a backup is a copy kept from before a format upgrade (never pruned). */
export function isFormatCopy(backup: string): boolean {
  return basename(backup).startsWith('before-format-');
}

/** A backup and when it was taken. */
export interface Backup {
  path: string;
  /** Milliseconds since 1970: the time in its name, else its modification time. */
  takenAt: number;
}

/** When a backup was taken, from the time recorded in its name (its mtime if it has none). */
export async function backupTime(path: string): Promise<number> {
  const m = STAMP.exec(basename(path));
  if (m) {
    const time = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
    if (!Number.isNaN(time)) return time;
  }
  return (await stat(path).catch(() => undefined))?.mtimeMs ?? 0;
}

/** Backups of a workspace, newest first by the time each was taken. */
export async function listBackupsByTime(path: string): Promise<Backup[]> {
  const dir = backupsDir(path);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  const backups = await Promise.all(
    names.map(async (n) => ({ path: join(dir, n), takenAt: await backupTime(join(dir, n)) })),
  );
  return backups.sort((a, b) => b.takenAt - a.takenAt || b.path.localeCompare(a.path));
}

/** Backup files of a workspace, newest first by the time each was taken. */
export async function listBackups(path: string): Promise<string[]> {
  return (await listBackupsByTime(path)).map((b) => b.path);
}
