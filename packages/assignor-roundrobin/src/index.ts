export { roundRobinAssignor } from './round-robin-assignor.js';
