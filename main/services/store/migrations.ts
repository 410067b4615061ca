/**
 * Numbered migrations of the workspace file. `MIGRATIONS[n]` turns a version-n file
 * into version n+1; a file is migrated one step at a time up to SCHEMA_VERSION. A
 * migration only reshapes data; the result is validated against the schema after.
 */
import { ParallaxError } from '../../../common/api';
import { SCHEMA_VERSION } from '../../../common/model';
import { starterCodebook } from './starter-codebook';

type Raw = Record<string, unknown>;

export const MIGRATIONS: Record<number, (data: Raw) => Raw> = {
  /** 1 → 2: the codebook (starting with the starter codes) and annotations. */
  1: (data) => ({
    ...data,
    concepts: data.concepts ?? [],
    suggestions: data.suggestions ?? [],
    codebook: starterCodebook(),
    annotations: [],
    schemaVersion: 2,
  }),
  /**
   * 2 → 3: links. Suggestions the analyst accepted become links (a link survives edits of
   * its passages; an accepted suggestion did not). Their quotes get context when the
   * workspace opens and the ends are anchored against the current text.
   */
  2: (data) => ({
    ...data,
    links: [
      ...(Array.isArray(data.links) ? data.links : []),
      ...(Array.isArray(data.suggestions) ? (data.suggestions as Raw[]) : [])
        .filter((s) => s && s.status === 'accepted')
        .map((s) => linkFromAcceptedSuggestion(s)),
    ],
    schemaVersion: 3,
  }),
};

function linkFromAcceptedSuggestion(s: Raw): Raw {
  const end = (side: unknown): Raw => {
    const x = (side ?? {}) as Raw;
    return {
      doc: x.doc,
      start: x.start,
      end: x.end,
      quote: { exact: x.text, prefix: '', suffix: '' },
      revision: x.revision,
      orphan: false,
    };
  };
  const now = new Date().toISOString();
  return {
    id: `ln-${String(s.id)
      .replace(/[^A-Za-z0-9_-]/g, '-')
      .slice(0, 60)}`,
    relation: s.relation,
    ends: [end(s.a), end(s.b)],
    tags: [],
    note: '',
    suggestion: s.id,
    createdAt: now,
    updatedAt: now,
  };
}

/** The schema version a parsed file declares; `undefined` if it declares none. */
export function versionOf(data: unknown): number | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const version = (data as Raw).schemaVersion;
  return Number.isInteger(version) && (version as number) >= 1 ? (version as number) : undefined;
}

/**
 * Brings parsed JSON up to SCHEMA_VERSION. Throws a `storage` error for a file written
 * by a newer Parallax (that file is not damaged and must not be touched).
 */
export function migrate(data: unknown): { data: unknown; from: number | undefined } {
  const from = versionOf(data);
  if (from === undefined) return { data, from };
  if (from > SCHEMA_VERSION) {
    throw new ParallaxError(
      'storage',
      `This workspace was saved by a newer version of Parallax (file format ${from}; this version reads up to ${SCHEMA_VERSION}). Update Parallax to open it.`,
    );
  }
  let current = data as Raw;
  for (let v = from; v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new ParallaxError('storage', `No migration from workspace format ${v}.`);
    current = step(current);
  }
  return { data: current, from };
}
