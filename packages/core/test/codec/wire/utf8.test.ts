import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readUtf8, utf8Bytes, writeUtf8 } from '../../../src/codec/wire/utf8.js';
import { hex, toHex } from '../hex.js';

function read(spacedHex: string): string {
  const bytes = hex(spacedHex);
  return readUtf8(bytes, 0, bytes.length);
}

// Every expected value below is what Java 17 answers, with `String.getBytes(UTF_8)` for writing and
// `new String(bytes, UTF_8)` for reading, as kafka-clients does for protocol strings.
describe('UTF-8 on the wire, as the Java client writes it', () => {
  it.each([
    ['ASCII, NUL included', 'a\u0000~', '61 00 7e'],
    ['2-byte characters', '\u0080ñ\u07ff', 'c2 80 | c3 b1 | df bf'],
    ['3-byte characters', '\u0800€\uffff', 'e0 a0 80 | e2 82 ac | ef bf bf'],
    ['a surrogate pair as one 4-byte character', '\ud83d\ude00', 'f0 9f 98 80'],
    ['a byte-order mark like any other character', '\ufeffx', 'ef bb bf 78'],
    ['an unpaired high surrogate as ?', 'a\ud800b', '61 3f 62'],
    ['an unpaired low surrogate as ?', '\udc00', '3f'],
    ['a high surrogate at the end as ?', 'ñ\ud800', 'c3 b1 3f'],
    ['a low surrogate before a high one as two ?', '\udc00\ud800', '3f 3f'],
    ['a high surrogate before a pair as ?, then the pair', '\ud800\ud83d\ude00', '3f f0 9f 98 80'],
  ])('writes %s', (_, text, expected) => {
    expect(toHex(utf8Bytes(text))).toBe(toHex(hex(expected)));
  });

  it('writes at the offset it is given and returns the offset after the text', () => {
    const target = new Uint8Array(8).fill(0xee);
    expect(writeUtf8('ñ?', target, 3)).toBe(6);
    expect(toHex(target)).toBe('ee ee ee c3 b1 3f ee ee');
  });

  it('writes what TextEncoder writes, unpaired surrogates aside', () => {
    const unpairedSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(utf8Bytes(text)).toEqual(new TextEncoder().encode(text.replace(unpairedSurrogate, '?')));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('UTF-8 on the wire, as the Java client reads it', () => {
  it.each([
    ['keeps a leading byte-order mark', 'ef bb bf 61', '\ufeffa'],
    ['replaces a byte that starts nothing', '61 ff 62', 'a\ufffdb'],
    ['replaces a sequence that lacks its continuation', 'c3 28', '\ufffd('],
    ['replaces a sequence cut by the end once', 'f0 9f 98', '\ufffd'],
    ['replaces each byte of an overlong sequence', 'c0 af', '\ufffd\ufffd'],
    ['replaces each byte of a sequence past U+10FFFF', 'f4 90 80 80', '\ufffd\ufffd\ufffd\ufffd'],
    // TextDecoder replaces each of the bytes of an encoded surrogate; Java replaces the sequence once.
    ['replaces an encoded surrogate once', '61 ed a0 80 62', 'a\ufffdb'],
    ['replaces an encoded surrogate cut by a byte that is no continuation once', '61 ed a0 41', 'a\ufffdA'],
    ['replaces an encoded surrogate cut by the end once', '61 ed bf', 'a\ufffd'],
    ['replaces encoded surrogates among other faults in a long string', '61 ed a0 80 ff ed af bf 62 63 64 65 66 67 68 69 6a 6b 6c', 'a\ufffd\ufffd\ufffdbcdefghijkl'],
    ['reads U+FFFD written as such as itself', 'ef bf bd 61 ed 9f bf', '\ufffda\ud7ff'],
  ])('%s', (_, bytes, expected) => {
    expect(read(bytes)).toBe(expected);
  });

  it('reads only the bytes it is given, short ASCII and long text alike', () => {
    const bytes = hex('ff 61 62 ff | 6c 6f 6e 67 65 72 20 74 68 61 6e 20 73 69 78 74 65 65 6e c3 b1 | ff');
    expect(readUtf8(bytes, 1, 3)).toBe('ab');
    expect(readUtf8(bytes, 4, bytes.length - 1)).toBe('longer than sixteenñ');
  });

  it('reads back what it writes from well-formed text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const bytes = utf8Bytes(text);
        expect(readUtf8(bytes, 0, bytes.length)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});
