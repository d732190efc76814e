import { FlowNetwork, NO_EDGE } from './flow-network.js';
import type { Holdings } from './holdings.js';
import type { TopicClasses } from './topic-classes.js';

const SOURCE = 0;
const SINK = 1;
const FIRST_MEMBER_NODE = 2;

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
