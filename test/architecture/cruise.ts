// Runs dependency-cruiser on a fixture tree exactly as `npm run check:layers` runs it on the repository:
// the same rule file, the same folders, the same tsconfig, the same reporter.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, format, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../fixtures/architecture/', import.meta.url));

/** The `depcruise` command line of `npm run check:layers`, split into what the tests reuse. */
export function layersScript(): { folders: string[]; config: string; outputType: string } {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const words = (pkg.scripts['check:layers'] ?? '').split(/\s+/);
  const start = words.indexOf('depcruise');
  if (start < 0) throw new Error('check:layers does not run depcruise');
  const args = words.slice(start + 1);
  const option = (name: string) => {
    const at = args.indexOf(name);
    const value = at < 0 ? undefined : args[at + 1];
    if (value === undefined) throw new Error(`check:layers has no ${name}`);
    return value;
  };
  const firstOption = args.findIndex((w) => w.startsWith('-'));
  return {
    folders: args.slice(0, firstOption < 0 ? undefined : firstOption),
    config: option('--config'),
    outputType: option('--output-type'),
  };
}

export interface Violation {
  readonly rule: string;
  readonly from: string;
  readonly to: string;
}

export interface FixtureCruise {
  readonly violations: Violation[];
  readonly modules: string[];
  /** The violations as `npm run check:layers` prints them. */
  readonly report: () => Promise<string>;
}

const tsConfigFile = join(REPO_ROOT, 'tsconfig.json');
let parsedTsConfig: ReturnType<typeof extractTSConfig> | undefined;

export async function cruiseFixture(name: string): Promise<FixtureCruise> {
  const script = layersScript();
  const baseDir = join(FIXTURES, name);
  const folders = script.folders.filter((folder) => existsSync(join(baseDir, folder)));
  if (folders.length === 0) throw new Error(`fixture ${name} has none of ${script.folders.join(', ')}`);
  const options = await extractDepcruiseOptions(join(REPO_ROOT, script.config));
  parsedTsConfig ??= extractTSConfig(tsConfigFile);
  const cruised = await cruise(
    folders,
    { ...options, baseDir, tsConfig: { fileName: tsConfigFile } },
    {},
    { tsConfig: parsedTsConfig },
  );
  const result = cruised.output as ICruiseResult;
  return {
    violations: result.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to })),
    modules: result.modules.map((m) => m.source),
    report: async () => String((await format(result, { outputType: script.outputType as 'err' })).output),
  };
}
