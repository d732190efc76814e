import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export interface PublishedPackage {
  readonly name: string;
  /** Its folder, relative to the repository: packages/core. */
  readonly directory: string;
}

/** The workspaces that npm would publish: every one not marked private. */
export function publishedPackages(root: string): PublishedPackage[] {
  const workspaces = (JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { workspaces: string[] }).workspaces;
  return workspaces.flatMap((directory) => {
    const manifest = JSON.parse(readFileSync(`${root}/${directory}/package.json`, 'utf8')) as { name: string; private?: boolean };
    return manifest.private === true ? [] : [{ name: manifest.name, directory }];
  });
}

export interface PackedPackage extends PublishedPackage {
  readonly tarball: string;
  /** The paths inside the tarball, relative to the package. */
  readonly files: readonly string[];
}

/** `npm pack` of each package into `destination`, from its built `dist` (npm test builds first). */
export function packPackages(root: string, packages: readonly PublishedPackage[], destination: string): PackedPackage[] {
  for (const { directory } of packages) {
    if (!existsSync(`${root}/${directory}/dist`)) throw new Error(`${directory}/dist is missing: run "npm run build" first (npm test does)`);
  }
  const output = execFileSync('npm', ['pack', '--json', '--pack-destination', destination, ...packages.flatMap(({ directory }) => ['-w', directory])], {
    cwd: root,
    encoding: 'utf8',
  });
  const packed = JSON.parse(output) as { name: string; filename: string; files: { path: string }[] }[];
  return packages.map((pkg) => {
    const entry = packed.find(({ name }) => name === pkg.name);
    if (entry === undefined) throw new Error(`npm pack did not pack ${pkg.name}`);
    return { ...pkg, tarball: `${destination}/${entry.filename}`, files: entry.files.map(({ path }) => path) };
  });
}
