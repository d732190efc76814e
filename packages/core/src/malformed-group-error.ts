/**
 * A group that an assignor's `assign` refuses because it does not have the shape of `Group`: a member id twice,
 * a partition count that is not a whole number, a member without a subscription. `field` is the path of the
 * offending value in the group, such as `members[2].subscription.topics[0]` or `topics.get("orders").partitionCount`;
 * `memberId` is the member it belongs to, `null` when it belongs to no member (a topic, or the group itself).
 */
export class MalformedGroupError extends TypeError {
  override readonly name = 'MalformedGroupError';

  constructor(
    readonly assignorName: string,
    readonly field: string,
    readonly problem: string,
    readonly memberId: string | null,
  ) {
    const member = memberId === null ? '' : ` (member ${JSON.stringify(memberId)})`;
    super(`the ${assignorName} assignor was given a malformed group: ${field}${member} ${problem}`);
  }
}
