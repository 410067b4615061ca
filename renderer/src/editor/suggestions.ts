/**
 * Suggested alignments shown in a pane: each passage faintly tinted by its relation
 * (agree, conflict, related), its evidence underlined, and the relation, the other
 * passage and the cues on hover. Decorations live in plugin state and are mapped
 * through edits; a new set arrives as transaction metadata.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { offsetToPos, plainTextOf } from '../../../common/plaintext';

/** A passage of this pane's document to mark, as plain-text offsets. */
export interface SuggestionMark {
  id: string;
  relation: 'agree' | 'conflict' | 'related';
  start: number;
  end: number;
  /** Hover text: relation, the other passage, the cues. */
  title: string;
  /** Evidence on this side: plain-text offsets and whether it is a shared term or a cue. */
  evidence: { range: [number, number]; cue: boolean }[];
  /** Under focus (the one being reviewed): drawn strongly, the others stay quiet. */
  focused?: boolean;
}

export const suggestionKey = new PluginKey<DecorationSet>('suggestions');

/** Builds the decorations of suggestion marks on a document. */
export function suggestionDecorations(doc: Node, marks: SuggestionMark[]): DecorationSet {
  const pt = plainTextOf(doc);
  const decorations: Decoration[] = [];
  for (const m of marks) {
    const from = offsetToPos(pt, m.start, 'after');
    const to = offsetToPos(pt, m.end, 'before');
    if (to <= from) continue;
    decorations.push(
      Decoration.inline(
        from,
        to,
        // Overlapping decorations share one element (classes joined, other attributes
        // overwritten), so the suggestion's id also travels as a class.
        {
          class: `sg sg-${m.relation} sg-id-${m.id}${m.focused ? ' sg-focus' : ''}`,
          title: m.title,
          'data-suggestion': m.id,
        },
        { suggestion: m.id },
      ),
    );
    for (const { range, cue } of m.evidence) {
      const ef = offsetToPos(pt, range[0], 'after');
      const et = offsetToPos(pt, range[1], 'before');
      const kind = cue ? 'sg-cue' : 'sg-shared';
      if (et > ef)
        decorations.push(Decoration.inline(ef, et, { class: `sg-evidence ${kind} sg-evidence-${m.relation}` }));
    }
  }
  return DecorationSet.create(doc, decorations);
}

/** The plugin; `onClick` receives the suggestions under a click, innermost (shortest) first. */
export function suggestions(
  onClick?: (view: EditorView, ids: string[], event: MouseEvent, pos: number) => boolean,
): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: suggestionKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr: Transaction, set: DecorationSet): DecorationSet {
        const next = tr.getMeta(suggestionKey) as DecorationSet | undefined;
        return next ?? set.map(tr.mapping, tr.doc);
      },
    },
    props: {
      decorations: (state: EditorState) => suggestionKey.getState(state),
      handleClick(view, pos, event) {
        if (!onClick) return false;
        const found = (suggestionKey.getState(view.state)?.find(pos, pos) ?? []).filter((d) => d.spec.suggestion);
        found.sort((x, y) => x.to - x.from - (y.to - y.from));
        return found.length
          ? onClick(view, [...new Set(found.map((d) => d.spec.suggestion as string))], event, pos)
          : false;
      },
    },
  });
}

/** Where a suggestion's passage is in the pane's document, if it is there. */
export function suggestionPosition(state: EditorState, id: string): { from: number; to: number } | undefined {
  const found = suggestionKey.getState(state)?.find(undefined, undefined, (spec) => spec.suggestion === id) ?? [];
  return found.length ? { from: found[0].from, to: found[0].to } : undefined;
}

/** The suggestions of a pane in reading order (by where their passage starts). */
export function suggestionOrder(state: EditorState): string[] {
  const found = (suggestionKey.getState(state)?.find() ?? []).filter((d) => d.spec.suggestion);
  found.sort((x, y) => x.from - y.from || x.to - y.to);
  return [...new Set(found.map((d) => d.spec.suggestion as string))];
}

/** A transaction that replaces the suggestion marks of a state. */
export function setSuggestions(state: EditorState, marks: SuggestionMark[]): Transaction {
  return state.tr.setMeta(suggestionKey, suggestionDecorations(state.doc, marks)).setMeta('addToHistory', false);
}
