/** Numbers for rack names, so that rack comparisons in the hot loops are integer comparisons. */
export class RackIds {
  private readonly ids = new Map<string, number>();

  /** The rack's number, given on first sight. */
  idOf(rack: string): number {
    let id = this.ids.get(rack);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(rack, id);
    }
    return id;
  }

  get size(): number {
    return this.ids.size;
  }
}
