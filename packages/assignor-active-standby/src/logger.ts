/** What the assignor logs through; a KafkaJS logger (`kafka.logger()`) fits. */
export interface ActiveStandbyLogger {
  info(message: string, extra?: object): void;
  warn(message: string, extra?: object): void;
  error(message: string, extra?: object): void;
}

/** Writes to the console, with the structured details after the message. */
export const consoleLogger: ActiveStandbyLogger = {
  info: (message, extra) => console.info(`[active-standby] ${message}`, extra ?? ''),
  warn: (message, extra) => console.warn(`[active-standby] ${message}`, extra ?? ''),
  error: (message, extra) => console.error(`[active-standby] ${message}`, extra ?? ''),
};
