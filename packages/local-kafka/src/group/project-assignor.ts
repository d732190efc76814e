import { activeStandbyAssignor, type ActiveStandbyAssignor } from '@kafka-assignors/assignor-active-standby';
import { rangeAssignor } from '@kafka-assignors/assignor-range';
import { roundRobinAssignor } from '@kafka-assignors/assignor-roundrobin';
import { cooperativeStickyAssignor, stickyAssignor } from '@kafka-assignors/assignor-sticky';
import type { Assignor } from '@kafka-assignors/core';
import type { PlatformaticMemberAssignor } from './platformatic-member-event.js';

/** A new instance of the project's assignor of protocol `name`; an active-standby member is named `memberName`. */
export function createProjectAssignor(name: PlatformaticMemberAssignor, memberName: string): Assignor | ActiveStandbyAssignor {
  switch (name) {
    case 'range':
      return rangeAssignor();
    case 'roundrobin':
      return roundRobinAssignor();
    case 'sticky':
      return stickyAssignor();
    case 'cooperative-sticky':
      return cooperativeStickyAssignor();
    case 'active-standby':
      return activeStandbyAssignor({ name: memberName });
  }
}
