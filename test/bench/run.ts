// `npm run bench`: runs every benchmark module in this folder (each exports `run()`, prints its
// figures and writes bench-results/<name>.json). `npm run bench -- foundation` runs only those named.
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const modules = readdirSync(here)
  .filter((file) => file.endsWith('.ts') && file !== 'run.ts')
  .sort();

let ran = 0;
for (const file of modules) {
  const name = basename(file, '.ts');
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const module = (await import(pathToFileURL(`${here}${file}`).href)) as { run?: () => Promise<unknown> };
  // Helpers (stats.ts) live here too; a benchmark is whatever exports run().
  if (typeof module.run !== 'function') continue;
  console.log(`\n=== ${name} ===`);
  await module.run();
  ran++;
}
if (ran === 0) {
  console.error(`No benchmark matched ${wanted.join(', ') || '(none found)'}.`);
  process.exit(1);
}
