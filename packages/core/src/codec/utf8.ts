/**
 * UTF-8 for protocol strings, with the Java client's behaviour where it differs from the WHATWG codecs:
 * Java's `String.getBytes(UTF_8)` writes an unpaired surrogate as `?` (TextEncoder writes U+FFFD, 3 bytes),
 * and Java's decoder keeps a leading byte-order mark (TextDecoder strips it unless told not to).
 */

const QUESTION_MARK = 0x3f;

/** Below this length an ASCII string is faster to build char by char than through TextDecoder. */
const SHORT_STRING_BYTES = 16;

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

function isHighSurrogate(codeUnit: number): boolean {
  return codeUnit >= 0xd800 && codeUnit <= 0xdbff;
}

function isLowSurrogate(codeUnit: number): boolean {
  return codeUnit >= 0xdc00 && codeUnit <= 0xdfff;
}

/** The number of bytes `writeUtf8` will write for `text`, found without encoding it. */
export function utf8ByteLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const codeUnit = text.charCodeAt(i);
    if (codeUnit < 0x80) {
      length += 1;
    } else if (codeUnit < 0x800) {
      length += 2;
    } else if (isHighSurrogate(codeUnit) && isLowSurrogate(text.charCodeAt(i + 1))) {
      length += 4;
      i++;
    } else if (isHighSurrogate(codeUnit) || isLowSurrogate(codeUnit)) {
      length += 1;
    } else {
      length += 3;
    }
  }
  return length;
}

/** Writes `text` as UTF-8 into `target` from `offset` and returns the offset after the last byte written. */
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
  return decoder.decode(source.subarray(start, end));
}
