/** The Java client's assignors the harness runs, by protocol name. */
export type JavaAssignorName = 'range' | 'roundrobin' | 'sticky' | 'cooperative-sticky';
