export { activeStandbyMetrics, type ActiveStandbyMetricsOptions } from './active-standby-metrics.js';
