/**
 * CSV export for spreadsheets: UTF-8 with a byte-order mark (so Excel reads it as
 * UTF-8), RFC 4180 quoting by csv-stringify, CRLF line ends, and cells that a
 * spreadsheet would run as a formula (= + - @, tab, carriage return) prefixed with an
 * apostrophe (OWASP's advice on CSV injection). One row per annotation, then one per
 * link or suggestion with its partner passages.
 */
import { stringify } from 'csv-stringify/sync';
import { tick, type ExportModel, type ExportPassage, type Progress } from './model';

export const CSV_COLUMNS = [
  'kind',
  'id',
  'document',
  'title',
  'authors',
  'date',
  'start',
  'end',
  'quote',
  'tags',
  'note',
  'relation',
  'status',
  'partner_document',
  'partner_title',
  'partner_authors',
  'partner_date',
  'partner_quote',
] as const;

/** Makes a cell safe to open in a spreadsheet: a leading formula character is escaped. */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export async function exportCsv(model: ExportModel, progress?: Progress): Promise<string> {
  const rows: string[][] = [[...CSV_COLUMNS]];
  const docCells = (p: ExportPassage | undefined) => {
    const d = p ? model.doc(p.doc) : undefined;
    return [p?.doc ?? '', d?.record.meta.title ?? '', d?.authors ?? '', d?.record.meta.date ?? ''];
  };
  const total = model.annotations.length + model.relations.length;
  let i = 0;
  for (const a of model.annotations) {
    rows.push([
      a.orphan ? 'annotation (orphan)' : 'annotation',
      a.id,
      ...docCells({ doc: a.doc, start: a.start, end: a.end, exact: a.quote.exact }),
      String(a.start),
      String(a.end),
      a.quote.exact,
      a.tags.map((t) => model.tagPath(t)).join('; '),
      a.note,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    await tick(progress, ++i, total);
  }
  for (const r of model.relations) {
    const [first, ...partners] = r.passages;
    const partnerDocs = partners.map((p) => docCells(p));
    const join = (k: number) => partnerDocs.map((c) => c[k]).join(' | ');
    rows.push([
      r.kind,
      r.id,
      ...docCells(first),
      String(first?.start ?? ''),
      String(first?.end ?? ''),
      first?.exact ?? '',
      r.tags.map((t) => model.tagPath(t)).join('; '),
      r.note,
      r.relation,
      r.status,
      join(0),
      join(1),
      join(2),
      join(3),
      partners.map((p) => p.exact).join(' | '),
    ]);
    await tick(progress, ++i, total);
  }
  return stringify(
    rows.map((row) => row.map(neutralise)),
    { bom: true, record_delimiter: 'windows' },
  );
}
