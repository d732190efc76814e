import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignorCatalog, runCli } from '@kafka-assignors/cli';
import { DEFAULT_HISTORY_SETTINGS, generateHistory } from '../../src/lab/generate-history.js';

/** Debian's, which scripts/install-chromium.sh installs and the browser project's global setup requires. */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SETTINGS = { seed: 3, rounds: 12 };

describe('the lab report in headless Chromium', () => {
  let directory = '';
  let browser: Browser | undefined;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'lab-report-'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    if (directory !== '') await rm(directory, { recursive: true, force: true });
  });

  it('shows both charts, with a line per assignor and one per member, and asks the network for nothing', async () => {
    const report = join(directory, 'lab.html');
    const input = {
      readFile: (path: string) => readFile(path, 'utf8'),
      readStdin: () => Promise.resolve(''),
      writeFile: (path: string, text: string) => writeFile(path, text, 'utf8'),
      now: () => performance.now(),
      terminal: null,
      writeStdout: () => {
        throw new Error('lab prints nothing as it goes');
      },
      catchInterrupt: () => new AbortController().signal,
      environment: {},
    };
    const args = Object.entries(SETTINGS).flatMap(([option, value]) => [`--${option}`, String(value)]);
    const result = await runCli(['lab', ...args, '--out', report], input);
    expect(result.exitCode).toBe(0);

    const history = generateHistory({ ...DEFAULT_HISTORY_SETTINGS, ...SETTINGS });
    const memberNames = new Set([...history.members, ...history.rounds.flat()].flatMap((event) => (event.event === 'join' ? [event.member] : [])));
    const context = await (browser as Browser).newContext({ offline: true });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(report).href);

    const moves = page.locator('svg[data-chart="moves"]');
    await expect(moves.count()).resolves.toBe(1);
    const movesLines = moves.locator('path.series');
    await expect(movesLines.count()).resolves.toBe(assignorCatalog.length);
    await expectVisibleSize(moves);
    const lengths = await movesLines.evaluateAll((paths) => paths.map((path) => (path as unknown as { getTotalLength(): number }).getTotalLength()));
    for (const length of lengths) expect(length).toBeGreaterThan(0);
    await expect(moves.locator('g.legend').allTextContents()).resolves.toEqual(assignorCatalog.map((entry) => entry.name));

    for (const { name } of assignorCatalog) {
      const chart = page.locator(`svg[data-chart="members-${name}"]`);
      await expectVisibleSize(chart);
      await expect(chart.locator('path.series').count()).resolves.toBe(memberNames.size);
    }
    await expect(page.locator('table tbody tr').count()).resolves.toBe(assignorCatalog.length);
    expect(requests).toEqual([pathToFileURL(report).href]);
    await context.close();
  });
});

async function expectVisibleSize(element: { boundingBox(): Promise<{ width: number; height: number } | null> }) {
  const box = await element.boundingBox();
  expect(box?.width).toBeGreaterThan(0);
  expect(box?.height).toBeGreaterThan(0);
}
