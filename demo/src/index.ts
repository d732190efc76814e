export { PodGroup, type PodGroupOptions } from './pod-group.js';
export type { PodEvent } from './pod-event.js';
export { RECOMMENDED_FAILOVER_SETTINGS, type PodClient, type PodSettings } from './pod-settings.js';
export { startPod, type Pod } from './start-pod.js';
