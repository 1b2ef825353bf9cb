import { describe, expect, it } from 'vitest';
import { cursorOffset, fieldDiff, parseAuthors, TextEditQueue, urlsIn } from './edits';

describe('cursorOffset', () => {
  it('counts lines and characters, astral ones as two code units', () => {
    const text = '第一行\n中😀文b\n';
    expect(cursorOffset(text, 1, 1)).toBe(0);
    expect(cursorOffset(text, 2, 1)).toBe(4);
    expect(cursorOffset(text, 2, 3)).toBe(4 + 1 + 2);
    expect(cursorOffset(text, 2, 99)).toBe(text.indexOf('\n', 4));
    expect(cursorOffset(text, 9, 1)).toBe(text.length);
  });
});

describe('TextEditQueue', () => {
  it('recomputes an edit when the text changed meanwhile, and applies edits in order', async () => {
    let text = 'a';
    const applied: string[] = [];
    const q = new TextEditQueue(
      () => text,
      (next) => {
        text = next;
        applied.push(next);
      },
    );
    let calls = 0;
    const first = q.run(async (t) => {
      calls++;
      if (calls === 1) text = t + 'typed'; // the editor typed while Go computed
      return { text: t + '[^1]' };
    });
    const second = q.run(async (t) => ({ text: t + '!' }));
    await first;
    await second;
    expect(calls).toBe(2);
    expect(applied).toEqual(['atyped[^1]', 'atyped[^1]!']);
  });

  it('drops an edit computed for a draft that is no longer shown', async () => {
    let text = 'draft one';
    let draft = 1;
    const q = new TextEditQueue(
      () => text,
      (n) => (text = n),
      () => draft,
    );
    await q.run(async (t) => {
      draft = 2;
      text = 'draft two';
      return { text: t + ' edited' };
    });
    expect(text).toBe('draft two');
  });

  it('keeps going after a failed edit', async () => {
    let text = 'x';
    const q = new TextEditQueue(
      () => text,
      (n) => (text = n),
    );
    await expect(q.run(async () => Promise.reject(new Error('bad')))).rejects.toThrow('bad');
    await q.run(async (t) => ({ text: t + 'y' }));
    expect(text).toBe('xy');
  });
});

describe('small helpers', () => {
  it('splits authors on Latin and Chinese commas', () => {
    expect(parseAuthors(' Li Ming, 王芳，张三、 ')).toEqual(['Li Ming', '王芳', '张三']);
  });
});

describe('urlsIn', () => {
  it('takes one address per line, each once, and ignores other text', () => {
    expect(urlsIn('https://a.example/1\n\n  http://b.example/x?y=1  \r\nnot a url\nhttps://a.example/1\nftp://c.example/')).toEqual([
      'https://a.example/1',
      'http://b.example/x?y=1',
    ]);
    expect(urlsIn('see https://a.example/1 here')).toEqual([]);
  });
});

describe('fieldDiff', () => {
  const cited = { title: '旧标题', outlet: '示例网', authors: ['张三'], published: '2025/7/1', retrieved: '2025/7/2' };
  it('lists the fields the page changed, never one the page leaves empty', () => {
    expect(fieldDiff(cited, { ...cited, title: '新标题', authors: [], retrieved: '2025/7/8' })).toEqual(['title', 'retrieved']);
    expect(fieldDiff(cited, { ...cited, authors: ['张三', '李四'] })).toEqual(['authors']);
    expect(fieldDiff(cited, { ...cited, outlet: ' 示例网 ' })).toEqual([]);
  });
});
