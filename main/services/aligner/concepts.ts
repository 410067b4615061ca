/**
 * Concepts: surface forms that mean the same thing for the question at hand
 * (Beijing ≈ China, Northern Territories = Kuril Islands, FOIP = free and open
 * Indo-Pacific). A general default ships with Parallax; a workspace can extend it.
 */
import { tokenize } from './normalise';

/** One concept and the ways texts name it. */
export interface Concept {
  id: string;
  label: string;
  forms: string[];
}

/**
 * General defaults: states with their capitals, governments and leaders used as
 * metonyms, and common foreign-policy terms. Not fitted to any one text.
 */
export const DEFAULT_CONCEPTS: Concept[] = [
  {
    id: 'united-states',
    label: 'United States',
    forms: [
      'United States',
      'U.S.',
      'US',
      'USA',
      'U.S.A.',
      'America',
      'American',
      'Washington',
      'White House',
      'Biden administration',
      'Trump administration',
      'Obama administration',
      'Biden',
      'Trump',
      'Obama',
    ],
  },
  {
    id: 'china',
    label: 'China',
    forms: [
      'China',
      'Chinese',
      'Beijing',
      'PRC',
      "People's Republic of China",
      'Xi Jinping',
      'Xi',
      'Chinese Communist Party',
      'CCP',
      'Sino',
    ],
  },
  {
    id: 'russia',
    label: 'Russia',
    forms: [
      'Russia',
      'Russian',
      'Moscow',
      'Kremlin',
      'Russian Federation',
      "Putin's Russia",
      'Putin',
      'Soviet Union',
      'USSR',
      'Russo',
    ],
  },
  {
    id: 'japan',
    label: 'Japan',
    forms: [
      'Japan',
      'Japanese',
      'Tokyo',
      'Kishida administration',
      'Kishida government',
      'Abe administration',
      'Abe government',
      'Kantei',
      'Fumio Kishida',
      'Kishida Fumio',
      'Kishida',
      'Shinzo Abe',
      'Abe Shinzo',
      'Abe',
      'Suga',
    ],
  },
  { id: 'ukraine', label: 'Ukraine', forms: ['Ukraine', 'Ukrainian', 'Kyiv', 'Kiev', 'Zelensky', 'Zelenskyy'] },
  { id: 'taiwan', label: 'Taiwan', forms: ['Taiwan', 'Taiwanese', 'Taipei'] },
  {
    id: 'north-korea',
    label: 'North Korea',
    forms: ['North Korea', 'North Korean', 'Pyongyang', 'DPRK', 'Kim regime', 'Kim Jong Un'],
  },
  {
    id: 'south-korea',
    label: 'South Korea',
    forms: ['South Korea', 'South Korean', 'Seoul', 'Republic of Korea', 'ROK'],
  },
  { id: 'india', label: 'India', forms: ['India', 'Indian', 'New Delhi', 'Delhi'] },
  { id: 'australia', label: 'Australia', forms: ['Australia', 'Australian', 'Canberra'] },
  {
    id: 'united-kingdom',
    label: 'United Kingdom',
    forms: ['United Kingdom', 'UK', 'U.K.', 'Britain', 'British', 'London'],
  },
  { id: 'france', label: 'France', forms: ['France', 'French', 'Paris'] },
  { id: 'germany', label: 'Germany', forms: ['Germany', 'German', 'Berlin'] },
  { id: 'european-union', label: 'European Union', forms: ['European Union', 'EU', 'E.U.', 'Brussels'] },
  { id: 'nato', label: 'NATO', forms: ['NATO', 'North Atlantic Treaty Organization', 'Atlantic alliance'] },
  { id: 'asean', label: 'ASEAN', forms: ['ASEAN', 'Association of Southeast Asian Nations'] },
  { id: 'g7', label: 'G7', forms: ['G7', 'G-7', 'Group of Seven'] },
  {
    id: 'un',
    label: 'United Nations',
    forms: ['United Nations', 'UN', 'U.N.', 'UN Security Council', 'Security Council'],
  },
  { id: 'quad', label: 'Quad', forms: ['Quad', 'Quadrilateral Security Dialogue'] },
  {
    id: 'kuril-islands',
    label: 'Kuril Islands',
    forms: [
      'Kuril Islands',
      'Kurils',
      'Southern Kurils',
      'Southern Kuril Islands',
      'Northern Territories',
      'North Territories',
    ],
  },
  {
    id: 'senkaku-islands',
    label: 'Senkaku Islands',
    forms: ['Senkaku Islands', 'Senkakus', 'Senkaku', 'Diaoyu Islands', 'Diaoyu'],
  },
  { id: 'crimea', label: 'Crimea', forms: ['Crimea', 'Crimean peninsula'] },
  { id: 'foip', label: 'Free and open Indo-Pacific', forms: ['free and open Indo-Pacific', 'FOIP'] },
  {
    id: 'indo-pacific',
    label: 'Indo-Pacific',
    forms: ['Indo-Pacific', 'Asia-Pacific', 'Asia Pacific', 'East Asia', 'Northeast Asia'],
  },
  { id: 'deterrence', label: 'Deterrence', forms: ['deterrence', 'deter', 'deterrent', 'deterring'] },
  {
    id: 'sanctions',
    label: 'Sanctions',
    forms: ['sanction', 'sanctions', 'embargo', 'asset freeze', 'export controls', 'blacklist'],
  },
  {
    id: 'defense-spending',
    label: 'Defence spending',
    forms: ['defense spending', 'defense budget', 'military spending', 'military budget', 'defense expenditure'],
  },
  { id: 'alliance', label: 'Alliance', forms: ['alliance', 'ally', 'allies', 'partnership', 'partners'] },
  {
    id: 'invasion',
    label: 'Invasion',
    forms: ['invasion', 'invade', 'aggression', 'attack', 'war', 'military action', 'special military operation'],
  },
  { id: 'peace-treaty', label: 'Peace treaty', forms: ['peace treaty', 'peace talks', 'peace agreement'] },
  {
    id: 'territorial-dispute',
    label: 'Territorial dispute',
    forms: ['territorial dispute', 'territorial question', 'territorial issue', 'island dispute'],
  },
  {
    id: 'nuclear-weapons',
    label: 'Nuclear weapons',
    forms: ['nuclear weapons', 'nuclear sharing', 'nuclear arsenal', 'nuclear deterrent', 'nuclear posture'],
  },
  {
    id: 'nuclear-power',
    label: 'Nuclear power',
    forms: ['nuclear power', 'nuclear plants', 'nuclear power plants', 'nuclear reactors', 'reactors'],
  },
  {
    id: 'energy',
    label: 'Energy',
    forms: ['energy', 'oil', 'gas', 'LNG', 'liquefied natural gas', 'coal', 'hydrocarbons', 'fuel'],
  },
  {
    id: 'rules-based-order',
    label: 'Rules-based order',
    forms: [
      'rules-based order',
      'rules-based international order',
      'international order',
      'status quo',
      'international law',
    ],
  },
  { id: 'constitution', label: 'Constitution', forms: ['constitution', 'Article 9', 'pacifist constitution'] },
];

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
