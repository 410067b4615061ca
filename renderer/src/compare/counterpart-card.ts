/** One counterpart in the counterparts panel: relation, similarity, the passage, what differs, actions. */
import { DIFFERENCE_KINDS, type CounterpartMatch, type Counterparts, type Relation } from '../../../common/model';
import { h } from '../dom';
import { clip } from '../labels';

const RELATION_WORD: Record<Relation, string> = { agree: 'agrees', conflict: 'conflicts', related: 'related' };

/**
 * The sentence a match is about (its focus) as a passage of its document; the rest of
 * the match is the context it was read in. A match without a focus is all focus.
 */
export function focusOf(m: CounterpartMatch): { doc: string; start: number; end: number; text: string } {
  const f = m.focus && m.focus.start >= m.start && m.focus.end <= m.end ? m.focus : m;
  return { doc: m.doc, start: f.start, end: f.end, text: m.text.slice(f.start - m.start, f.end - m.start) };
}

/**
 * The card of a match, focusable, with its Link (`.cp-link`) and Show / Open beside
 * (`.cp-show`) buttons for the panel to wire; `label` names its document.
 */
export function matchCard(m: CounterpartMatch, label: string, isOpen: boolean): HTMLElement {
  const differences = m.evidence.filter((e) => DIFFERENCE_KINDS.has(e.kind));
  const focus = focusOf(m);
  const shared = m.evidence.filter((e) => e.kind === 'shared').map((e) => e.note);
  const linkButton = h(
    'button',
    { type: 'button', class: 'primary cp-link', title: 'Make a link (Enter; 1 agree, 2 conflict, 3 related)' },
    `Link: ${m.relation}`,
  );
  const showButton = h(
    'button',
    { type: 'button', class: 'cp-show', title: isOpen ? 'Show it in its pane (O)' : 'Open it in a pane beside (O)' },
    isOpen ? 'Show' : 'Open beside',
  );
  return h(
    'article',
    {
      class: 'cp-match',
      tabindex: '0',
      'data-doc': m.doc,
      'data-start': String(m.start),
      'data-end': String(m.end),
      'aria-label': `${label}, ${RELATION_WORD[m.relation]}: ${clip(focus.text, 120)}`,
    },
    h(
      'p',
      { class: 'cp-meta' },
      h('span', { class: `sg sg-${m.relation} cp-relation` }, RELATION_WORD[m.relation]),
      ` similarity ${m.similarity.toFixed(2)} · confidence ${m.confidence.toFixed(2)}`,
    ),
    h(
      'blockquote',
      { class: 'cp-text' },
      h('span', { class: 'cp-context' }, m.text.slice(0, focus.start - m.start)),
      h('mark', {}, focus.text),
      h('span', { class: 'cp-context' }, m.text.slice(focus.end - m.start)),
    ),
    ...(differences.length
      ? [
          h(
            'ul',
            { class: 'cp-diffs', 'aria-label': 'Differences worth checking' },
            ...differences.map((e) => h('li', {}, h('b', {}, `${e.kind}: `), e.note)),
          ),
        ]
      : []),
    ...(shared.length ? [h('p', { class: 'cp-shared' }, `Shared: ${shared.slice(0, 5).join('; ')}`)] : []),
    h('div', { class: 'cp-actions' }, linkButton, showButton),
  );
}

/** Shows a card as linked (from the panel), with the relation chosen. */
export function markLinked(el: HTMLElement, relation: Relation): void {
  el.classList.add('is-linked');
  const button = el.querySelector('.cp-link');
  if (button) button.textContent = `Linked: ${relation} ✓`;
}

/** How the matches were ranked, for the panel's status. */
export function rankedBy(answer: Counterparts): string {
  if (answer.error) return answer.error;
  if (answer.state === 'refined') return 'ranked by words and meaning';
  const p = answer.progress;
  return p ? `ranked by words; adding meaning (${p.done} of ${p.total})` : 'ranked by words';
}
