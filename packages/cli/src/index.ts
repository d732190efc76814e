export { runCli, type CliInput, type CliResult } from './run-cli.js';
export { assignorCatalog, type CatalogEntry } from './assignor-catalog.js';
export type { Terminal } from './cli-result.js';
