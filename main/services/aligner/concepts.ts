/**
 * Concepts: surface forms that mean the same thing for the question at hand
 * (Beijing ≈ China, Northern Territories = Kuril Islands, FOIP = free and open
 * Indo-Pacific). A starting set ships with Parallax, in data/concepts.json with where each
 * group comes from; a workspace can extend it.
 */
import starting from './data/concepts.json' with { type: 'json' };
import { tokenize } from './normalise';

/** One concept and the ways texts name it. */
export interface Concept {
  id: string;
  label: string;
  forms: string[];
}

/** The starting concepts, by group, each group with where it comes from (data/concepts.json). */
export const CONCEPT_SOURCES: readonly { source: string; concepts: Concept[] }[] = (
  starting as { groups: { source: string; concepts: Concept[] }[] }
).groups;

/** The starting concepts every workspace has (see data/concepts.json for their provenance). */
export const DEFAULT_CONCEPTS: Concept[] = CONCEPT_SOURCES.flatMap((g) => g.concepts);

/** A concept found in text: its id and the token range that named it. */
export interface ConceptHit {
  concept: string;
  /** Index of the first token and one past the last. */
  from: number;
  to: number;
}

/** Finds concept mentions in token sequences, longest form first. */
export class ConceptMatcher {
  private readonly byFirst = new Map<string, { norms: string[]; surfaces?: string[]; concept: string }[]>();

  constructor(concepts: Concept[]) {
    for (const concept of concepts) {
      for (const form of concept.forms) {
        const tokens = tokenize(form);
        const norms = tokens.map((t) => t.norm);
        if (norms.length === 0) continue;
        // Acronyms (US, UN, EU) match only as written, so "us" and "un-" stay words.
        const surfaces = /^[A-Z][A-Z.-]*$/.test(form) ? tokens.map((t) => t.surface) : undefined;
        const list = this.byFirst.get(norms[0]) ?? [];
        list.push({ norms, surfaces, concept: concept.id });
        this.byFirst.set(norms[0], list);
      }
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.norms.length - a.norms.length);
  }

  /** Concept mentions in a token sequence, not overlapping. */
  match(tokens: { norm: string; surface: string }[]): ConceptHit[] {
    const hits: ConceptHit[] = [];
    for (let i = 0; i < tokens.length;) {
      const candidates = this.byFirst.get(tokens[i].norm);
      let matched = 0;
      if (candidates) {
        for (const c of candidates) {
          if (
            c.norms.every((n, k) => tokens[i + k]?.norm === n) &&
            (!c.surfaces || c.surfaces.every((s, k) => tokens[i + k].surface === s))
          ) {
            hits.push({ concept: c.concept, from: i, to: i + c.norms.length });
            matched = c.norms.length;
            break;
          }
        }
      }
      i += matched || 1;
    }
    return hits;
  }
}
