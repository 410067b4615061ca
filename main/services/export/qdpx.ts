/**
 * REFI-QDA project export (.qdpx, QDA-XML 1.0, schema of 18 March 2019): a zip of
 * `project.qde` and `Sources/`. The codebook becomes Codes (nested), each document a
 * TextSource whose plain text is `Sources/<guid>.txt` (UTF-8 without BOM, LF), each
 * annotation a PlainTextSelection with a Coding per tag, notes become Notes, links
 * (an accepted suggestion is one) become Link elements — and, since not every QDA program
 * reads Links, each relation is also coded on both passages with a relation code.
 * Positions count Unicode code points, as the standard asks, not UTF-16 units.
 */
import { createHash } from 'node:crypto';
import { zipSync, strToU8 } from 'fflate';
import { tick, type ExportModel, type ExportRelation, type Progress } from './model';

/** A stable GUID (UUID layout) for an object of the workspace, so re-exports keep identities. */
export function guid(kind: string, id: string): string {
  const h = createHash('sha1').update(`parallax:${kind}:${id}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const xml = (s: string): string =>
  s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Converts UTF-16 offsets of `text` to code-point offsets (astral characters count once). */
export function codePointCounter(text: string): (offset: number) => number {
  const astral: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        astral.push(i + 1); // the low surrogate, which adds no code point
        i++;
      }
    }
  }
  return (offset) => {
    let lo = 0;
    let hi = astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (astral[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset - lo;
  };
}

const RELATION_CODES = ['agree', 'conflict', 'related'] as const;
const RELATION_COLORS = { agree: '#2e9d5b', conflict: '#d64545', related: '#3b7dd8' };

/** Relations exported: the analyst's links (an accepted suggestion is one), not undecided suggestions. */
const exported = (r: ExportRelation): boolean => r.kind === 'link';

export async function exportQdpx(model: ExportModel, progress?: Progress): Promise<Uint8Array> {
  const user = guid('user', 'parallax');
  const when = model.exportedAt.replace(/\.\d+Z$/, 'Z');
  const notes: string[] = [];
  const note = (kind: string, id: string, text: string): string => {
    const g = guid(`note-${kind}`, id);
    notes.push(
      `<Note guid="${g}" name="${xml(`Note on ${kind} ${id}`)}" creatingUser="${user}" creationDateTime="${when}"><PlainTextContent>${xml(text)}</PlainTextContent></Note>`,
    );
    return g;
  };
  // Codes: the codebook as a tree, then the relation codes under one parent.
  const children = new Map<string | null, typeof model.tags>();
  for (const t of model.tags) {
    const parent = t.parentId && model.tag(t.parentId) ? t.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), t]);
  }
  const codeXml = (parent: string | null, depth: number): string =>
    depth > 50
      ? ''
      : (children.get(parent) ?? [])
          .map(
            (t) =>
              `<Code guid="${guid('tag', t.id)}" name="${xml(t.name)}" isCodable="true" color="${t.color}">${t.description ? `<Description>${xml(t.description)}</Description>` : ''}${codeXml(t.id, depth + 1)}</Code>`,
          )
          .join('');
  const relationCodes = `<Code guid="${guid('relation', 'root')}" name="Relations between passages" isCodable="false">${RELATION_CODES.map(
    (r) => `<Code guid="${guid('relation', r)}" name="${r}" isCodable="true" color="${RELATION_COLORS[r]}"/>`,
  ).join('')}</Code>`;

  // Selections per document: annotations, then each passage of an exported relation.
  const selections = new Map<string, string[]>();
  const counters = new Map(model.documents.map((d) => [d.record.id, codePointCounter(d.text)]));
  const add = (doc: string, s: string) => {
    const list = selections.get(doc);
    if (list) list.push(s);
    else selections.set(doc, [s]);
  };
  const relations = model.relations.filter(exported);
  const total = model.annotations.length + relations.length;
  let i = 0;
  for (const a of model.annotations) {
    const cp = counters.get(a.doc);
    if (!cp || a.orphan) continue;
    const codings = a.tags
      .filter((t) => model.tag(t))
      .map(
        (t) =>
          `<Coding guid="${guid('coding', `${a.id}:${t}`)}" creatingUser="${user}"><CodeRef targetGUID="${guid('tag', t)}"/></Coding>`,
      )
      .join('');
    const noteRef = a.note ? `<NoteRef targetGUID="${note('annotation', a.id, a.note)}"/>` : '';
    add(
      a.doc,
      `<PlainTextSelection guid="${guid('annotation', a.id)}" name="${xml(a.quote.exact.slice(0, 80))}" startPosition="${cp(a.start)}" endPosition="${cp(a.end)}" creatingUser="${user}" creationDateTime="${a.createdAt.replace(/\.\d+Z$/, 'Z')}">${codings}${noteRef}</PlainTextSelection>`,
    );
    await tick(progress, ++i, total);
  }
  const links: string[] = [];
  for (const r of relations) {
    const passageGuids = r.passages.map((_, k) => guid(`${r.kind}-passage`, `${r.id}:${k}`));
    r.passages.forEach((p, k) => {
      const cp = counters.get(p.doc);
      if (!cp || p.orphan) return;
      const codings = [`relation:${r.relation}`, ...r.tags.map((t) => `tag:${t}`)]
        .filter((c) => !c.startsWith('tag:') || model.tag(c.slice(4)))
        .map((c) => {
          const [kind, id] = [c.slice(0, c.indexOf(':')), c.slice(c.indexOf(':') + 1)];
          return `<Coding guid="${guid('coding', `${r.id}:${k}:${c}`)}" creatingUser="${user}"><CodeRef targetGUID="${guid(kind, id)}"/></Coding>`;
        })
        .join('');
      add(
        p.doc,
        `<PlainTextSelection guid="${passageGuids[k]}" name="${xml(`${r.relation}: ${p.exact.slice(0, 70)}`)}" startPosition="${cp(p.start)}" endPosition="${cp(p.end)}" creatingUser="${user}">${codings}</PlainTextSelection>`,
      );
    });
    const noteRef = r.note ? `<NoteRef targetGUID="${note(r.kind, r.id, r.note)}"/>` : '';
    // A Link joins two objects: a link of several passages becomes links from the first to each other.
    const placed = r.passages.map((p) => !!counters.get(p.doc) && !p.orphan);
    for (let k = 1; k < passageGuids.length; k++) {
      if (!placed[0] || !placed[k]) continue;
      links.push(
        `<Link guid="${guid(`${r.kind}-link`, `${r.id}:${k}`)}" name="${r.relation}" direction="Associative" color="${RELATION_COLORS[r.relation]}" originGUID="${passageGuids[0]}" targetGUID="${passageGuids[k]}">${noteRef}</Link>`,
      );
    }
    await tick(progress, ++i, total);
  }

  const files: Record<string, Uint8Array> = {};
  const sources = model.documents.map((d) => {
    const g = guid('document', d.record.id);
    files[`Sources/${g}.txt`] = strToU8(d.text.replace(/\r\n?/g, '\n'));
    const m = d.record.meta;
    const description = [m.authors.join('; '), m.venue, m.date].filter(Boolean).join(' · ');
    return `<TextSource guid="${g}" name="${xml(m.title)}" plainTextPath="internal://${g}.txt" creatingUser="${user}" creationDateTime="${d.record.createdAt.replace(/\.\d+Z$/, 'Z')}">${description ? `<Description>${xml(description)}</Description>` : ''}${(selections.get(d.record.id) ?? []).join('')}</TextSource>`;
  });
  const project = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="${xml(model.name)}" origin="Parallax" creatingUserGUID="${user}" creationDateTime="${when}">
<Users><User guid="${user}" name="Parallax"/></Users>
<CodeBook><Codes>${codeXml(null, 0)}${relationCodes}</Codes></CodeBook>
<Sources>${sources.join('\n')}</Sources>
${notes.length ? `<Notes>${notes.join('\n')}</Notes>` : ''}
${links.length ? `<Links>${links.join('\n')}</Links>` : ''}
</Project>
`;
  files['project.qde'] = strToU8(project);
  return zipSync(files, { level: 1 });
}
