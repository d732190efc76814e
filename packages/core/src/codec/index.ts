export { decodeAssignment, encodeAssignment, type DecodedAssignment } from './assignment-codec.js';
export { encodeGroupAssignment } from './group-assignment-encoder.js';
export { ConsumerProtocolError, type ConsumerProtocolErrorReason } from './consumer-protocol-error.js';
export { decodeSubscription, encodeSubscription, type DecodedSubscription } from './subscription-codec.js';
