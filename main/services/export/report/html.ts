/** The report as one standalone HTML file: no scripts, no remote loads, styles inline, prints well. */
import type { ReportBlock, Run } from './blocks';

const escape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A tag colour as a light highlight (the colour at 35 % over white). */
export function tint(color: string | undefined, alpha = 0.35): string {
  if (!color || !/^#[0-9a-f]{6}$/i.test(color)) return 'transparent';
  const n = parseInt(color.slice(1), 16);
  const mix = (c: number) => Math.round(255 - (255 - c) * alpha);
  return `rgb(${mix(n >> 16)}, ${mix((n >> 8) & 255)}, ${mix(n & 255)})`;
}

function runs(list: Run[]): string {
  return list
    .map((r) => {
      let html = escape(r.text);
      if (r.bold) html = `<strong>${html}</strong>`;
      if (r.italic) html = `<em>${html}</em>`;
      if (r.color) html = `<span style="color:${escape(r.color)}">${html}</span>`;
      return html;
    })
    .join('');
}

const STYLE = `
body { font: 15px/1.5 Georgia, 'Times New Roman', serif; color: #1d2430; max-width: 52rem; margin: 2rem auto; padding: 0 1.5rem; }
h1, h2, h3 { font-family: system-ui, sans-serif; line-height: 1.25; }
h1 { font-size: 1.8rem; margin-bottom: .2rem; }
h2 { font-size: 1.35rem; border-bottom: 1px solid #c9d1dc; padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
figure.quote { margin: .6rem 0 .9rem; padding: 0 0 0 .8rem; border-left: 4px solid #c9d1dc; break-inside: avoid; }
figure.quote blockquote { margin: 0; }
figure.quote mark { padding: .05em .15em; border-radius: 2px; color: inherit; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
figure.quote figcaption { font: 12.5px/1.4 system-ui, sans-serif; color: #4b5566; margin-top: .2rem; }
figure.quote .note { font-style: italic; }
table { border-collapse: collapse; width: 100%; font: 13px/1.4 system-ui, sans-serif; }
th, td { border: 1px solid #c9d1dc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #eef1f5; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; } h2 { break-after: avoid; } h3 { break-after: avoid; } }
`;

function block(b: ReportBlock): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${escape(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p>${runs(b.runs)}</p>`;
    case 'quote': {
      const caption = [
        escape(b.cite),
        b.tags ? escape(b.tags) : '',
        b.note ? `<span class="note">${escape(b.note)}</span>` : '',
      ]
        .filter(Boolean)
        .join(' · ');
      return `<figure class="quote" style="border-left-color:${b.color ? escape(b.color) : '#c9d1dc'}"><blockquote><mark style="background:${tint(b.color)}">${escape(b.text)}</mark></blockquote><figcaption>${caption}</figcaption></figure>`;
    }
    case 'table':
      return `<table><thead><tr>${b.header.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
        .map((row) => `<tr>${row.map((cell) => `<td>${runs(cell)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${runs(i)}</li>`).join('')}</ul>`;
  }
}

export function renderHtml(title: string, blocks: ReportBlock[]): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="Parallax">
<title>${escape(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${blocks.map(block).join('\n')}
</body>
</html>
`;
}
