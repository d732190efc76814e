import type { ProtocolSink } from './protocol-sink.js';
import { ProtocolSizer } from './protocol-sizer.js';
import { ProtocolWriter } from './protocol-writer.js';

/** Runs `writeMessage` through a sizer, then through a writer into a buffer of exactly that size. */
export function encodeMessage(writeMessage: (sink: ProtocolSink) => void): Uint8Array {
  const sizer = new ProtocolSizer();
  writeMessage(sizer);
  const writer = new ProtocolWriter(sizer.size);
  writeMessage(writer);
  return writer.bytes;
}
