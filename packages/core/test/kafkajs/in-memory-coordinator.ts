/**
 * A group coordinator in memory, just enough of JoinGroup, SyncGroup, Heartbeat and LeaveGroup for KafkaJS'
 * own ConsumerGroup to run full rebalances against it in unit tests: a rebalance completes when the expected
 * number of members has joined, the first member to join leads, the protocol is the first one every member offers.
 * The real broker is exercised by the integration tests.
 */

interface JoinRequest {
  memberId: string;
  groupProtocols: { name: string; metadata: Buffer }[];
}

interface JoinResponse {
  generationId: number;
  groupProtocol: string;
  leaderId: string;
  memberId: string;
  members: { memberId: string; groupInstanceId: string | null; memberMetadata: Buffer }[];
}

interface PendingJoin {
  memberId: string;
  request: JoinRequest;
  resolve(response: JoinResponse): void;
}

export class InMemoryCoordinator {
  generationId = 0;
  /** Every JoinGroup request, as KafkaJS sent it. */
  readonly joinRequests: JoinRequest[] = [];
  /** The member ids of accepted heartbeats and of LeaveGroup requests, in order. */
  readonly heartbeats: string[] = [];
  readonly leaves: string[] = [];
  private pendingJoins: PendingJoin[] = [];
  private nextMemberNumber = 1;
  private assignments = new Map<string, Buffer>();
  private leaderAssigned: Promise<void> = Promise.resolve();
  private releaseSyncs: () => void = () => undefined;

  constructor(private readonly groupSize: number) {}

  joinGroup(request: JoinRequest): Promise<JoinResponse> {
    this.joinRequests.push(request);
    const memberId = request.memberId === '' ? `member-${this.nextMemberNumber++}` : request.memberId;
    return new Promise((resolve) => {
      this.pendingJoins.push({ memberId, request, resolve });
      if (this.pendingJoins.length === this.groupSize) this.completeJoin();
    });
  }

  async syncGroup(request: { memberId: string; generationId: number; groupAssignment: { memberId: string; memberAssignment: Buffer }[] }) {
    if (request.generationId !== this.generationId) throw Object.assign(new Error('illegal generation'), { type: 'ILLEGAL_GENERATION' });
    if (request.groupAssignment.length > 0) {
      this.assignments = new Map(request.groupAssignment.map((entry) => [entry.memberId, entry.memberAssignment]));
      this.releaseSyncs();
    }
    await this.leaderAssigned;
    return { memberAssignment: this.assignments.get(request.memberId) ?? Buffer.alloc(0) };
  }

  /** Accepts a heartbeat of the current generation, as the coordinator of a stable group does. */
  heartbeat(request: { memberId: string; groupGenerationId: number }): Promise<object> {
    if (request.groupGenerationId !== this.generationId) {
      return Promise.reject(Object.assign(new Error('illegal generation'), { type: 'ILLEGAL_GENERATION' }));
    }
    this.heartbeats.push(request.memberId);
    return Promise.resolve({});
  }

  leaveGroup(request: { memberId: string }): Promise<object> {
    this.leaves.push(request.memberId);
    return Promise.resolve({});
  }

  private completeJoin(): void {
    const joins = this.pendingJoins;
    this.pendingJoins = [];
    this.generationId += 1;
    this.leaderAssigned = new Promise((release) => (this.releaseSyncs = release));
    const protocol = joins[0]?.request.groupProtocols.find(({ name }) =>
      joins.every((join) => join.request.groupProtocols.some((offered) => offered.name === name)),
    )?.name;
    if (protocol === undefined) throw new Error('no protocol common to every member');
    const leaderId = joins[0]?.memberId ?? '';
    const members = joins.map((join) => ({
      memberId: join.memberId,
      groupInstanceId: null,
      memberMetadata: join.request.groupProtocols.find(({ name }) => name === protocol)?.metadata ?? Buffer.alloc(0),
    }));
    for (const join of joins) {
      join.resolve({
        generationId: this.generationId,
        groupProtocol: protocol,
        leaderId,
        memberId: join.memberId,
        members: join.memberId === leaderId ? members : [],
      });
    }
  }
}
