import type { Scenario } from '@kafka-assignors/core/scenario';

const MAGIC = 0x4b415343;
const VERSION = 1;
const ABSENT = -1;

/**
 * A scenario in the compact binary form the Java harness reads fast (`CompactScenario.java`): a million partitions
 * are tens of megabytes of JSON, which the harness's small JSON reader takes seconds to parse. Lossless for what
 * the Java assignors read; `state` (settings of this project's own assignors) is left out.
 *
 * Layout, big-endian: int32 magic "KASC", int32 version 1; the names (topics and racks): int32 count, then each
 * as a string; the topics: int32 count, then each as int32 name index, int32 partitions, int32 replica-rack list
 * count (-1 when absent) and per partition int32 count and that many int32 name indexes; the members: int32
 * count, then each as string memberId, nullable string groupInstanceId, nullable string rackId, int32 topic count
 * and that many int32 name indexes, int32 owned entry count (-1 when absent) and per entry int32 name index, int32
 * count and that many int32 partitions, int8 1 and int32 generationId (or int8 0 when absent), int32 user data
 * length (-1 when absent) and its bytes. A string is int32 length in UTF-16 code units and the code units (so any
 * JavaScript string arrives as it was); a nullable string has length -1 when absent.
 */
export function compactScenario(scenario: Scenario): Buffer {
  const nameIndex = new Map<string, number>();
  const name = (value: string): number => {
    let index = nameIndex.get(value);
    if (index === undefined) {
      index = nameIndex.size;
      nameIndex.set(value, index);
    }
    return index;
  };
  const body = new CompactWriter();
  body.int32(scenario.topics.length);
  for (const topic of scenario.topics) {
    body.int32(name(topic.name)).int32(topic.partitions);
    if (topic.replicaRacks === undefined) {
      body.int32(ABSENT);
      continue;
    }
    body.int32(topic.replicaRacks.length);
    for (const racks of topic.replicaRacks) {
      body.int32(racks.length);
      for (const rack of racks) body.int32(name(rack));
    }
  }
  body.int32(scenario.members.length);
  for (const member of scenario.members) {
    body.string(member.memberId).nullableString(member.groupInstanceId).nullableString(member.rackId);
    body.int32(member.topics.length);
    for (const topic of member.topics) body.int32(name(topic));
    if (member.owned === undefined) {
      body.int32(ABSENT);
    } else {
      body.int32(member.owned.length);
      for (const { topic, partitions } of member.owned) {
        body.int32(name(topic)).int32(partitions.length);
        for (const partition of partitions) body.int32(partition);
      }
    }
    if (member.generationId === undefined) body.int8(0);
    else body.int8(1).int32(member.generationId);
    if (member.userData === undefined) body.int32(ABSENT);
    else body.int32(member.userData.length).bytes(member.userData);
  }

  const head = new CompactWriter().int32(MAGIC).int32(VERSION).int32(nameIndex.size);
  for (const value of nameIndex.keys()) head.string(value);
  return Buffer.concat([head.toBuffer(), body.toBuffer()]);
}

/** Appends big-endian values to a buffer that grows by doubling. */
class CompactWriter {
  private buffer = Buffer.allocUnsafe(1 << 16);
  private length = 0;

  int8(value: number): this {
    this.reserve(1);
    this.length = this.buffer.writeInt8(value, this.length);
    return this;
  }

  int32(value: number): this {
    this.reserve(4);
    this.length = this.buffer.writeInt32BE(value, this.length);
    return this;
  }

  string(value: string): this {
    this.int32(value.length);
    this.reserve(2 * value.length);
    for (let i = 0; i < value.length; i++) this.length = this.buffer.writeUInt16BE(value.charCodeAt(i), this.length);
    return this;
  }

  nullableString(value: string | undefined): this {
    return value === undefined ? this.int32(ABSENT) : this.string(value);
  }

  bytes(value: Uint8Array): this {
    this.reserve(value.length);
    this.buffer.set(value, this.length);
    this.length += value.length;
    return this;
  }

  toBuffer(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    let capacity = this.buffer.length * 2;
    while (capacity < this.length + bytes) capacity *= 2;
    const grown = Buffer.allocUnsafe(capacity);
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}
