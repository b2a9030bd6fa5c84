/**
 * `npm install` on a fresh clone rewrites package-lock.json whenever the lock's root entry disagrees with
 * package.json. The root entry once lacked `hasInstallScript` (package.json has a postinstall hook), so every
 * fresh install dirtied the work tree. These checks catch that class of drift without running npm.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
const lockRoot = lock.packages[''];

describe('package-lock.json matches package.json', () => {
  it('has the same name, version and license', () => {
    expect([lock.name, lock.version, lockRoot.name, lockRoot.version, lockRoot.license]).toEqual([
      pkg.name,
      pkg.version,
      pkg.name,
      pkg.version,
      pkg.license,
    ]);
  });

  it('records exactly the declared dependencies and engines', () => {
    expect(lockRoot.dependencies ?? {}).toEqual(pkg.dependencies ?? {});
    expect(lockRoot.devDependencies ?? {}).toEqual(pkg.devDependencies ?? {});
    expect(lockRoot.engines ?? {}).toEqual(pkg.engines ?? {});
  });

  it('flags the root install script exactly when package.json has one (npm adds or drops it otherwise)', () => {
    const hasInstallScript = ['preinstall', 'install', 'postinstall'].some((hook) => pkg.scripts?.[hook] !== undefined);
    expect(lockRoot.hasInstallScript === true).toBe(hasInstallScript);
  });

  it('locks every declared dependency at the exact pinned version', () => {
    const declared = { ...pkg.dependencies, ...pkg.devDependencies } as Record<string, string>;
    for (const [name, version] of Object.entries(declared)) {
      expect([name, lock.packages[`node_modules/${name}`]?.version]).toEqual([name, version]);
    }
  });
});
