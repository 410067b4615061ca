/**
 * Turning a text file's bytes into a string, whatever encoding it was saved in, or
 * refusing it with a message a user can act on. Nothing is decoded with silent
 * replacement characters: a byte that cannot be read either selects another encoding
 * or refuses the file.
 *
 * Order of decisions (after the WHATWG Encoding Standard's BOM sniffing, then the
 * heuristics text editors use when a file has no mark):
 * 1. A byte-order mark decides: UTF-8, UTF-16 LE or UTF-16 BE (UTF-32 is refused).
 * 2. Without a mark, NUL bytes at every other position mean UTF-16 (LE when the odd
 *    bytes are the zeros, as in ASCII letters "A\0"; BE otherwise); any other NUL means
 *    binary data.
 * 3. Valid UTF-8 is UTF-8.
 * 4. Invalid UTF-8 with no multi-byte UTF-8 sequence in it, and mostly ASCII, is read
 *    as Windows-1252 (the superset of Latin-1 that Windows editors save); a file that is mostly UTF-8
 *    with a few broken bytes is refused, naming where, since guessing would garble it.
 * 5. Text that decodes but is full of control characters is binary data and refused;
 *    a stray control code is refused naming its line (form feeds become line breaks).
 *
 * UTF-8 and UTF-16 are decoded by the platform's TextDecoder in fatal mode. Windows-1252
 * goes through iconv-lite, because Node 20's TextDecoder('windows-1252') reads the
 * bytes 0x80–0x9F as Latin-1 control codes instead of the curly quotes, dashes and euro
 * sign Windows puts there.
 */
import iconv from 'iconv-lite';
import { ParallaxError } from '../../common/api';
import { MAX_SOURCE_BYTES, formatMegabytes } from '../../common/limits';

/** A decoded text file. */
export interface DecodedText {
  text: string;
  /** How the bytes were read: 'utf-8', 'utf-16le', 'utf-16be' or 'windows-1252'. */
  encoding: string;
}

/** Share of control characters (other than tab, newlines, form feed) above which text is binary. */
const MAX_CONTROL_SHARE = 0.01;

/**
 * Least share of ASCII bytes for a file that is not UTF-8 to be read as Windows-1252:
 * Western European prose is mostly ASCII letters, spaces and punctuation.
 */
const MIN_ASCII_SHARE_1252 = 0.5;

/** Share of 2-byte pairs whose one half is NUL for text without a BOM to count as UTF-16. */
const MIN_UTF16_NUL_SHARE = 0.3;

/** Share of pairs that may have their zero on the other side in UTF-16 without a BOM. */
const MAX_UTF16_OTHER_SIDE_SHARE = 0.05;

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function notText(fileName: string, why: string): ParallaxError {
  return new ParallaxError('invalid-input', `${fileName} is not a text file (${why}).`);
}

/** Decodes strictly; undefined when the bytes are not valid in that encoding. */
function tryDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Where a UTF-16 file without a BOM has its zero bytes, if it looks like UTF-16 at all. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  const pairs = bytes.length / 2;
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  // Latin letters put their zero byte on one side of each pair; a few characters (such as
  // U+4E00 一) have a zero on the other side, so that side may hold some zeros too.
  if (oddZeros >= pairs * MIN_UTF16_NUL_SHARE && evenZeros <= pairs * MAX_UTF16_OTHER_SIDE_SHARE) return 'utf-16le';
  if (evenZeros >= pairs * MIN_UTF16_NUL_SHARE && oddZeros <= pairs * MAX_UTF16_OTHER_SIDE_SHARE) return 'utf-16be';
  return undefined;
}

/** Counts control characters that do not occur in text files (tabs, breaks and a DOS end mark do). */
function controlCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const textual = c === 0x09 || c === 0x0a || c === 0x0b || c === 0x0c || c === 0x0d || c === 0x1a;
    if ((c < 0x20 && !textual) || (c >= 0x7f && c <= 0x9f)) count++;
  }
  return count;
}

/** Counts well-formed UTF-8 multi-byte sequences and the first invalid byte's offset. */
function utf8Evidence(bytes: Uint8Array): { sequences: number; invalid: number; firstInvalid: number } {
  let sequences = 0;
  let invalid = 0;
  let firstInvalid = -1;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      sequences++;
      i += length;
    } else {
      invalid++;
      if (firstInvalid < 0) firstInvalid = i;
      i++;
    }
  }
  return { sequences, invalid, firstInvalid };
}

