import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { missingToolLine, PYTHON } from '../../../../test/tools/tool-check.js';

const run = promisify(execFile);
const EXAMPLE = fileURLToPath(new URL('../../../../examples/sidecar-python/', import.meta.url));
const VENV = fileURLToPath(new URL('../../../../node_modules/.cache/sidecar-python-venv/', import.meta.url));
/** Holds the requirements the venv was made from: a change of the pinned version makes a new venv. */
const INSTALLED_MARK = join(VENV, 'installed-requirements.txt');
const PIP_TIMEOUT_MS = 300_000;

/** The Python app of examples/sidecar-python and the interpreter of its venv, which has its requirements. */
export interface PythonApp {
  readonly python: string;
  readonly script: string;
}

/**
 * Makes the app's venv under node_modules/.cache (python3 -m venv, then pip install of its pinned requirements from
 * PyPI), unless one made from the same requirements is there. Without python3 it fails with one line saying
 * what to install, as the projects' tool checks do.
 */
export async function installPythonApp(): Promise<PythonApp> {
  const missing = missingToolLine('integration', PYTHON);
  if (missing !== null) throw oneLine(missing);
  const requirements = await readFile(join(EXAMPLE, 'requirements.txt'), 'utf8');
  const app = { python: join(VENV, 'bin', 'python'), script: join(EXAMPLE, 'app.py') };
  if ((await readFile(INSTALLED_MARK, 'utf8').catch(() => null)) === requirements) return app;
  await rm(VENV, { recursive: true, force: true });
  try {
    await run('python3', ['-m', 'venv', VENV]);
    await run(join(VENV, 'bin', 'pip'), ['install', '--disable-pip-version-check', '--quiet', '--only-binary=:all:', '-r', join(EXAMPLE, 'requirements.txt')], {
      timeout: PIP_TIMEOUT_MS,
    });
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    const reason = stderr?.trim().split('\n').at(-1) ?? message;
    throw oneLine(`the sidecar test could not install examples/sidecar-python/requirements.txt in ${VENV}: ${reason}`);
  }
  await writeFile(INSTALLED_MARK, requirements);
  return app;
}

/** An error whose stack is its message: it says all there is, and the stack would only point here. */
function oneLine(message: string): Error {
  const error = new Error(message);
  error.stack = message;
  return error;
}
