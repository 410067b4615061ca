/** The report as Markdown (CommonMark): quotes as block quotes, tables as pipe tables. */
import type { ReportBlock, Run } from './blocks';

/** Escapes characters Markdown would read as markup. */
export function escapeMd(text: string): string {
  return text.replace(/([\\`*_[\]{}<>#|!~])/g, '\\$1').replace(/^([-+]|\d+\.)(\s)/gm, '\\$1$2');
}

const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, ' ');

function runs(list: Run[]): string {
  return list
    .map((r) => {
      const text = escapeMd(oneLine(r.text));
      if (!text.trim()) return text;
      if (r.bold) return `**${text}**`;
      if (r.italic) return `*${text}*`;
      return text;
    })
    .join('');
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
