/** The texts of documents not open in a pane, fetched once per revision for showing context. */
import { schema } from '../../../common/schema';
import { call } from '../bridge';
import { plainText } from './geometry';

/** The plain text of documents, by revision, for showing a passage in its context. */
export class DocumentTexts {
  private readonly texts = new Map<string, Promise<{ revision: number; text: string }>>();

  /** The document's current text (fetched once per revision the workspace names). */
  get(doc: string, revision?: number): Promise<{ revision: number; text: string }> {
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
