/**
 * The suggestion calls of the contract: Align runs in the background (one at a time,
 * progress sent as events), their results merged into the workspace's suggestions,
 * counterpart queries for one passage, and the analyst's concepts that Align reads.
 * Decisions on suggestions (accept, dismiss) are link actions (see links/service.ts).
 */
import { ParallaxError, type AlignJob, type ApiHandlers } from '../../../common/api';
import { defaultAlignerHost, type AlignerHost } from '../align-jobs';
import { DEFAULT_CONCEPTS } from '../aligner/concepts';
import { findDocument } from '../documents/records';
import { alignReporter, type EventHub } from '../events';
import type { WorkspaceStore } from '../store/workspace-store';
import { workspaceCorpus } from './corpus';
import { mergeSuggestions, SUGGESTIONS_PER_RUN } from './merge';

type SuggestionCalls =
  'startAlign' | 'getAlignJob' | 'listSuggestions' | 'getCounterparts' | 'getConcepts' | 'saveConcepts';

export interface SuggestionServiceOptions {
  /** Where Align and counterpart queries run (a long-lived worker thread by default). */
  aligner?: AlignerHost;
  /** Where Align progress and its saved suggestions are announced. */
  events?: EventHub;
}

/** Least time between two events telling how far adding meaning has got. */
const REFINE_EVENT_GAP_MS = 250;

/** Creates the handlers of the Align, counterpart and concept calls. */
export function createSuggestionHandlers(
  store: WorkspaceStore,
  options: SuggestionServiceOptions = {},
): Pick<ApiHandlers, SuggestionCalls> {
  const aligner = options.aligner ?? defaultAlignerHost();
  const corpus = workspaceCorpus(store);
  const jobs = new Map<string, AlignJob>();
  let running: AlignJob | undefined;
  let jobCount = 0;
  // How adding meaning goes reaches the windows (the counterparts panel counts along, then asks
  // again): each change of state at once, the count at most every REFINE_EVENT_GAP_MS.
  let lastRefine = { state: '', at: 0 };
  aligner.onRefine((progress) => {
    const now = Date.now();
    if (progress.state === lastRefine.state && now - lastRefine.at < REFINE_EVENT_GAP_MS) return;
    lastRefine = { state: progress.state, at: now };
    options.events?.emit('refineProgress', progress);
  });
  // The counterpart index is built (and the passages embedded) while the analyst reads, not on
  // the first question.
  if (store.data.documents.length >= 2) aligner.prepare({ key: corpus.key(), load: corpus.load });

  return {
    async startAlign() {
      if (running) return { ...running };
      if (store.data.documents.length < 2) {
        throw new ParallaxError('invalid-input', 'Align needs at least two documents in the workspace.');
      }
      const job: AlignJob = { id: `align-${++jobCount}`, state: 'running', stage: 'starting', done: 0, total: 0 };
      jobs.set(job.id, job);
      running = job;
      const report = alignReporter(options.events, job);
      report();
      const { docs, concepts } = corpus.load();
      const revisions = new Map(store.data.documents.map((d) => [d.id, d.revision]));
      aligner
        .align({ docs, concepts, top: SUGGESTIONS_PER_RUN }, (stage, done, total) => {
          Object.assign(job, { stage, done, total });
          report();
        })
        .then(async (result) => {
          Object.assign(job, { stage: 'saving', done: 0, total: 1 });
          report();
          await store.update((data) => {
            data.suggestions = mergeSuggestions(data.suggestions, result, revisions);
            data.alignedAt = new Date().toISOString();
          });
          options.events?.emit('workspaceChanged', { what: ['suggestions'], origin: 'align' });
          Object.assign(job, { state: 'done', stage: 'done', done: 1, total: 1, count: result.alignments.length });
          report();
        })
        .catch((err: unknown) => {
          Object.assign(job, { state: 'failed', error: `Align failed: ${(err as Error).message ?? String(err)}` });
          report();
        })
        .finally(() => {
          running = undefined;
        });
      return { ...job };
    },
    async getAlignJob({ id }) {
      const job = jobs.get(id);
      if (!job) throw new ParallaxError('not-found', `No Align run "${id}".`);
      return { ...job };
    },
    async listSuggestions() {
      return { suggestions: store.data.suggestions, alignedAt: store.data.alignedAt };
    },
    async getCounterparts({ doc, start, end, k }) {
      const text = corpus.inputOf(findDocument(store.data, doc)).text;
      if (start > end || end > text.length) {
        throw new ParallaxError(
          'invalid-input',
          `The range ${start}–${end} is outside the text (${text.length} characters).`,
        );
      }
      if (store.data.documents.length < 2)
        return { passage: { doc, start, end, text: text.slice(start, end) }, matches: [], state: 'lexical' };
      return aligner.counterparts({ key: corpus.key(), load: corpus.load }, { doc, start, end, k });
    },
    async getConcepts() {
      return { defaults: DEFAULT_CONCEPTS, custom: store.data.concepts };
    },
    async saveConcepts({ custom }) {
      const ids = new Set<string>();
      for (const c of custom) {
        if (ids.has(c.id)) throw new ParallaxError('invalid-input', `Two concepts have the id "${c.id}".`);
        ids.add(c.id);
      }
      return store.update((data) => {
        data.concepts = custom.map((c) => ({ id: c.id, label: c.label, forms: c.forms }));
        return { custom: data.concepts };
      });
    },
  };
}
