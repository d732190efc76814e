/** An edge number that is no edge: the end of a node's edge list, or an edge not added. */
export const NO_EDGE = -1;

/** A flow network in arrays, with Dinic's maximum flow. */
export class FlowNetwork {
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
