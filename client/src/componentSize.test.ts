// Keeps the client's components small enough to read: no component longer than 200 lines, the shell at most 300.
// Parses every .tsx file with the TypeScript compiler instead of matching braces, so strings and JSX text cannot fool it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.dirname(fileURLToPath(import.meta.url));
const MAX_COMPONENT_LINES = 200;
const MAX_SHELL_LINES = 300;

function containsJsx(node: ts.Node): boolean {
  if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) return true;
  return ts.forEachChild(node, (child) => (containsJsx(child) ? true : undefined)) ?? false;
}

/** Functions named like components (Capitalised) that render JSX, with their length in lines. */
function componentLengths(source: string, file: string): { name: string; lines: number }[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const out: { name: string; lines: number }[] = [];
  const lineOf = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line;
  const visit = (node: ts.Node) => {
    if (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node)) {
      const declared = ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) ? node.name?.text : undefined;
      const parent = node.parent;
      const assigned = parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) ? parent.name.text : undefined;
      const name = declared ?? assigned;
      if (name && /^[A-Z]/.test(name) && containsJsx(node)) out.push({ name, lines: lineOf(node.getEnd()) - lineOf(node.getStart(sf)) + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return tsxFiles(p);
    return e.name.endsWith('.tsx') && !e.name.endsWith('.test.tsx') ? [p] : [];
  });
}

describe('component size', () => {
  it('finds components declared as functions and as arrow constants', () => {
    const long = Array.from({ length: 5 }, () => '  const x = 1;').join('\n');
    const src = `export function A() {\n${long}\n  return <p>{'{'}it's</p>;\n}\nconst B = () => <b />;\nfunction helper() { return 1; }\n`;
    expect(componentLengths(src, 'x.tsx')).toEqual([
      { name: 'A', lines: 8 },
      { name: 'B', lines: 1 },
    ]);
  });

  it(`has no component longer than ${MAX_COMPONENT_LINES} lines`, () => {
    const tooLong = tsxFiles(SRC).flatMap((file) =>
      componentLengths(readFileSync(file, 'utf8'), file)
        .filter((c) => c.lines > MAX_COMPONENT_LINES)
        .map((c) => `${path.relative(SRC, file)}: ${c.name} (${c.lines} lines)`),
    );
    expect(tooLong).toEqual([]);
  });

  it(`keeps the app shell at most ${MAX_SHELL_LINES} lines`, () => {
    expect(readFileSync(path.join(SRC, 'app/App.tsx'), 'utf8').split('\n').length).toBeLessThanOrEqual(MAX_SHELL_LINES);
  });
});
