import { describe, expect, it } from 'vitest';
import { MAX_SOURCE_BYTES } from '../../common/limits';
import { decodeText } from '../../main/services/text-decoding';

const sample = 'Café “quoted” — naïve façade, 5 €.\nSecond line.\n';

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const units = (bom ? '\uFEFF' : '') + text;
  for (let i = 0; i < units.length; i++) {
    const c = units.charCodeAt(i);
    out[2 * i + (order === 'le' ? 0 : 1)] = c & 0xff;
    out[2 * i + (order === 'le' ? 1 : 0)] = c >> 8;
  }
  return out;
}

/** Windows-1252 bytes of a string made of ASCII and the few characters used here. */
function cp1252(text: string): Uint8Array {
  const table: Record<string, number> = { é: 0xe9, ï: 0xef, ç: 0xe7, '“': 0x93, '”': 0x94, '—': 0x97, '€': 0x80 };
  return Uint8Array.from([...text].map((ch) => table[ch] ?? ch.charCodeAt(0)));
}

describe('decoding text files', () => {
  it('reads UTF-8, with or without a byte-order mark (the mark is dropped)', () => {
    const bytes = new TextEncoder().encode(sample);
    expect(decodeText(bytes, 'a.txt')).toEqual({ text: sample, encoding: 'utf-8' });
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]);
    expect(decodeText(withBom, 'a.txt')).toEqual({ text: sample, encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE, with a byte-order mark or detected by where the zero bytes are', () => {
    for (const order of ['le', 'be'] as const) {
      for (const bom of [true, false]) {
        expect(decodeText(utf16(sample, order, bom), 'notes.txt')).toEqual({
          text: sample,
          encoding: `utf-16${order}`,
        });
      }
    }
  });

  it('detects UTF-16 without a mark even with a character whose zero byte is on the other side (U+4E00)', () => {
    const text = 'The character 一 means one; the rest of this line is plain English text.';
    for (const order of ['le', 'be'] as const) {
      expect(decodeText(utf16(text, order, false), 'cjk.txt')).toEqual({ text, encoding: `utf-16${order}` });
    }
  });

  it('reads Windows-1252 (Latin-1) text instead of filling it with replacement characters', () => {
    const decoded = decodeText(cp1252(sample), 'latin.txt');
    expect(decoded).toEqual({ text: sample, encoding: 'windows-1252' });
    expect(decoded.text).not.toContain('\uFFFD');
  });

  it('refuses UTF-8 with a few broken bytes, saying where, rather than guessing', () => {
    const good = new TextEncoder().encode('Café au lait. ');
    const bytes = Uint8Array.from([...good, 0x93, ...good]);
    expect(() => decodeText(bytes, 'mixed.md')).toThrow(
      /mixed\.md is UTF-8 text with 1 broken byte \(the first at byte 15\)/,
    );
  });

  it('refuses binary data with a clear message naming the file', () => {
    expect(() => decodeText(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]), 'doc.docx')).toThrow(
      /doc\.docx is not a text file/,
    );
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(() => decodeText(png, 'image.md')).toThrow(/not a text file/);
    expect(() => decodeText(new Uint8Array(200).fill(0xff), 'blob.txt')).toThrow(/neither UTF-8 nor Windows-1252/);
    const controls = new TextEncoder().encode('ab\u0001\u0002\u0003\u0004\u0005cd');
    expect(() => decodeText(controls, 'ctl.txt')).toThrow(/control codes/);
    expect(() => decodeText(Uint8Array.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), 'wide.txt')).toThrow(/UTF-32/);
    // 0x81 is one of the five bytes Windows-1252 leaves undefined.
    expect(() => decodeText(Uint8Array.from([...cp1252('Café au lait '), 0x81]), 'odd.txt')).toThrow(
      /mean nothing in either/,
    );
  });

  it('refuses UTF-16 with an unpaired surrogate or an odd byte count', () => {
    const broken = utf16('ab\uD800cd', 'le', true);
    expect(() => decodeText(broken, 'u.txt')).toThrow(/unpaired surrogates/);
    expect(() => decodeText(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x42]), 'odd.txt')).toThrow(/half a character/);
  });

  it('refuses a file above the source limit before decoding it', () => {
    expect(() => decodeText(new Uint8Array(MAX_SOURCE_BYTES + 1), 'big.txt')).toThrow(
      /big\.txt is 16\.0 MB|big\.txt is 16 MB/,
    );
  });

  it('turns page breaks into line breaks, drops a DOS end mark, and refuses a stray control code by line', () => {
    const enc = new TextEncoder();
    expect(decodeText(enc.encode('Page one.\fPage two.\n\u001a'), 'old.txt').text).toBe('Page one.\nPage two.\n');
    const long = 'A line of ordinary text.\n'.repeat(200);
    expect(() => decodeText(enc.encode(`${long}bell\u0007 here`), 'bell.txt')).toThrow(
      /bell\.txt contains the control character U\+0007 on line 201/,
    );
  });

  it('reads an empty file as empty UTF-8 text', () => {
    expect(decodeText(new Uint8Array(0), 'empty.md')).toEqual({ text: '', encoding: 'utf-8' });
  });
});
