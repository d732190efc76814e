/**
 * Bytes of the active-standby formats (member user data, role record) that cannot be read: `field` names
 * the value at fault and `offset` the byte where it starts.
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
