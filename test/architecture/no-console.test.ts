// Every line the application logs goes through the Logger port (functions/domain/logger.ts), so it is
// structured, levelled and carries the request's correlation keys. This scan fails on any use of the
// global `console` in functions/, naming the file and line.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FUNCTIONS = join(ROOT, 'functions');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Line numbers of each use of the global console; a property or key of our own named `console` is not one. */
function consoleLines(name: string, text: string): number[] {
  const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
  const found: number[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === 'console' && (!isName(node) || isGlobalProperty(node))) {
      found.push(source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function isName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    (ts.isPropertyAssignment(parent) && parent.name === node) ||
    (ts.isPropertySignature(parent) && parent.name === node) ||
    (ts.isPropertyDeclaration(parent) && parent.name === node) ||
    (ts.isMethodDeclaration(parent) && parent.name === node)
  );
}

/** `globalThis.console`, `global.console`: the same console by another road. */
function isGlobalProperty(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (
    ts.isPropertyAccessExpression(parent) &&
    ts.isIdentifier(parent.expression) &&
    ['globalThis', 'global'].includes(parent.expression.text)
  );
}

describe('functions/ logs through the Logger port', () => {
  it('recognises a use of console, and leaves names of our own alone', () => {
    const probe = [
      "console.log('a');",
      'const write = console.error;',
      'globalThis.console.warn(1);',
      "const ports = { console: 'serial' };",
      'ports.console;',
      '// console.log in a comment is not code',
    ].join('\n');
    expect(consoleLines('probe.ts', probe)).toEqual([1, 2, 3]);
  });

  it('has no console call or reference in functions/', () => {
    const files = sourceFiles(FUNCTIONS);
    expect(files.length).toBeGreaterThan(50);
    const uses = files.flatMap((file) =>
      consoleLines(file, readFileSync(file, 'utf8')).map((line) => `${relative(ROOT, file)}:${line}`),
    );
    expect(uses).toEqual([]);
  });
});
