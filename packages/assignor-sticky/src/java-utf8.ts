const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
/** A UTF-16 code unit of a surrogate pair that has lost its other half. */
const UNPAIRED_SURROGATE = /\p{Cs}/gu;

/**
 * A string as the Java client writes it (`String.getBytes(UTF_8)`): like TextEncoder, except that an unpaired
 * surrogate becomes `?` rather than U+FFFD. Topic names are matched byte for byte, so both sides must agree.
 */
export function javaUtf8(text: string): Uint8Array {
  return encoder.encode(text.replace(UNPAIRED_SURROGATE, '?'));
}

/** Bytes as the Java client reads them: malformed sequences become U+FFFD, and a byte-order mark stays. */
export function readJavaUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
