import type { TestProject } from 'vitest/node';
import { GO, requireTool } from './tool-check.js';

export default function setup(project: TestProject): void {
  requireTool(project, GO);
}
