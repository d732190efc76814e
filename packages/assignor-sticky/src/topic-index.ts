import { utf8Bytes } from '@kafka-assignors/core/internal';

const NOT_INDEXED = -1;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnv1a(bytes: Uint8Array, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let at = start; at < end; at++) hash = Math.imul(hash ^ bytes[at]!, FNV_PRIME);
  return hash >>> 0;
}

function sameBytes(name: Uint8Array, bytes: Uint8Array, start: number): boolean {
  for (let at = 0; at < name.length; at++) if (name[at] !== bytes[start + at]) return false;
  return true;
}

/** An open-addressing table from a topic name's UTF-8 bytes to its id, so that user data is read without building strings. */
interface Utf8Names {
  readonly names: readonly Uint8Array[];
  /**
   * Each name's bytes four at a time, as big-endian int32s: word w starts at byte min(4w, length - 4), so that
   * the last word overlaps the one before it rather than leaving bytes over. Empty for names under four bytes.
   */
  readonly words: readonly Int32Array[];
  /** Topic id + 1 per slot, 0 for an empty slot. */
  readonly slots: Int32Array;
  readonly mask: number;
}

/**
 * The topics an assignment covers (those that exist and that some member subscribes to), numbered by name, and
 * every one of their partitions numbered too: topic t's partitions are `firstPartition[t]` up to
 * `firstPartition[t + 1]`, so partition numbers run in (topic name, partition) order.
 */
export class TopicIndex {
  readonly names: readonly string[];
  readonly firstPartition: Int32Array;
  private readonly ids = new Map<string, number>();
  private utf8Table: Utf8Names | null = null;

  /** `topics` sorted by name, each with a positive partition count. */
  constructor(topics: readonly (readonly [name: string, partitionCount: number])[]) {
    this.names = topics.map(([name]) => name);
    this.firstPartition = new Int32Array(topics.length + 1);
    topics.forEach(([name, partitionCount], id) => {
      this.ids.set(name, id);
      this.firstPartition[id + 1] = this.firstPartition[id]! + partitionCount;
    });
  }

  get topicCount(): number {
    return this.names.length;
  }

  get partitionTotal(): number {
    return this.firstPartition[this.names.length]!;
  }

  partitionCount(topic: number): number {
    return this.firstPartition[topic + 1]! - this.firstPartition[topic]!;
  }

  /** The topic's id, or -1 when the assignment does not cover it. */
  idOf(name: string): number {
    return this.ids.get(name) ?? NOT_INDEXED;
  }

  /**
   * Whether `bytes[start, start + length)`, which `view` covers, is the UTF-8 name of topic `id` (any number; an
   * id no topic has is no match). Compared four bytes at a time, as a DataView reads them in one load.
   */
  isNameAt(id: number, view: DataView, bytes: Uint8Array, start: number, length: number): boolean {
    const { names, words } = (this.utf8Table ??= this.utf8Names());
    const name = names[id];
    if (name === undefined || name.length !== length) return false;
    if (length < 4) return sameBytes(name, bytes, start);
    const nameWords = words[id]!;
    const lastAt = start + length - 4;
    for (let word = 0; word < nameWords.length; word++) if (view.getInt32(Math.min(start + 4 * word, lastAt)) !== nameWords[word]) return false;
    return true;
  }

  /** The id of the topic whose name is `bytes[start, end)` in UTF-8, or -1. */
  idOfUtf8(bytes: Uint8Array, start: number, end: number): number {
    const { names, slots, mask } = (this.utf8Table ??= this.utf8Names());
    const length = end - start;
    for (let slot = fnv1a(bytes, start, end) & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
      const id = slots[slot]! - 1;
      const name = names[id]!;
      if (name.length === length && sameBytes(name, bytes, start)) return id;
    }
    return NOT_INDEXED;
  }

  private utf8Names(): Utf8Names {
    const names = this.names.map(utf8Bytes);
    let size = 2;
    while (size < 2 * names.length) size *= 2;
    const slots = new Int32Array(size);
    const mask = size - 1;
    names.forEach((name, id) => {
      let slot = fnv1a(name, 0, name.length) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    });
    const words = names.map((name) => {
      const view = new DataView(name.buffer, name.byteOffset, name.byteLength);
      const nameWords = new Int32Array(name.length < 4 ? 0 : Math.ceil(name.length / 4));
      for (let word = 0; word < nameWords.length; word++) nameWords[word] = view.getInt32(Math.min(4 * word, name.length - 4));
      return nameWords;
    });
    return { names, words, slots, mask };
  }
}
