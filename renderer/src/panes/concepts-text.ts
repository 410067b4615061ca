/** The concepts dialog's text format: "Name: form; another form", one concept per line. */
import type { Concept } from '../../../common/model';
import { slug as slugOf } from '../../../common/slug';

/** The id of a concept named `label`. */
export function slug(label: string): string {
  return slugOf(label, 80, 'concept');
}

/** Parses "Label: form; form" lines; returns concepts or the first problem, by line. */
export function parseConcepts(text: string): { concepts: Concept[] } | { error: string } {
  const concepts: Concept[] = [];
  const ids = new Set<string>();
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return { error: `Line ${i + 1}: write "Name: form; another form".` };
    const label = line.slice(0, colon).trim();
    const forms = line
      .slice(colon + 1)
      .split(';')
      .map((f) => f.trim())
      .filter(Boolean);
    if (forms.length === 0) return { error: `Line ${i + 1}: "${label}" needs at least one form after the colon.` };
    if (label.length > 200 || forms.some((f) => f.length > 200))
      return { error: `Line ${i + 1}: names and forms are limited to 200 characters.` };
    let id = slug(label);
    for (let n = 2; ids.has(id); n++) id = `${slug(label)}-${n}`;
    ids.add(id);
    concepts.push({ id, label, forms: [label, ...forms.filter((f) => f !== label)] });
  }
  return { concepts };
}

export function formatConcepts(concepts: Concept[]): string {
  return concepts.map((c) => `${c.label}: ${c.forms.filter((f) => f !== c.label).join('; ')}`).join('\n');
}
