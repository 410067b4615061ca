/** Where the counterparts panel's answers come from. */
import type { Counterparts, PassageRef } from '../../../common/model';

/** A passage of a document: plain-text offsets and the text they cover. */
export type Passage = PassageRef;

export type CounterpartQuery = { doc: string; start: number; end: number };

/** Asks for the counterparts of a passage (the aligner's counterparts call). */
export type CounterpartSource = (query: CounterpartQuery) => Promise<Counterparts>;
