export { activeStandbyAssignor, ACTIVE_STANDBY_PROTOCOL, type ActiveStandbyAssignor } from './active-standby-assignor.js';
export type { ActiveStandbyOptions } from './active-standby-options.js';
export { ActiveStandbyOptionsError } from './active-standby-options-error.js';
export { ActiveStandbyDataError } from './active-standby-data-error.js';
export type { ActiveStandbyLogger } from './logger.js';
export type { Role, RoleChange, RoleChangeReason, RoleState } from './role-change.js';
export type { RoleChangeListener } from './role-listeners.js';
export {
  decodeMemberUserData,
  encodeMemberUserData,
  MEMBER_USER_DATA_VERSION,
  type LastRebalance,
  type MemberUserData,
} from './member-user-data.js';
export {
  decodeRoleRecord,
  designationOf,
  encodePartitionsDesignateRecord,
  encodeRoleRecord,
  ROLE_RECORD_VERSION,
  type DecisionReason,
  type Designation,
  type RoleRecord,
} from './role-record.js';
export {
  describeActiveStandbyGroup,
  NotActiveStandbyGroupError,
  type ActiveStandbyGroupView,
  type ActiveStandbyMemberView,
  type DescribedGroup,
  type DescribedMember,
  type DescribeGroupsAdmin,
} from './describe-active-standby-group.js';
export { serveRole, type RoleEndpoint } from './serve-role.js';
export { DEFAULT_ROLE_ENDPOINT_PORT, type MetricsRegistry, type RoleEndpointOptions } from './role-endpoint-options.js';
export type { RoleReport } from './role-report.js';
export type { WatchedConsumer } from './consumer-liveness.js';
