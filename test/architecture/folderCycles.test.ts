import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { folderCycles, folderEdges } from './folderGraph.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('code layout', () => {
  it('has no import cycle between the folders of server/ (type imports count too)', () => {
    const edges = folderEdges(`${root}server`);
    expect(edges.length, 'the folders import one another').to.be.above(50);
    const cycles = folderCycles(edges);
    const explain = cycles.map((group) =>
      edges
        .filter((e) => group.includes(e.from) && group.includes(e.to))
        .map((e) => `${e.file} -> ${e.target}`)
        .join('\n'),
    );
    expect(cycles, explain.join('\n\n')).to.deep.equal([]);
  });

  it('finds a cycle when there is one (the check itself)', () => {
    const edge = (from: string, to: string) => ({ from, to, file: `${from}/a.ts`, target: `${to}/b.ts` });
    expect(folderCycles([edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('c', 'd')])).to.deep.equal([
      ['a', 'b', 'c'],
    ]);
    expect(folderCycles([edge('a', 'b'), edge('b', 'c')])).to.deep.equal([]);
  });

  it('keeps shared/ free of server/ and client/ imports', () => {
    const outside = folderEdges(root).filter(
      (e) => e.from === 'shared' && (e.to === 'server' || e.to === 'client'),
    );
    expect(outside.map((e) => `${e.file} -> ${e.target}`)).to.deep.equal([]);
  });
});
