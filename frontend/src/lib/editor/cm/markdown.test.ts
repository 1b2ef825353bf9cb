import { describe, expect, it } from 'vitest';
import { EditorState } from '@codemirror/state';
import { ensureSyntaxTree } from '@codemirror/language';
import { markdownLanguage } from './markdown';
import { definedFootnotes } from './footnoteCompletion';

function nodes(doc: string): string[] {
  const state = EditorState.create({ doc, extensions: [markdownLanguage] });
  const tree = ensureSyntaxTree(state, doc.length, 5000)!;
  const out: string[] = [];
  tree.iterate({ enter: (n) => void out.push(`${n.name}:${doc.slice(n.from, n.to)}`) });
  return out;
}

describe('markdown language', () => {
  it('marks footnote references and their labels', () => {
    const found = nodes('扎克伯格的投入[^4], [^2]。\n');
    expect(found).toContain('FootnoteRef:[^4]');
    expect(found).toContain('FootnoteLabel:2');
  });

  it('does not take links or code for footnotes', () => {
    const found = nodes('[链接](https://example.com) 与 `[^1]`\n');
    expect(found.filter((n) => n.startsWith('FootnoteRef'))).toEqual([]);
  });

  it('reads the front matter as one block, not as a heading', () => {
    const found = nodes('---\ntitle: 标题\ntags:\n  - a\n---\n\n正文\n');
    expect(found).toContain('FrontMatter:---\ntitle: 标题\ntags:\n  - a\n---');
    expect(found.some((n) => n.startsWith('SetextHeading'))).toBe(false);
  });
});

describe('footnote choices', () => {
  it('lists defined labels with the source title, once each', () => {
    const text = '正文[^1]\n\n[^1]: [On-device AI](https://e.com/a)·Example（2025/7/1）·检索日期2025/7/8\n[^b]: 无链接\n[^1]: 重复\n';
    expect(definedFootnotes(text)).toEqual([
      { label: '1', detail: 'On-device AI' },
      { label: 'b', detail: '无链接' },
    ]);
  });
});
