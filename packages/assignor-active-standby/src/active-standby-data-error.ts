import type { WireFault } from '@kafka-assignors/core/internal';

/**
 * Bytes of the active-standby formats (member user data, role record) that cannot be read, or (when
 * encoding) a value they cannot carry: `field` names the value at fault and `offset` the byte where it
 * starts, or would have started.
 */
export class ActiveStandbyDataError extends Error {
  readonly field: string;
  readonly offset: number;

  constructor(field: string, offset: number, problem: string) {
    super(`${field} at byte ${offset} ${problem}`);
    this.name = 'ActiveStandbyDataError';
    this.field = field;
    this.offset = offset;
  }
}

/** The ActiveStandbyDataError for a fault of the wire reader or writer: the WireErrorFactory of both formats. */
export function activeStandbyDataError(fault: WireFault): ActiveStandbyDataError {
  const { offset } = fault;
  switch (fault.reason) {
    case 'truncated':
      return new ActiveStandbyDataError(
        reportedField(fault.field, fault.role),
        offset,
        `needs ${fault.needed} byte${fault.needed === 1 ? '' : 's'} for an ${fault.integer}, only ${fault.left} left`,
      );
    case 'unexpected-null':
      return new ActiveStandbyDataError(reportedField(fault.field, fault.role), offset, 'is -1 (null), which this field does not allow');
    case 'negative-length':
      return new ActiveStandbyDataError(reportedField(fault.field, fault.role), offset, `is ${fault.length}, negative`);
    case 'length-exceeds-buffer':
      return new ActiveStandbyDataError(
        reportedField(fault.field, fault.role),
        offset,
        fault.role === 'array count'
          ? `is ${fault.length}, more elements than the ${fault.left} bytes left can hold`
          : `is ${fault.length}, more than the ${fault.left} bytes left`,
      );
    case 'string-too-long':
      return new ActiveStandbyDataError(fault.field, offset, `takes ${fault.length} UTF-8 bytes, more than the ${fault.limit} a string can`);
    case 'not-int32':
      return new ActiveStandbyDataError(fault.field, offset, `is ${String(fault.value)}, not an int32`);
  }
}

/** A count is a field of its own; the length in front of a string or bytes is reported as `<field> length`. */
function reportedField(field: string, role: string | null): string {
  return role === 'string length' || role === 'bytes length' ? `${field} length` : field;
}
