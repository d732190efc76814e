import type { Holdings } from './holdings.js';
import type { TopicClasses } from './topic-classes.js';

const SOURCE = 0;
const SINK = 1;
const FIRST_MEMBER_NODE = 2;
const NO_EDGE = -1;

/**
 * Moves partitions in bulk from the members above the average count to those below it, as one maximum flow,
 * before the exact steal-path rounds finish the job: where many partitions must move (a member that held
 * everything, a whole new class of members), moving them one path at a time would take a round each.
 *
 * The flow network has a node per member and per topic class: the source feeds each member above the
 * average its excess, a member gives to a class it holds partitions of (up to how many it holds, or, with
 * `mayGiveUpClaims` false, how many of those it did not claim), a class gives to any member subscribing to it,
 * and each member below the average drains its deficit to the sink. A path through several members is a
 * chain of takes, as in the steal paths. Dinic's algorithm on its E = O(M + Π) edges: each phase is one
 * breadth-first and one depth-first pass over them, and chains of takes are short, so phases are few. The flow
 * is then turned into moves class by class.
 */
export function flowTowardAverage(classes: TopicClasses, holdings: Holdings, mayGiveUpClaims: boolean): void {
  const { count } = holdings;
  const memberCount = count.length;
  const { pairStart, pairClass, subscriberStart, subscriberMember } = classes;
  // Members that subscribe to nothing hold nothing and can take nothing: they do not count in the average.
  let total = 0;
  let takers = 0;
  for (let member = 0; member < memberCount; member++) {
    if (pairStart[member + 1]! > pairStart[member]!) {
      total += count[member]!;
      takers++;
    }
  }
  if (takers === 0) return;
  const floorAverage = Math.floor(total / takers);
  const ceilAverage = Math.ceil(total / takers);

  let anyDonor = false;
  let anyReceiver = false;
  for (let member = 0; member < memberCount; member++) {
    if (pairStart[member + 1] === pairStart[member]) continue;
    anyDonor ||= count[member]! > ceilAverage;
    anyReceiver ||= count[member]! < floorAverage;
  }
  if (!anyDonor || !anyReceiver) return;

  const network = new FlowNetwork(FIRST_MEMBER_NODE + memberCount + classes.classCount, memberCount + 2 * pairClass.length);
  const classNode = (klass: number) => FIRST_MEMBER_NODE + memberCount + klass;
  for (let member = 0; member < memberCount; member++) {
    if (pairStart[member + 1] === pairStart[member]) continue;
    const held = count[member]!;
    if (held > ceilAverage) network.addEdge(SOURCE, FIRST_MEMBER_NODE + member, held - ceilAverage);
    else if (held < floorAverage) network.addEdge(FIRST_MEMBER_NODE + member, SINK, floorAverage - held);
  }
  const givingEdge = new Int32Array(pairClass.length).fill(NO_EDGE);
  for (let member = 0; member < memberCount; member++) {
    for (let pair = pairStart[member]!; pair < pairStart[member + 1]!; pair++) {
      const capacity = mayGiveUpClaims ? holdings.held[pair]! : holdings.foreign[pair]!;
      if (capacity > 0) givingEdge[pair] = network.addEdge(FIRST_MEMBER_NODE + member, classNode(pairClass[pair]!), capacity);
    }
  }
  const takingEdge = new Int32Array(subscriberMember.length);
  for (let klass = 0; klass < classes.classCount; klass++) {
    for (let entry = subscriberStart[klass]!; entry < subscriberStart[klass + 1]!; entry++) {
      takingEdge[entry] = network.addEdge(classNode(klass), FIRST_MEMBER_NODE + subscriberMember[entry]!, total);
    }
  }
  if (network.maxFlow(SOURCE, SINK) === 0) return;

  moveAlongFlow(classes, holdings, mayGiveUpClaims, network, givingEdge, takingEdge);
}

/** Each class passes on what its members gave it: pairs givers with takers, in member order, and moves partitions. */
function moveAlongFlow(
  classes: TopicClasses,
  holdings: Holdings,
  mayGiveUpClaims: boolean,
  network: FlowNetwork,
  givingEdge: Int32Array,
  takingEdge: Int32Array,
): void {
  const { pairClass, subscriberStart, subscriberMember, subscriberPair } = classes;
  const givenByPair = new Int32Array(pairClass.length);
  for (let pair = 0; pair < pairClass.length; pair++) if (givingEdge[pair] !== NO_EDGE) givenByPair[pair] = network.flowOn(givingEdge[pair]!);
  for (let klass = 0; klass < classes.classCount; klass++) {
    const first = subscriberStart[klass]!;
    const end = subscriberStart[klass + 1]!;
    // A member that gives to and takes from the same class keeps those partitions.
    for (let entry = first; entry < end; entry++) {
      const pair = subscriberPair[entry]!;
      const kept = Math.min(givenByPair[pair]!, network.flowOn(takingEdge[entry]!));
      givenByPair[pair]! -= kept;
      network.reduceFlow(takingEdge[entry]!, kept);
    }
    let giverEntry = first;
    for (let entry = first; entry < end; entry++) {
      const taker = subscriberMember[entry]!;
      for (let wanted = network.flowOn(takingEdge[entry]!); wanted > 0; wanted--) {
        while (givenByPair[subscriberPair[giverEntry]!] === 0) giverEntry++;
        const giverPair = subscriberPair[giverEntry]!;
        givenByPair[giverPair]! -= 1;
        holdings.give(holdings.take(giverPair, mayGiveUpClaims), taker);
      }
    }
  }
}

