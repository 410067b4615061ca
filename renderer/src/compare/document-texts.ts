/**
 * The texts of documents, for showing a passage in its context: a document open in a
 * pane at the revision asked for is read from the pane's own text (no call at all);
 * others are fetched once per revision.
 */
import { schema } from '../../../common/schema';
import { call } from '../bridge';
import { plainText } from './geometry';

/** The plain text of documents, by revision, for showing a passage in its context. */
export class DocumentTexts {
  private readonly texts = new Map<string, Promise<{ revision: number; text: string }>>();

  /** `shown(doc)`: the document's text and revision as a pane shows it, if one does. */
  constructor(
    private readonly shown: (doc: string) => { revision: number; text: string } | undefined = () => undefined,
  ) {}

  /** The document's current text (fetched once per revision the workspace names). */
  get(doc: string, revision?: number): Promise<{ revision: number; text: string }> {
    const inPane = this.shown(doc);
    if (inPane && (revision === undefined || inPane.revision === revision)) return Promise.resolve(inPane);
    const key = `${doc}@${revision ?? ''}`;
    let text = this.texts.get(key);
    if (!text) {
      text = call('getDocument', { id: doc }).then((p) => ({
        revision: p.revision,
        text: plainText(schema.nodeFromJSON(p.doc)).text,
      }));
      text.catch(() => this.texts.delete(key));
      this.texts.set(key, text);
    }
    return text;
  }
}
