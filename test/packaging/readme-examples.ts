import { mkdirSync, writeFileSync } from 'node:fs';
import type { ReadmeCodeBlock } from './readme-code-blocks.js';

/** The client that `given kafka` blocks use; creating it connects to nothing. */
const KAFKA_PRELUDE = `import { Kafka } from 'kafkajs';
const kafka = new Kafka({ clientId: 'readme', brokers: ['127.0.0.1:9092'] });
`;

export interface ReadmeExample {
  readonly block: ReadmeCodeBlock;
  /** Its file name in the example folders: the block's own `file` name, or one made of README and line. */
  readonly fileName: string;
  /** Top-level await makes a block an ES module only: CommonJS has none. */
  readonly esmOnly: boolean;
}

function exampleFileName(block: ReadmeCodeBlock): string {
  return block.fileName ?? `${block.readme.replace(/\/?README\.md$/, '').replaceAll('/', '-') || 'root'}-line-${block.line}.ts`;
}

export function readmeExamples(blocks: readonly ReadmeCodeBlock[]): ReadmeExample[] {
  return blocks
    .filter((block) => block.language === 'ts')
    .map((block) => ({ block, fileName: exampleFileName(block), esmOnly: /^(?:const .*=\s*)?await /m.test(block.code) }));
}

/**
 * Writes the examples into `directory`/esm (an ES-module package) and `directory`/cjs (a CommonJS one), the same
 * sources in both, so that one compiler setting type-checks and emits them as each module system.
 */
export function writeReadmeExamples(directory: string, examples: readonly ReadmeExample[]): void {
  for (const [format, type] of [['esm', 'module'], ['cjs', 'commonjs']] as const) {
    mkdirSync(`${directory}/${format}`, { recursive: true });
    writeFileSync(`${directory}/${format}/package.json`, `${JSON.stringify({ type })}\n`);
    for (const { block, fileName, esmOnly } of examples) {
      if (format === 'cjs' && esmOnly) continue;
      const source = `${block.givenKafka ? KAFKA_PRELUDE : ''}${block.code}`;
      // Each example is a module of its own, whatever it imports, so that top-level names do not collide.
      writeFileSync(`${directory}/${format}/${fileName}`, /^(import|export) /m.test(source) ? source : `${source}export {};\n`);
    }
  }
}

/** Compiler options as strict as this repository's own, our declarations checked too (no skipLibCheck). */
export const STRICT_OPTIONS = {
  target: 'ES2022',
  lib: ['ES2023'],
  types: ['node'],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  skipLibCheck: false,
  verbatimModuleSyntax: false,
  esModuleInterop: true,
};
