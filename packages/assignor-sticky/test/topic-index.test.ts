import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TopicIndex } from '../src/topic-index.js';

/** Names that share prefixes and lengths, so that a match must look at every byte: `ab`, `abab`, `abba.`, … */
const name = fc.stringMatching(/^[ab.é]{0,13}$/);

describe('TopicIndex, matching names as UTF-8 bytes', () => {
  it('finds a topic by its bytes anywhere in a buffer, and only that topic (1000 cases)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 8 }), name, fc.option(fc.nat(), { freq: 2 }), fc.nat(7), fc.nat(), (names, other, listed, padding, guess) => {
        const sorted = [...names].sort();
        // Half the time a listed name, else any name, which may share a prefix or a length with one.
        const candidate = listed === null ? other : sorted[listed % sorted.length]!;
        const topics = new TopicIndex(sorted.map((topic) => [topic, 1]));
        const encoded = new TextEncoder().encode(candidate);
        const bytes = new Uint8Array(padding + encoded.length + padding).fill(0x61);
        bytes.set(encoded, padding);
        const view = new DataView(bytes.buffer);
        const id = sorted.indexOf(candidate);

        const likely = listed !== null && guess % 2 === 0 ? id : guess % (sorted.length + 1);
        expect(topics.isNameAt(likely, view, bytes, padding, encoded.length)).toBe(likely === id);
        expect(topics.idOfUtf8(bytes, padding, padding + encoded.length)).toBe(id);
      }),
      { numRuns: 1000 },
    );
  });
});
