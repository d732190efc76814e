export { rangeAssignor } from './range-assignor.js';