/**
 * Refuses binary data; otherwise turns page and line tabulations (form feed, vertical tab:
 * old plain texts mark page breaks so) into line breaks and drops a DOS end-of-file mark,
 * and refuses any other C0 control code, which no export format could hold.
 */
function cleanControls(decoded: string, fileName: string): string {
  const controls = controlCount(decoded);
  if (controls > 0 && controls / Math.max(1, decoded.length) > MAX_CONTROL_SHARE) {
    throw notText(fileName, `${controls} of its ${decoded.length} characters are control codes, as in binary data`);
  }
  const text = decoded.replace(/[\f\v]/g, '\n').replace(/\u001a$/, '');
  const stray = /[\u0000-\u0008\u000e-\u001f]/.exec(text);
  if (stray) {
    const line = text.slice(0, stray.index).split('\n').length;
    const code = stray[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new ParallaxError(
      'invalid-input',
      `${fileName} contains the control character U+${code} on line ${line}, which Parallax cannot keep; remove it and open the file again.`,
    );
  }
  return text;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', fileName: string): DecodedText {
  if (bytes.length % 2 !== 0) {
    throw new ParallaxError('invalid-input', `${fileName} looks like UTF-16 text but ends in half a character.`);
  }
  const text = tryDecode(bytes, encoding);
  if (text === undefined) {
    throw new ParallaxError(
      'invalid-input',
      `${fileName} looks like UTF-16 text but contains broken characters (unpaired surrogates); re-save it as UTF-8.`,
    );
  }
  if (text.includes('\0')) throw notText(fileName, 'it contains NUL characters');
  return { text: cleanControls(text, fileName), encoding };
}

/**
 * Decodes a text file's bytes, detecting its encoding. Throws a ParallaxError:
 * `too-large` above MAX_SOURCE_BYTES, `invalid-input` for binary data or text that no
 * supported encoding reads cleanly — naming `fileName` and saying what to do.
 */
export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes.length > MAX_SOURCE_BYTES) {
    throw new ParallaxError(
      'too-large',
      `${fileName} is ${formatMegabytes(bytes.length)}; Parallax opens text files up to ${formatMegabytes(MAX_SOURCE_BYTES)}.`,
    );
  }
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw new ParallaxError(
      'invalid-input',
      `${fileName} is UTF-32 text, which Parallax does not read; re-save it as UTF-8.`,
    );
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes, 'utf-16le', fileName);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes, 'utf-16be', fileName);
  const hasUtf8Bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  if (!hasUtf8Bom) {
    const utf16 = sniffUtf16(bytes);
    if (utf16) return decodeUtf16(bytes, utf16, fileName);
    if (bytes.includes(0)) throw notText(fileName, 'it contains binary data');
  }
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== undefined) {
    if (utf8.includes('\0')) throw notText(fileName, 'it contains binary data');
    return { text: cleanControls(utf8, fileName), encoding: 'utf-8' };
  }
  const evidence = utf8Evidence(bytes);
  if (hasUtf8Bom || evidence.sequences > 0) {
    throw new ParallaxError(
      'invalid-input',
      `${fileName} is UTF-8 text with ${evidence.invalid} broken byte${evidence.invalid === 1 ? '' : 's'} (the first at byte ${evidence.firstInvalid}); repair or re-save it as UTF-8.`,
    );
  }
  let ascii = 0;
  for (const b of bytes) if (b < 0x80) ascii++;
  if (ascii < bytes.length * MIN_ASCII_SHARE_1252) {
    throw notText(fileName, 'it is neither UTF-8 nor Windows-1252 text');
  }
  const latin = iconv.decode(bytes as Buffer, 'windows-1252');
  // iconv-lite reads the five bytes Windows-1252 leaves undefined as U+FFFD.
  const undefinedBytes = latin.match(/\uFFFD/g)?.length ?? 0;
  if (undefinedBytes > 0) {
    throw notText(
      fileName,
      `it is neither UTF-8 nor Windows-1252 text (${undefinedBytes} bytes mean nothing in either)`,
    );
  }
  return { text: cleanControls(latin, fileName), encoding: 'windows-1252' };
}
