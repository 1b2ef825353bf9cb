import { describe, expect, it } from 'vitest';
import { addItem, applyFormEdit, FormEditQueue, removeItemAt, toggleItem, type FrontMatterSetters } from './formEdits';

// Records which setter the form used, and answers like the backend would for
// one line "key: value" per call (enough to check routing and ordering).
function recorder() {
  const calls: string[] = [];
  const setLine = (text: string, key: string, v: string) => {
    const re = new RegExp(`^${key}:.*$`, 'm');
    return re.test(text) ? text.replace(re, `${key}: ${v}`) : `${text}${key}: ${v}\n`;
  };
  const api: FrontMatterSetters = {
    setString: async (text, key, value) => (calls.push(`string ${key}=${value}`), setLine(text, key, value)),
    setBool: async (text, key, value) => (calls.push(`bool ${key}=${value}`), setLine(text, key, String(value))),
    setDate: async (text, key, local) => (calls.push(`date ${key}=${local}`), setLine(text, key, local)),
    setList: async (text, key, items) => (calls.push(`list ${key}=${items.join('|')}`), setLine(text, key, `[${items.join(', ')}]`)),
  };
  return { api, calls };
}

describe('form edits', () => {
  it('route each kind of field to its lossless setter', async () => {
    const { api, calls } = recorder();
    await applyFormEdit(api, '', { kind: 'string', key: 'title', value: '新标题' });
    await applyFormEdit(api, '', { kind: 'bool', key: 'draft', value: false });
    await applyFormEdit(api, '', { kind: 'date', key: 'date', local: '2025-07-08T09:30:00' });
    await applyFormEdit(api, '', { kind: 'list', key: 'tags', items: ['端侧AI', '芯片'] });
    expect(calls).toEqual(['string title=新标题', 'bool draft=false', 'date date=2025-07-08T09:30:00', 'list tags=端侧AI|芯片']);
  });

  it('run queued edits in order, each on the text left by the previous one', async () => {
    const { api } = recorder();
    let text = 'title: a\n';
    const applied: string[] = [];
    const q = new FormEditQueue(api, () => text, (next) => (applied.push(next), (text = next)), (e) => {
      throw e;
    });
    void q.push({ kind: 'string', key: 'title', value: '边' });
    void q.push({ kind: 'string', key: 'title', value: '边缘' });
    void q.push({ kind: 'list', key: 'tags', items: ['x'] });
    await q.idle();
    expect(text).toBe('title: 边缘\ntags: [x]\n');
    expect(applied).toHaveLength(3);
  });

  it('report a failed edit and keep going', async () => {
    const { api } = recorder();
    const failures: unknown[] = [];
    let text = '';
    const broken = { ...api, setBool: async () => Promise.reject(new Error('{"code":"frontmatter.syntax"}')) };
    const q = new FormEditQueue(broken, () => text, (n) => (text = n), (e) => failures.push(e));
    void q.push({ kind: 'bool', key: 'draft', value: true });
    void q.push({ kind: 'string', key: 'title', value: 't' });
    await q.idle();
    expect(failures).toHaveLength(1);
    expect(text).toBe('title: t\n');
  });
});

describe('form edits and open drafts', () => {
  it('drop an edit whose draft is no longer open', async () => {
    const { api, calls } = recorder();
    let open = 1;
    let text = 'title: a\n';
    const q = new FormEditQueue(api, () => text, (n) => (text = n), () => {}, () => open);
    const slow = q.push({ kind: 'string', key: 'title', value: 'for draft 1' });
    open = 2;
    text = 'title: draft two\n';
    void q.push({ kind: 'string', key: 'title', value: 'for draft 2' });
    await slow;
    await q.idle();
    expect(text).toBe('title: for draft 2\n');
    expect(calls).toEqual(['string title=for draft 2']);
  });

  it('drop a result computed on a text the user has changed since', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    let text = 'title: a\n';
    const api: FrontMatterSetters = {
      setString: async () => (started(), await gate, 'title: from form\n'),
      setBool: async (t) => t,
      setDate: async (t) => t,
      setList: async (t) => t,
    };
    const q = new FormEditQueue(api, () => text, (n) => (text = n), () => {});
    void q.push({ kind: 'string', key: 'title', value: 'from form' });
    await running;
    text = 'title: a\ntyped meanwhile\n';
    release();
    await q.idle();
    expect(text).toBe('title: a\ntyped meanwhile\n');
  });
});

describe('list helpers', () => {
  it('add a tag once, trimmed, never empty', () => {
    expect(addItem(['a'], ' b ')).toEqual(['a', 'b']);
    const same = ['a'];
    expect(addItem(same, 'a')).toBe(same);
    expect(addItem(same, '  ')).toBe(same);
  });
  it('remove by position (so one of two duplicates can go)', () => {
    expect(removeItemAt(['a', 'b', 'a'], 2)).toEqual(['a', 'b']);
  });
  it('toggle a topic', () => {
    expect(toggleItem(['算力与芯片'], '前沿模型与算法')).toEqual(['算力与芯片', '前沿模型与算法']);
    expect(toggleItem(['算力与芯片'], '算力与芯片')).toEqual([]);
  });
});
