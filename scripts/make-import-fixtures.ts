/**
 * Writes the small files the import tests read (tests/fixtures/import/): a Word
 * document made with the `docx` package and PDFs made with pdf-lib — one laid out like
 * a journal article (running header, page numbers, a footnote, a word hyphenated at a
 * line end), one with pages that are only pictures, one encrypted. Nothing is
 * downloaded. Run: `npx tsx scripts/make-import-fixtures.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, ExternalHyperlink, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

const out = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'tests', 'fixtures', 'import');
const FIXED_DATE = new Date('2024-03-05T10:00:00Z');

async function docx(): Promise<Buffer> {
  const doc = new Document({
    title: 'Deterrence after Ukraine',
    creator: 'Aiko Tanaka; Ben Okafor',
    keywords: 'deterrence, alliances',
    footnotes: { 1: { children: [new Paragraph('Defence White Paper, 2023, p. 12.')] } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Deterrence after Ukraine')] }),
          new Paragraph({
            children: [
              new TextRun('Japan must strengthen deterrence '),
              new TextRun({ text: 'now', italics: true }),
              new TextRun(', the ministry argues.'),
              new FootnoteReferenceRun(1),
            ],
          }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Alliances')] }),
          new Paragraph({ text: 'The alliance with the United States remains central.', bullet: { level: 0 } }),
          new Paragraph({ text: 'Partnerships with Australia grow.', bullet: { level: 0 } }),
          new Paragraph({
            children: [
              new TextRun('See '),
              new ExternalHyperlink({ link: 'https://example.org/report', children: [new TextRun('the full report')] }),
              new TextRun(' for details.'),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** An article: running header and page number on each page, a footnote, hyphenation at a line end. */
async function articlePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('Sanctions and their Limits');
  pdf.setAuthor('Maria Lopez and John Smith');
  pdf.setCreationDate(FIXED_DATE);
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  const bold = await pdf.embedFont(StandardFonts.TimesRomanBold);
  type Line = { x: number; text: string; ref?: string } | { gap: true };
  const pages: { heading?: string; lines: Line[]; note?: { label: string; text: string } }[] = [
    {
      heading: 'Sanctions and their Limits',
      lines: [
        { x: 90, text: 'Sanctions rarely change a government’s course on their own. They' },
        { x: 72, text: 'work best together with diplomacy and a credible threat of further' },
        { x: 72, text: 'measures, as the case of the energy embargo shows in some de-' },
        { x: 72, text: 'tail.' },
        { gap: true },
        { x: 90, text: 'A second paragraph starts here with an indented first line and' },
        { x: 72, text: 'continues on the next line until it ends with a full stop.', ref: '1' },
      ],
      note: { label: '1', text: 'See the annex for the figures.' },
    },
    {
      lines: [
        { x: 90, text: 'On the second page the argument turns to enforcement, which is' },
        { x: 72, text: 'where most sanction regimes fail in practice.' },
      ],
    },
  ];
  pages.forEach((p, n) => {
    const page = pdf.addPage([612, 792]);
    page.drawText('Journal of Test Studies · Vol. 3', { x: 72, y: 750, size: 9, font });
    page.drawText(String(n + 1), { x: 300, y: 40, size: 9, font });
    let y = 690;
    if (p.heading) {
      page.drawText(p.heading, { x: 72, y, size: 18, font: bold });
      y -= 36;
    }
    for (const line of p.lines) {
      if ('gap' in line) {
        y -= 8;
        continue;
      }
      page.drawText(line.text, { x: line.x, y, size: 12, font });
      if (line.ref)
        page.drawText(line.ref, { x: line.x + font.widthOfTextAtSize(line.text, 12) + 1, y: y + 5, size: 7, font });
      y -= 15;
    }
    if (p.note) page.drawText(`${p.note.label} ${p.note.text}`, { x: 72, y: 80, size: 9, font });
  });
  return pdf.save({ useObjectStreams: false });
}

/** Pages that are only pictures (here: drawn shapes), as a scan without OCR is. */
async function scannedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setCreationDate(FIXED_DATE);
  const page = pdf.addPage([612, 792]);
  for (let i = 0; i < 20; i++)
    page.drawRectangle({ x: 72, y: 700 - i * 30, width: 400, height: 10, color: rgb(0.2, 0.2, 0.2) });
  return pdf.save();
}

/**
 * An encrypted PDF: the article with a Standard security handler entry (revision 2)
 * whose user password is not empty, so a reader must ask for it.
 */
async function encryptedPdf(article: Uint8Array): Promise<Uint8Array> {
  const text = Buffer.from(article).toString('latin1');
  const trailerAt = text.lastIndexOf('trailer');
  const hex = (n: number, seed: number) =>
    Array.from({ length: n }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, '0')).join('');
  const encryptObj = `999 0 obj\n<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${hex(32, 7)}> /U <${hex(32, 91)}> >>\nendobj\n`;
  const body = text.slice(0, trailerAt);
  const xrefAt = body.lastIndexOf('xref');
  const withObj = body.slice(0, xrefAt) + encryptObj;
  // Rebuild: let the reader find objects by scanning (a broken xref is repaired by readers); keep it simple and valid enough.
  const trailer = text.slice(trailerAt).replace('<<', `<< /Encrypt 999 0 R /ID [<${hex(16, 3)}> <${hex(16, 3)}>]`);
  return new Uint8Array(Buffer.from(withObj + body.slice(xrefAt) + trailer, 'latin1'));
}

mkdirSync(out, { recursive: true });
const article = await articlePdf();
writeFileSync(join(out, 'deterrence.docx'), await docx());
writeFileSync(join(out, 'sanctions.pdf'), article);
writeFileSync(join(out, 'scanned.pdf'), await scannedPdf());
writeFileSync(join(out, 'encrypted.pdf'), await encryptedPdf(article));
process.stdout.write(`Wrote the import fixtures to ${out}\n`);
