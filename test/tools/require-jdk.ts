import type { TestProject } from 'vitest/node';
import { JDK_AND_MAVEN, requireTool } from './tool-check.js';

export default function setup(project: TestProject): void {
  requireTool(project, JDK_AND_MAVEN);
}
