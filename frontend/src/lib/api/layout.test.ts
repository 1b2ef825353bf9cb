// The API layer's shape: no import cycle inside lib/api (a module that imports
// index.ts, which re-exports it, gets half-initialized bindings depending on
// who is loaded first), index.ts only re-exports, and code outside lib/api
// imports it through index.ts alone.
import { describe, expect, it } from 'vitest';

// Text, not a parser: the modules here are plain TypeScript, one import per statement.
const importPattern = /(?:^|\n)\s*(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The module specifiers a source imports or re-exports from, in order. */
function importsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(importPattern)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

/** The sibling module a specifier names ("./x" → "x", "." → "index"), or null for any other folder. */
function resolveSibling(spec: string): string | null {
  if (spec === '.' || spec === './') return 'index';
  const m = /^\.\/([^/]+?)(?:\.ts)?$/.exec(spec);
  return m ? m[1] : null;
}

/** A cycle in the graph as the path that closes it (first node repeated at the end), or null. */
function findCycle(graph: Map<string, string[]>): string[] | null {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    const at = path.indexOf(node);
    if (at >= 0) return [...path.slice(at), node];
    if (done.has(node)) return null;
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    path.pop();
    done.add(node);
    return null;
  };
  for (const node of graph.keys()) {
    const found = visit(node);
    if (found) return found;
  }
  return null;
}

/** Whether a module's only statements are `export … from '…'` (comments and blank lines aside). */
function isPureReExport(text: string): boolean {
  const code = text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .trim();
  if (code === '') return false;
  return code
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .every((s) => /^export\s+(\*|\{[^}]*\})\s+from\s+['"][^'"]+['"]$/.test(s));
}

const sources = import.meta.glob<string>(['./*.ts', '!./*.test.ts'], { query: '?raw', import: 'default', eager: true });
const outside = import.meta.glob<string>(['../../**/*.ts', '../../**/*.svelte', '!../../lib/api/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Module name (file without ./ and .ts) → the sibling modules it imports. */
function graph(files: Record<string, string>): Map<string, string[]> {
  const names = new Set(Object.keys(files).map((p) => p.replace(/^\.\//, '').replace(/\.ts$/, '')));
  const g = new Map<string, string[]>();
  for (const [path, text] of Object.entries(files)) {
    const name = path.replace(/^\.\//, '').replace(/\.ts$/, '');
    g.set(
      name,
      importsOf(text)
        .map(resolveSibling)
        .filter((n): n is string => n !== null && names.has(n)),
    );
  }
  return g;
}

describe('lib/api layout', () => {
  it('has every service module and index among the files it checks', () => {
    const names = [...graph(sources).keys()];
    for (const m of ['index', 'errors', 'call', 'system', 'library', 'editor', 'citations', 'history', 'export', 'site']) {
      expect(names).toContain(m);
    }
  });

  it('has no import cycle', () => {
    expect(findCycle(graph(sources))).toBeNull();
  });

  it('no module but index imports index', () => {
    for (const [name, deps] of graph(sources)) {
      if (name !== 'index') expect({ name, deps }).toEqual({ name, deps: deps.filter((d) => d !== 'index') });
    }
  });

  it('index.ts only re-exports', () => {
    expect(isPureReExport(sources['./index.ts'])).toBe(true);
  });

  it('code outside lib/api imports it only through index', () => {
    const deep: string[] = [];
    for (const [path, text] of Object.entries(outside)) {
      for (const spec of importsOf(text)) if (/(^|\/)api\/[^/]+$/.test(spec) && !spec.endsWith('/index')) deep.push(`${path}: ${spec}`);
    }
    expect(deep).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('see every import form', () => {
    const text = `import a from './a';\nimport { b } from "./b";\nimport type { C } from './c';\nexport * from './d';\nexport { e } from './e';\nimport './f';\nconst g = await import('./g');`;
    expect(importsOf(text)).toEqual(['./a', './b', './c', './d', './e', './f', './g']);
  });

  it('resolve . and ./index to index, and leave other folders alone', () => {
    expect(['.', './', './index', './index.ts', './errors', '../i18n', './sub/x'].map(resolveSibling)).toEqual([
      'index', 'index', 'index', 'index', 'errors', null, null,
    ]);
  });

  it('find a cycle through several modules, and none in a tree', () => {
    const cyclic = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', []]]);
    expect(findCycle(cyclic)).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]]))).toBeNull();
  });

  it('tell a re-export from a module with code', () => {
    expect(isPureReExport(`// doc\nexport * from './a';\nexport { b, type C } from './b';\n`)).toBe(true);
    expect(isPureReExport(`export * from './a';\nexport const x = 1;\n`)).toBe(false);
    expect(isPureReExport(`import { a } from './a';\nexport { a };\n`)).toBe(false);
  });
});
