import type { TestProject } from 'vitest/node';
import { CHROMIUM, requireTool } from './tool-check.js';

export default function setup(project: TestProject): void {
  requireTool(project, CHROMIUM);
}
