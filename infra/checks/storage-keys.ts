// DynamoDB keys (`CUST#42`, `call-task#${sid}`) are built only inside functions/adapters/dynamo/, so the
// table layout can change in one place. This check finds key-shaped text anywhere else in functions/,
// infra/ and flows/; `npm run check` runs it (`tsx infra/checks/storage-keys.ts [root]`).
import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** A key prefix: an identifier-like word followed by `#`. A lone `#` (Gather's finishOnKey) is not one. */
export const KEY_PREFIX = /^[A-Za-z][A-Za-z0-9_-]*#/;

/** Folders scanned, relative to the repository root. */
export const SCANNED = ['functions', 'infra', 'flows'] as const;

/** Where key text belongs: the adapter that owns the layout, and this check (its own examples). */
export const EXEMPT = ['functions/adapters/dynamo/', 'infra/checks/'] as const;

const SOURCE_FILE = /\.(ts|tsx|mts|cts)$/;

export interface KeyLiteral {
  /** Path relative to the scanned root, with `/` separators. */
  readonly file: string;
  /** 1-based line of the literal's start. */
  readonly line: number;
  /** The literal as written: `'CUST#'`, `` `heartbeat#` ``, or a template's head `` `call-task#${…}` ``. */
  readonly text: string;
}

/** Key-shaped string literals, no-substitution templates and template heads in one source text. */
export function keyLiteralsIn(file: string, source: string): KeyLiteral[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false, kind);
  const found: KeyLiteral[] = [];
  const visit = (node: ts.Node): void => {
    const text = literalText(node);
    if (text !== undefined && KEY_PREFIX.test(text)) {
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      // A template head's source text stops at `${`; close it so the finding reads as the template does.
      const written = node.getText(sf);
      found.push({ file, line, text: ts.isTemplateHead(node) ? `${written}…}\`` : written });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  // A template's head is reached through its TemplateExpression; forEachChild visits it.
  if (ts.isTemplateHead(node)) return node.text;
  return undefined;
}

/** Every key-shaped literal under `root` (a repository or a fixture tree) outside the exempt folders. */
export function findStorageKeysOutsideAdapter(root: string): KeyLiteral[] {
  const found: KeyLiteral[] = [];
  for (const folder of SCANNED) {
    for (const path of sourceFiles(join(root, folder))) {
      const file = relative(root, path).split(sep).join('/');
      if (EXEMPT.some((prefix) => file.startsWith(prefix))) continue;
      found.push(...keyLiteralsIn(file, readFileSync(path, 'utf8')));
    }
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    // A fixture tree need not have every scanned folder.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
      return entry.isFile() && SOURCE_FILE.test(entry.name) ? [path] : [];
    });
}

function main(root: string): number {
  const found = findStorageKeysOutsideAdapter(root);
  for (const key of found) {
    console.error(`  error storage-keys-in-dynamo-adapter: ${key.file}:${key.line} builds ${key.text}`);
  }
  if (found.length > 0) {
    console.error(
      `\nx ${found.length} storage key(s) built outside ${EXEMPT[0]}: give the adapter a typed key ` +
        'function and call it instead.',
    );
    return 1;
  }
  console.log('Storage keys are built only in functions/adapters/dynamo/.');
  return 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main(process.argv[2] ?? process.cwd());
}
