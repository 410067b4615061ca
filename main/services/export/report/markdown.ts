/** The report as Markdown (CommonMark): quotes as block quotes, tables as pipe tables. */
import type { ReportBlock, Run } from './blocks';

/** Escapes characters Markdown would read as markup. */
export function escapeMd(text: string): string {
  return text.replace(/([\\`*_[\]{}<>#|!~])/g, '\\$1').replace(/^([-+]|\d+\.)(\s)/gm, '\\$1$2');
}

const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, ' ');

/**
 * A run with its emphasis. CommonMark reads `**` and `*` as emphasis only against the words
 * they wrap ("**Note:** x", not "**Note: **x"), so the run's outer spaces stay outside them.
 */
function run(r: Run): string {
  const text = escapeMd(oneLine(r.text));
  const marker = r.bold ? '**' : r.italic ? '*' : '';
  if (!marker || !text.trim()) return text;
  const [, before, inner, after] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return `${before}${marker}${inner}${marker}${after}`;
}

function runs(list: Run[]): string {
  // Two emphasised runs that touch ("**a***b*") would read as one delimiter run: a space between them.
  return list
    .map(run)
    .reduce((out, next) => (out.endsWith('*') && next.startsWith('*') ? `${out} ${next}` : out + next), '');
}

function block(b: ReportBlock): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${escapeMd(oneLine(b.text))}`;
    case 'paragraph':
      return runs(b.runs);
    case 'quote': {
      const lines = b.text.split(/\n+/).map((l) => `> ${escapeMd(l)}`);
      const caption = [b.cite, b.tags, b.note ? `Note: ${oneLine(b.note)}` : '']
        .filter(Boolean)
        .map((s) => escapeMd(oneLine(s!)));
      return [...lines, '>', `> — ${caption.join(' · ')}`].join('\n');
    }
    case 'table':
      return [
        `| ${b.header.map(escapeMd).join(' | ')} |`,
        `| ${b.header.map(() => '---').join(' | ')} |`,
        ...b.rows.map((row) => `| ${row.map((cell) => runs(cell.filter((r) => !r.color))).join(' | ')} |`),
      ].join('\n');
    case 'list':
      return b.items.map((i) => `- ${runs(i)}`).join('\n');
  }
}

export function renderMarkdown(blocks: ReportBlock[]): string {
  return `${blocks.map(block).join('\n\n')}\n`;
}
