import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** One import between two top-level folders: the importing file and the imported one. */
export interface FolderEdge {
  from: string;
  to: string;
  file: string;
  target: string;
}

/** Folders that hold no source of ours. */
const SKIPPED = new Set(['node_modules', '.git', 'dist', '.cache', 'data', 'coverage']);

/** The TypeScript files under `dir` (recursively). */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (SKIPPED.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/**
 * Every relative import (values and types alike, read by TypeScript's pre-processor) from a file
 * under `root` to a file under `root` in another top-level folder. Files directly in `root` belong to
 * the folder `(root)`.
 */
export function folderEdges(root: string): FolderEdge[] {
  const base = resolve(root);
  const folderOf = (file: string) => {
    const parts = relative(base, file).split(sep);
    return parts.length > 1 ? (parts[0] as string) : '(root)';
  };
  const edges: FolderEdge[] = [];
  for (const file of sourceFiles(base)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = resolve(dirname(file), fileName);
      if (!target.startsWith(base + sep)) continue;
      const from = folderOf(file);
      const to = folderOf(target);
      if (from !== to) edges.push({ from, to, file: relative(base, file), target: relative(base, target) });
    }
  }
  return edges;
}

/** The strongly connected groups of more than one folder (Tarjan): each is an import cycle. */
export function folderCycles(edges: FolderEdge[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const e of edges) {
    if (!graph.has(e.from)) graph.set(e.from, new Set());
    if (!graph.has(e.to)) graph.set(e.to, new Set());
    graph.get(e.from)!.add(e.to);
  }
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!indices.has(v)) visit(v);
  return groups;
}
