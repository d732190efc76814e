export { roundRobinAssignor, type RoundRobinAssignorOptions } from './round-robin-assignor.js';
