/**
 * UTF-8 for every string on the wire, with the Java client's behaviour where it differs from the WHATWG codecs:
 * Java's `String.getBytes(UTF_8)` writes an unpaired surrogate as `?` (TextEncoder writes U+FFFD, 3 bytes);
 * Java's decoder keeps a leading byte-order mark (TextDecoder strips it unless told not to); and both replace
 * malformed bytes with U+FFFD, the same way except for an encoded surrogate (see `decodeMalformedAsJava`). Names are
 * compared byte for byte across clients, so every format follows Java.
 */

const QUESTION_MARK = 0x3f;
const REPLACEMENT_CHARACTER = '\uFFFD';
/** The lead byte of U+D000 to U+DFFF; with a second byte from A0 to BF the sequence encodes a surrogate. */
const SURROGATE_LEAD = 0xed;
/** The most bytes one UTF-16 code unit takes in UTF-8 (a surrogate pair takes 4 for 2 units). */
export const MAX_UTF8_BYTES_PER_CODE_UNIT = 3;

/** Below this length an ASCII string is faster to build char by char than through TextDecoder. */
const SHORT_STRING_BYTES = 16;

const wellFormedDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const replacingDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

function isHighSurrogate(codeUnit: number): boolean {
  return codeUnit >= 0xd800 && codeUnit <= 0xdbff;
}

function isLowSurrogate(codeUnit: number): boolean {
  return codeUnit >= 0xdc00 && codeUnit <= 0xdfff;
}

function isContinuation(byte: number | undefined): boolean {
  return byte !== undefined && (byte & 0xc0) === 0x80;
}

function isSurrogateSecondByte(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0xa0 && byte <= 0xbf;
}

/**
 * Writes `text` as UTF-8 into `target` from `offset` and returns the offset after the last byte written.
 * `target` must have room for `MAX_UTF8_BYTES_PER_CODE_UNIT` bytes per UTF-16 code unit.
 */
export function writeUtf8(text: string, target: Uint8Array, offset: number): number {
  let at = offset;
  for (let i = 0; i < text.length; i++) {
    const codeUnit = text.charCodeAt(i);
    if (codeUnit < 0x80) {
      target[at++] = codeUnit;
    } else if (codeUnit < 0x800) {
      target[at++] = 0xc0 | (codeUnit >> 6);
      target[at++] = 0x80 | (codeUnit & 0x3f);
    } else if (isHighSurrogate(codeUnit) && isLowSurrogate(text.charCodeAt(i + 1))) {
      const codePoint = 0x10000 + ((codeUnit - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00);
      target[at++] = 0xf0 | (codePoint >> 18);
      target[at++] = 0x80 | ((codePoint >> 12) & 0x3f);
      target[at++] = 0x80 | ((codePoint >> 6) & 0x3f);
      target[at++] = 0x80 | (codePoint & 0x3f);
    } else if (isHighSurrogate(codeUnit) || isLowSurrogate(codeUnit)) {
      target[at++] = QUESTION_MARK;
    } else {
      target[at++] = 0xe0 | (codeUnit >> 12);
      target[at++] = 0x80 | ((codeUnit >> 6) & 0x3f);
      target[at++] = 0x80 | (codeUnit & 0x3f);
    }
  }
  return at;
}

/** The bytes `writeUtf8` writes for `text`, in an array of their own. */
export function utf8Bytes(text: string): Uint8Array {
  const target = new Uint8Array(text.length * MAX_UTF8_BYTES_PER_CODE_UNIT);
  return target.slice(0, writeUtf8(text, target, 0));
}

/** Reads `source[start, end)` as UTF-8, replacing malformed sequences with U+FFFD as Java does. */
export function readUtf8(source: Uint8Array, start: number, end: number): string {
  if (end - start < SHORT_STRING_BYTES) {
    let text = '';
    let at = start;
    for (; at < end; at++) {
      const byte = source[at]!;
      if (byte >= 0x80) break;
      text += String.fromCharCode(byte);
    }
    if (at === end) return text;
  }
  const bytes = source.subarray(start, end);
  try {
    return wellFormedDecoder.decode(bytes);
  } catch {
    return decodeMalformedAsJava(bytes);
  }
}

/**
 * Java takes ED followed by A0 to BF (an encoded surrogate) for the start of a 3-byte sequence, and replaces
 * it, with its third byte if that is a continuation byte, by one U+FFFD, where TextDecoder replaces each byte;
 * every other malformed sequence the two replace alike. So the bytes between encoded surrogates go through
 * TextDecoder, and each encoded surrogate becomes one U+FFFD.
 */
function decodeMalformedAsJava(bytes: Uint8Array): string {
  let text = '';
  let segmentStart = 0;
  for (let at = 0; at < bytes.length; at++) {
    if (bytes[at] !== SURROGATE_LEAD || !isSurrogateSecondByte(bytes[at + 1])) continue;
    text += replacingDecoder.decode(bytes.subarray(segmentStart, at)) + REPLACEMENT_CHARACTER;
    at += isContinuation(bytes[at + 2]) ? 2 : 1;
    segmentStart = at + 1;
  }
  return text + replacingDecoder.decode(bytes.subarray(segmentStart));
}
