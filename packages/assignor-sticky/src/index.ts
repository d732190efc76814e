export { stickyAssignor } from './sticky-assignor.js';
export { cooperativeStickyAssignor } from './cooperative-sticky-assignor.js';
export { minimumPartitionMoves } from './minimum-partition-moves.js';
export { decodeStickyUserData, encodeStickyUserData, stickyUserDataLayout, type StickyUserData, type StickyUserDataLayout } from './sticky-user-data.js';
export { decodeCooperativeStickyUserData, encodeCooperativeStickyUserData } from './cooperative-sticky-user-data.js';
