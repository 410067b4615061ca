/**
 * Reading a workspace file's text into a WorkspaceFile: parse, migrate, validate.
 *
 * Validation is per record: every list of records in the workspace (documents,
 * annotations, suggestions, the codebook, concepts, and any list added later) is checked
 * one record at a time, so one bad record costs that record, not the file. The records
 * left out are listed for the user; the file as it was is kept verbatim by the caller.
 * Nothing here recurses on the data (see json-guard.ts and node-json.ts), so a file
 * nested arbitrarily deep is reported as damaged instead of overflowing the stack.
 */
import { z } from 'zod';
import { describeIssues } from '../../../common/api';
import { inspectJSON, describePath } from '../../../common/json-guard';
import { SCHEMA_VERSION, WorkspaceFile, type DocumentRecord } from '../../../common/model';
import { migrate, versionOf } from './migrations';

/** A record left out of a workspace because it is invalid. */
export interface DroppedRecord {
  /** Where it was: "annotations[12]". */
  where: string;
  /** Its id, when it has one. */
  id?: string;
  problem: string;
}

export type ParsedWorkspace =
  | { kind: 'ok'; data: WorkspaceFile; from: number | undefined; dropped: DroppedRecord[] }
  | { kind: 'damaged'; problem: string }
  /** Written by a newer Parallax: not damaged, must not be touched. */
  | { kind: 'newer'; message: string };

/** JSON nesting allowed for one record of a list (a document record and its deepest node). */
const MAX_RECORD_DEPTH = 236;

/** The element schema of a list field (through `.default()` and `.optional()`), if it is one. */
function elementSchema(schema: z.ZodType): z.ZodType | undefined {
  let current: z.ZodType = schema;
  for (let i = 0; i < 4; i++) {
    if (current instanceof z.ZodArray) return current.element as z.ZodType;
    if (current instanceof z.ZodDefault || current instanceof z.ZodOptional || current instanceof z.ZodNullable) {
      current = current.unwrap() as z.ZodType;
    } else return undefined;
  }
  return undefined;
}

/** The list fields of the workspace file and the schema of their records. */
const RECORD_LISTS: [string, z.ZodType][] = Object.entries(WorkspaceFile.shape).flatMap(([key, schema]) => {
  const element = elementSchema(schema as z.ZodType);
  return element ? [[key, element] as [string, z.ZodType]] : [];
});

/** Names of the workspace's record lists (for tests and messages). */
export const recordListNames = RECORD_LISTS.map(([key]) => key);

function idOf(record: unknown): string | undefined {
  const id = (record as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id.slice(0, 80) : undefined;
}

/** Keeps the valid records of every list, returning the ones left out. */
function dropInvalidRecords(data: Record<string, unknown>): DroppedRecord[] {
  const dropped: DroppedRecord[] = [];
  for (const [key, schema] of RECORD_LISTS) {
    const list = data[key];
    if (!Array.isArray(list)) continue; // a missing or wrong list fails the whole-file check
    const kept: unknown[] = [];
    list.forEach((record, i) => {
      const deep = inspectJSON(record, MAX_RECORD_DEPTH, { checkText: false });
      const problem =
        deep?.kind === 'too-deep'
          ? `${describePath(deep.path)}: ${deep.message}`
          : (() => {
              const result = schema.safeParse(record);
              return result.success ? undefined : describeIssues(result.error);
            })();
      if (problem) dropped.push({ where: `${key}[${i}]`, id: idOf(record), problem });
      else kept.push(record);
    });
    data[key] = kept;
  }
  return dropped;
}

/** Panes showing a document that was left out show another one (or the layout is rebuilt). */
function repairLayout(data: Record<string, unknown>): void {
  const documents = data.documents as DocumentRecord[] | undefined;
  const layout = data.layout as { panes?: { docId?: unknown }[] } | undefined;
  if (!Array.isArray(documents) || !layout || !Array.isArray(layout.panes)) return;
  const ids = new Set(documents.map((d) => d.id));
  const panes = layout.panes.filter((p) => ids.has(p.docId as string));
  if (panes.length === layout.panes.length) return;
  layout.panes = panes.length || !documents.length ? panes : [{ ...layout.panes[0], docId: documents[0].id }];
}

/** Parses, migrates and validates a workspace file's text, keeping what is valid. */
export function parseWorkspace(raw: string): ParsedWorkspace {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    return { kind: 'damaged', problem: `it is not valid JSON (${(err as Error).message})` };
  }
  const version = versionOf(json);
  if (version !== undefined && version > SCHEMA_VERSION) {
    return {
      kind: 'newer',
      message: `it was saved by a newer version of Parallax (file format ${version}; this version reads up to ${SCHEMA_VERSION})`,
    };
  }
  let migrated: { data: unknown; from: number | undefined };
  try {
    migrated = migrate(json);
  } catch (err) {
    return { kind: 'damaged', problem: (err as Error).message };
  }
  const data = migrated.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return { kind: 'damaged', problem: 'it is not a Parallax workspace (no workspace object)' };
  }
  const record = { ...(data as Record<string, unknown>) };
  // The common case, a sound file, in one pass of each check; records one by one only if not.
  if (!inspectJSON(record, MAX_RECORD_DEPTH + 2, { checkText: false })) {
    const whole = WorkspaceFile.safeParse(record);
    if (whole.success) return { kind: 'ok', data: whole.data, from: migrated.from, dropped: [] };
  }
  const dropped = dropInvalidRecords(record);
  // Outside the record lists, the few other fields must not nest deep either.
  const rest = Object.fromEntries(Object.entries(record).filter(([key]) => !recordListNames.includes(key)));
  const deep = inspectJSON(rest, MAX_RECORD_DEPTH, { checkText: false });
  if (deep) return { kind: 'damaged', problem: `${describePath(deep.path)}: ${deep.message}` };
  if (dropped.some((d) => d.where.startsWith('documents['))) repairLayout(record);
  const result = WorkspaceFile.safeParse(record);
  if (!result.success) {
    return { kind: 'damaged', problem: `it is not a valid Parallax workspace (${describeIssues(result.error)})` };
  }
  return { kind: 'ok', data: result.data, from: migrated.from, dropped };
}

/** Records named one by one in a notice; the rest are counted. */
const NAMED_IN_NOTICE = 10;

/** One line listing the records left out, for a notice (each with its first problem, shortened). */
export function describeDropped(dropped: DroppedRecord[]): string {
  const shown = dropped
    .slice(0, NAMED_IN_NOTICE)
    .map((d) => {
      const problem = d.problem.length > 100 ? `${d.problem.slice(0, 99)}…` : d.problem;
      return `${d.where}${d.id ? ` "${d.id}"` : ''} (${problem})`;
    })
    .join('; ');
  return dropped.length > NAMED_IN_NOTICE ? `${shown}; and ${dropped.length - NAMED_IN_NOTICE} more` : shown;
}
