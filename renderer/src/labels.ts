/** How documents and passages are named in pickers, lists and hover text. */
import { citeLabel } from '../../common/labels';
import { yearOf, type DocumentSummary } from '../../common/model';

/** "O'Shea 2024", "Nagy et al. 2023": lead author's surname and year; `fallback` for an unknown document. */
export function docLabel(d: DocumentSummary | undefined, fallback: string): string {
  return d ? citeLabel(d.meta) : fallback;
}

/** "Nagy & Nguyen (2023) — Title": for the pane's document picker. */
export function pickerLabel(d: DocumentSummary): string {
  const lead = d.meta.authors[0]?.split(/\s+/).pop() ?? d.id;
  const more =
    d.meta.authors.length > 1
      ? d.meta.authors.length === 2
        ? ` & ${d.meta.authors[1].split(/\s+/).pop()}`
        : ' et al.'
      : '';
  const year = yearOf(d.meta.date);
  return `${lead}${more}${year ? ` (${year})` : ''} — ${d.meta.title}`;
}

/** A passage on one line, cut to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
