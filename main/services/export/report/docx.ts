/** The report as a Word document (the `docx` package): headings, highlighted quotes, tables. */
import {
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ReportBlock, Run } from './blocks';
import { tint } from './html';

const HEADINGS = { 1: HeadingLevel.TITLE, 2: HeadingLevel.HEADING_1, 3: HeadingLevel.HEADING_2 } as const;

/** "rgb(r, g, b)" or "#rrggbb" as Word's "RRGGBB". */
function hex(color: string): string {
  const rgb = /rgb\((\d+), (\d+), (\d+)\)/.exec(color);
  if (rgb)
    return rgb
      .slice(1, 4)
      .map((c) => Number(c).toString(16).padStart(2, '0'))
      .join('')
      .toUpperCase();
  return color.replace('#', '').toUpperCase();
}

function textRuns(list: Run[]): TextRun[] {
  return list.map(
    (r) => new TextRun({ text: r.text, bold: r.bold, italics: r.italic, color: r.color ? hex(r.color) : undefined }),
  );
}

function blockToDocx(b: ReportBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[b.level], children: [new TextRun(b.text)] })];
    case 'paragraph':
      return [new Paragraph({ children: textRuns(b.runs) })];
    case 'quote': {
      const border = { style: BorderStyle.SINGLE, size: 18, color: hex(b.color ?? '#c9d1dc'), space: 8 };
      const caption = [b.cite, b.tags, b.note].filter(Boolean).join(' · ');
      return [
        new Paragraph({
          indent: { left: 360 },
          border: { left: border },
          children: [
            new TextRun({
              text: b.text,
              shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(tint(b.color)) },
            }),
          ],
        }),
        new Paragraph({
          indent: { left: 360 },
          spacing: { after: 160 },
          border: { left: border },
          children: [new TextRun({ text: caption, size: 18, color: '4B5566' })],
        }),
      ];
    }
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({
              tableHeader: true,
              children: b.header.map(
                (h) =>
                  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: h, bold: true })] })] }),
              ),
            }),
            ...b.rows.map(
              (row) =>
                new TableRow({
                  children: row.map(
                    (cell) => new TableCell({ children: [new Paragraph({ children: textRuns(cell) })] }),
                  ),
                }),
            ),
          ],
        }),
      ];
    case 'list':
      return b.items.map((i) => new Paragraph({ bullet: { level: 0 }, children: textRuns(i) }));
  }
}

export async function renderDocx(title: string, blocks: ReportBlock[]): Promise<Uint8Array> {
  const doc = new Document({
    title,
    creator: 'Parallax',
    styles: { default: { document: { run: { font: 'Georgia', size: 22 } } } },
    sections: [{ children: blocks.flatMap(blockToDocx) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
