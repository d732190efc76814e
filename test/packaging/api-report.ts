import { Extractor, ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PublishedPackage } from './published-packages.js';

/** Where the committed reports are: one per entry of each published package. */
export const API_REPORT_FOLDER = 'etc/api';

export interface PackageEntry {
  readonly package: PublishedPackage;
  /** The export's subpath: '.', './testing'. */
  readonly subpath: string;
  /** Its ESM type declarations, relative to the package. */
  readonly declarations: string;
  /** The report's file name without its extension: core, core-testing. */
  readonly reportName: string;
}

type ExportTarget = string | { import?: { types?: string }; types?: string };

/** Every entry that a package's `exports` lists with type declarations. */
export function packageEntries(root: string, pkg: PublishedPackage): PackageEntry[] {
  const manifest = JSON.parse(readFileSync(join(root, pkg.directory, 'package.json'), 'utf8')) as { exports: Record<string, ExportTarget> };
  const unscoped = pkg.name.replace(/^@[^/]+\//, '');
  return Object.entries(manifest.exports).flatMap(([subpath, target]) => {
    const declarations = typeof target === 'string' ? undefined : (target.import?.types ?? target.types);
    if (declarations === undefined) return [];
    const reportName = subpath === '.' ? unscoped : `${unscoped}-${subpath.replace(/^\.\//, '').replaceAll('/', '-')}`;
    return [{ package: pkg, subpath, declarations, reportName }];
  });
}

export interface ApiReportResult {
  readonly entry: PackageEntry;
  /** False when the entry's API differs from its committed report (in check mode, the report is left as it was). */
  readonly matches: boolean;
  /** Errors and warnings API Extractor reported, other than the difference itself. */
  readonly problems: readonly string[];
}

/**
 * Runs API Extractor on one entry's built declarations. `update` writes the report into etc/api; otherwise the
 * committed report is only compared, as CI does.
 */
export function runApiReport(root: string, entry: PackageEntry, update: boolean): ApiReportResult {
  const temp = mkdtempSync(join(tmpdir(), 'kafka-assignors-api-'));
  try {
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder: join(root, entry.package.directory),
        mainEntryPointFilePath: join(root, entry.package.directory, entry.declarations),
        compiler: {
          overrideTsconfig: {
            compilerOptions: { target: 'ES2022', lib: ['ES2023'], module: 'node16', moduleResolution: 'node16', types: ['node'], strict: true, skipLibCheck: true },
          },
        },
        apiReport: {
          enabled: true,
          reportFileName: entry.reportName,
          reportFolder: join(root, API_REPORT_FOLDER),
          reportTempFolder: temp,
        },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        messages: {
          // Release tags (@public, @beta) are not how this project marks stability: entries are.
          extractorMessageReporting: { 'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None } },
          tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
        },
      },
      configObjectFullPath: undefined,
      packageJsonFullPath: join(root, entry.package.directory, 'package.json'),
    });
    const problems: string[] = [];
    const result = Extractor.invoke(config, {
      localBuild: update,
      messageCallback: (message) => {
        message.handled = true;
        if (message.messageId === 'console-api-report-changed' || message.messageId === 'console-api-report-copied') return;
        if (message.logLevel === ExtractorLogLevel.Error || message.logLevel === ExtractorLogLevel.Warning) problems.push(message.formatMessageWithLocation(root));
      },
    });
    return { entry, matches: !result.apiReportChanged, problems };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
