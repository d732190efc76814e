export { instrumentAssignor, type InstrumentAssignorOptions } from './instrument-assignor.js';
export { registeredCounter, registeredGauge, registeredHistogram } from './registry-collector.js';
