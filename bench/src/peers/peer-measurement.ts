import type { AssignmentJson } from '@kafka-assignors/core/scenario';
import { assignmentFromJson, assignmentQuality } from '../assignment-quality.js';
import type { Implementation } from '../implementation.js';
import type { Measurement } from '../measurement.js';
import { median } from '../median.js';
import type { ScenarioUnderTest } from './peer.js';
import { rebalanceProtocolOf } from './rebalance-protocol-of.js';

const NS_PER_MS = 1e6;

/** A peer process's answer for one assignor on one scenario, its samples in nanoseconds, as a Measurement. */
export function peerMeasurement(target: ScenarioUnderTest, implementation: Implementation, assignor: string, samplesNs: readonly number[], result: AssignmentJson): Measurement {
  return {
    scenario: target.id,
    implementation,
    assignor,
    medianMs: median(samplesNs) / NS_PER_MS,
    samples: samplesNs.length,
    quality: assignmentQuality(target.scenario, assignmentFromJson(result), rebalanceProtocolOf(assignor)),
  };
}
