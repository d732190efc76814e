import { ProtocolWriter } from './protocol-writer.js';

/** Runs `writeMessage` through a writer and returns the bytes it wrote. */
export function encodeMessage(writeMessage: (writer: ProtocolWriter) => void): Uint8Array {
  const writer = new ProtocolWriter();
  writeMessage(writer);
  return writer.finish();
}
