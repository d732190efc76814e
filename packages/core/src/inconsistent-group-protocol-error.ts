/** What the group coordinator said of a group that refused a member, as far as DescribeGroups tells. */
export type RefusingGroup =
  /** A classic group; `protocol` is what its members run, empty while it rebalances. */
  | { readonly kind: 'classic'; readonly protocolType: string; readonly protocol: string; readonly state: string }
  /** DescribeGroups knows no classic group of that id: on Kafka 4.x, a KIP-848 consumer-protocol group. */
  | { readonly kind: 'not-classic' }
  /** DescribeGroups failed too; `reason` says how. */
  | { readonly kind: 'unknown'; readonly reason: string };

/**
 * The coordinator refused this consumer's JoinGroup with INCONSISTENT_GROUP_PROTOCOL: the group runs protocols
 * that share no name with this member's, or it is a consumer-protocol (KIP-848) group that takes no classic
 * members. Thrown in place of KafkaJS' error, which names neither side; that error is the `cause`. It is not
 * retriable, as KafkaJS' is not: the consumer crashes without restarting.
 */
export class InconsistentGroupProtocolError extends Error {
  override readonly name = 'InconsistentGroupProtocolError';
  /** KafkaJS' name of the error code, as on its own error. */
  readonly type = 'INCONSISTENT_GROUP_PROTOCOL';
  readonly retriable = false;

  constructor(
    readonly groupId: string,
    /** The protocols (assignor names) this member offered, preferred first. */
    readonly memberProtocols: readonly string[],
    readonly group: RefusingGroup,
    cause: unknown,
  ) {
    super(
      `group "${groupId}" refused this member (INCONSISTENT_GROUP_PROTOCOL): this member offers ${list(memberProtocols)}, ` +
        `but ${describeGroup(groupId, group)}. ` +
        'See "Consumer-protocol (KIP-848) groups and mixed clients" in the kafka-assignors README.',
      { cause },
    );
  }
}

function describeGroup(groupId: string, group: RefusingGroup): string {
  switch (group.kind) {
    case 'classic':
      if (group.protocolType !== 'consumer') return `the group is of protocol type "${group.protocolType}", not a consumer group`;
      return group.protocol === ''
        ? `its members run other protocols (the group is ${group.state}, so the coordinator does not say which yet; run kafka-assignors describe ${groupId})`
        : `its members run ${list([group.protocol])}`;
    case 'not-classic':
      return (
        'it is not a classic group: it is a consumer-protocol (KIP-848) group, whose members use group.protocol=consumer ' +
        'and whose partitions the broker assigns; the broker takes classic members into it only when ' +
        'group.consumer.migration.policy allows it and they share a protocol with its classic members'
      );
    case 'unknown':
      return `describing the group failed too (${group.reason})`;
  }
}

function list(protocols: readonly string[]): string {
  return protocols.length === 0 ? 'no protocol' : protocols.map((name) => `"${name}"`).join(', ');
}
