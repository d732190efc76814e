import type { WorkerMessage } from './worker-message.js';

/** Sends a message to the parent process and resolves once it is handed over. */
export function sendToParent(message: WorkerMessage): Promise<void> {
  const send = process.send?.bind(process);
  if (send === undefined) throw new Error('this worker runs only as a child process of the benchmark, with an IPC channel');
  return new Promise((resolve, reject) => send(message, undefined, {}, (error) => (error === null ? resolve() : reject(error))));
}