/** A flow network in arrays, with Dinic's maximum flow. */
class FlowNetwork {
  private readonly head: Int32Array;
  private readonly next: Int32Array;
  private readonly to: Int32Array;
  private readonly capacity: Float64Array;
  private readonly initial: Float64Array;
  private edgeCount = 0;

  constructor(private readonly nodeCount: number, maxEdges: number) {
    this.head = new Int32Array(nodeCount).fill(NO_EDGE);
    this.next = new Int32Array(2 * maxEdges);
    this.to = new Int32Array(2 * maxEdges);
    this.capacity = new Float64Array(2 * maxEdges);
    this.initial = new Float64Array(2 * maxEdges);
  }

  /** Adds an edge and its reverse; returns the edge's number. */
  addEdge(from: number, to: number, capacity: number): number {
    const edge = this.edgeCount;
    this.link(edge, from, to, capacity);
    this.link(edge + 1, to, from, 0);
    this.edgeCount += 2;
    return edge;
  }

  flowOn(edge: number): number {
    return this.initial[edge]! - this.capacity[edge]!;
  }

  reduceFlow(edge: number, amount: number): void {
    this.capacity[edge]! += amount;
    this.capacity[edge ^ 1]! -= amount;
  }

  maxFlow(source: number, sink: number): number {
    const level = new Int32Array(this.nodeCount);
    const queue = new Int32Array(this.nodeCount);
    const current = new Int32Array(this.nodeCount);
    const pathEdges = new Int32Array(this.nodeCount);
    let flow = 0;
    while (this.levels(source, sink, level, queue)) {
      current.set(this.head);
      for (let pushed = this.augment(source, sink, level, current, pathEdges); pushed > 0; pushed = this.augment(source, sink, level, current, pathEdges)) {
        flow += pushed;
      }
    }
    return flow;
  }

  private link(edge: number, from: number, to: number, capacity: number): void {
    this.to[edge] = to;
    this.capacity[edge] = capacity;
    this.initial[edge] = capacity;
    this.next[edge] = this.head[from]!;
    this.head[from] = edge;
  }

  /** Breadth-first levels from the source over edges with capacity left; whether the sink is reached. */
  private levels(source: number, sink: number, level: Int32Array, queue: Int32Array): boolean {
    level.fill(-1);
    level[source] = 0;
    let read = 0;
    let write = 0;
    queue[write++] = source;
    while (read < write) {
      const node = queue[read++]!;
      for (let edge = this.head[node]!; edge !== NO_EDGE; edge = this.next[edge]!) {
        const target = this.to[edge]!;
        if (this.capacity[edge]! > 0 && level[target]! < 0) {
          level[target] = level[node]! + 1;
          queue[write++] = target;
        }
      }
    }
    return level[sink]! >= 0;
  }

  /** One augmenting path along increasing levels, found depth-first without recursion; the flow it carried. */
  private augment(source: number, sink: number, level: Int32Array, current: Int32Array, pathEdges: Int32Array): number {
    let depth = 0;
    let node = source;
    while (node !== sink) {
      let edge = current[node]!;
      while (edge !== NO_EDGE && !(this.capacity[edge]! > 0 && level[this.to[edge]!] === level[node]! + 1)) edge = this.next[edge]!;
      current[node] = edge;
      if (edge === NO_EDGE) {
        if (depth === 0) return 0;
        // A dead end: back up and never try it again in this phase.
        level[node] = -1;
        depth--;
        node = depth === 0 ? source : this.to[pathEdges[depth - 1]!]!;
        current[node] = this.next[current[node]!]!;
        continue;
      }
      pathEdges[depth++] = edge;
      node = this.to[edge]!;
    }
    let bottleneck = Infinity;
    for (let step = 0; step < depth; step++) bottleneck = Math.min(bottleneck, this.capacity[pathEdges[step]!]!);
    for (let step = 0; step < depth; step++) {
      const edge = pathEdges[step]!;
      this.capacity[edge]! -= bottleneck;
      this.capacity[edge ^ 1]! += bottleneck;
    }
    return bottleneck;
  }
}
