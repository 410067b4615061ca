/**
 * Opening a workspace file whatever state it is in, without ever losing what is on disk:
 *
 * - valid: opened; invalid records are left out and listed, the file as it was is
 *   first kept verbatim beside it (`<file>.damaged-<time>`);
 * - damaged: the newest good backup by the time it was taken is opened, backups that
 *   cannot be opened are skipped and named; the damaged file is copied aside (fsynced)
 *   and stays in place until the caller has written the replacement;
 * - missing while backups exist: the newest good backup is opened, with a notice;
 * - written by a newer Parallax (the file, or the only readable backups): nothing is
 *   touched and opening fails with a `storage` error saying so.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ParallaxError } from '../../../common/api';
import { type WorkspaceFile } from '../../../common/model';
import { listBackupsByTime, timestamp } from './backups';
import { writeFileDurably } from './durable-file';
import { describeDropped, parseWorkspace } from './validate';

/** What opening found, for the store to write (if `mustWrite`) and to tell. */
export interface LoadedWorkspace {
  /** The data to open; undefined when a new workspace must be started. */
  data?: WorkspaceFile;
  /** The file format the data was migrated from, when it was older. */
  migratedFrom?: number;
  notices: string[];
  /** Whether the file on disk must be rewritten now (recovered, cleaned, migrated or new). */
  mustWrite: boolean;
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ParallaxError('storage', `Cannot read the workspace ${path}: ${(err as Error).message}`);
  }
}

/** Keeps the file's text as it was, durably, beside it; returns the copy's path. */
async function keepAside(path: string, raw: string): Promise<string> {
  const aside = `${path}.damaged-${timestamp()}`;
  try {
    await writeFileDurably(aside, raw);
  } catch (err) {
    throw new ParallaxError(
      'storage',
      `The workspace ${path} needs repair, but a copy of it could not be kept first (${(err as Error).message}); nothing was changed.`,
    );
  }
  return aside;
}

interface BackupSearch {
  data?: WorkspaceFile;
  from?: string;
  takenAt?: number;
  /** Backups that could not be opened, with why. */
  skipped: string[];
  /** Whether a skipped backup was written by a newer Parallax. */
  newer: boolean;
}

/** The newest backup that opens, by the time each was taken. */
async function newestGoodBackup(path: string): Promise<BackupSearch> {
  const search: BackupSearch = { skipped: [], newer: false };
  for (const backup of await listBackupsByTime(path)) {
    const raw = await readFile(backup.path, 'utf8').catch((err: Error) => err);
    const parsed = typeof raw === 'string' ? parseWorkspace(raw) : undefined;
    if (parsed?.kind === 'ok') {
      return { ...search, data: parsed.data, from: backup.path, takenAt: backup.takenAt };
    }
    if (parsed?.kind === 'newer') search.newer = true;
    const why = !parsed ? (raw as Error).message : parsed.kind === 'newer' ? parsed.message : parsed.problem;
    search.skipped.push(`${basename(backup.path)} (${why})`);
  }
  return search;
}

function skippedNote(search: BackupSearch): string {
  return search.skipped.length ? ` Backups that could not be opened were skipped: ${search.skipped.join('; ')}.` : '';
}

/** A time for people: "2026-01-01 09:30 UTC". */
function readableTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function openedNote(search: BackupSearch): string {
  return `the newest good backup (${basename(search.from!)}, taken ${readableTime(search.takenAt!)}) was opened instead`;
}

function refuseNewer(path: string, problem: string, search: BackupSearch): never {
  throw new ParallaxError(
    'storage',
    `The workspace ${path} ${problem}, and its only readable backups were saved by a newer version of Parallax.${skippedNote(search)} Nothing was changed: open it with that version, or move the backups away to start anew.`,
  );
}

/** Reads the workspace at `path`, recovering what can be recovered. */
export async function loadWorkspace(path: string): Promise<LoadedWorkspace> {
  const raw = await readIfExists(path);
  if (raw === undefined) {
    const backups = await listBackupsByTime(path);
    if (!backups.length) return { notices: [], mustWrite: true };
    const search = await newestGoodBackup(path);
    if (!search.data && search.newer) refuseNewer(path, 'is missing', search);
    const notice = search.data
      ? `The workspace file ${path} was missing; ${openedNote(search)}.${skippedNote(search)}`
      : `The workspace file ${path} was missing and none of its backups could be opened, so a new workspace was started; the backups are left as they were.${skippedNote(search)}`;
    return { data: search.data, notices: [notice], mustWrite: true };
  }
  const parsed = parseWorkspace(raw);
  if (parsed.kind === 'newer') {
    throw new ParallaxError('storage', `This workspace (${path}) ${parsed.message}. Update Parallax to open it.`);
  }
  if (parsed.kind === 'ok') {
    const migratedFrom =
      parsed.from !== undefined && parsed.from !== parsed.data.schemaVersion ? parsed.from : undefined;
    if (!parsed.dropped.length) return { data: parsed.data, migratedFrom, notices: [], mustWrite: false };
    const aside = await keepAside(path, raw);
    const count = parsed.dropped.length;
    return {
      data: parsed.data,
      migratedFrom,
      notices: [
        `${count} record${count === 1 ? '' : 's'} of the workspace could not be read and ${count === 1 ? 'was' : 'were'} left out: ${describeDropped(parsed.dropped)}. Everything else was opened; the file as it was is kept as ${aside}.`,
      ],
      mustWrite: true,
    };
  }
  const problem = `could not be read: ${parsed.problem}`;
  const search = await newestGoodBackup(path);
  if (!search.data && search.newer) refuseNewer(path, problem, search);
  // Copied, not renamed: the damaged file stays until the store has written its replacement.
  const aside = await keepAside(path, raw);
  const notice = search.data
    ? `The workspace file ${problem}. It was kept as ${aside}, and ${openedNote(search)}; changes made after that backup are in the damaged copy only.${skippedNote(search)}`
    : `The workspace file ${problem}. It was kept as ${aside}. No good backup was found, so a new workspace was started.${skippedNote(search)}`;
  return { data: search.data, notices: [notice], mustWrite: true };
}
