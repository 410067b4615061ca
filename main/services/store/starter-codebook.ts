/**
 * The codebook a new workspace starts with: codes an analyst comparing security-policy
 * writing usually needs first. The user renames, recolours, nests or deletes them.
 */
import type { Tag } from '../../../common/model';

const STARTER: [id: string, name: string, color: string, description: string, parent?: string][] = [
  ['strategy', 'Strategy', '#5b6ee1', 'How an author characterises a state’s overall approach.'],
  ['deterrence', 'Deterrence', '#d9534f', 'Discouraging an adversary by threat of cost or denial.', 'strategy'],
  ['resilience', 'Resilience', '#2e9e6a', 'Capacity to absorb and recover from pressure or shocks.', 'strategy'],
  ['engagement', 'Engagement', '#e0a100', 'Dialogue, cooperation and ties kept open with a rival.', 'strategy'],
  ['threats', 'Threat perception', '#8e5bd6', 'Who is seen as a threat, and how serious.'],
  ['china-threat', 'China threat', '#c2185b', 'China described as a threat or challenge.', 'threats'],
  [
    'russia-china',
    'Russia–China alignment',
    '#6d4c41',
    'Cooperation or convergence between Russia and China.',
    'threats',
  ],
  ['sanctions', 'Sanctions', '#0288d1', 'Economic or financial measures and their effects.'],
  [
    'territorial-dispute',
    'Territorial dispute',
    '#7cb342',
    'Contested territory (e.g. the Kuril Islands / Northern Territories).',
  ],
  ['defence-spending', 'Defence spending', '#f4511e', 'Budgets, procurement and military build-up.'],
  ['alliances', 'Alliances', '#00897b', 'Alliances and partnerships (e.g. the U.S.–Japan alliance, the Quad).'],
];

/** A fresh copy of the starter codebook. */
export function starterCodebook(): Tag[] {
  return STARTER.map(([id, name, color, description, parent]) => ({
    id,
    name,
    color,
    description,
    parentId: parent ?? null,
  }));
}
