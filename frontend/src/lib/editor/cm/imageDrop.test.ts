// The view's paste and drop events are exercised in a real browser
// (e2e/images.spec.ts); here the state logic: where the image lands.
import { describe, expect, it } from 'vitest';
import { EditorState } from '@codemirror/state';
import { addPending, finishImage, imageFiles, imageMarkdown, pending } from './imageDrop';

function pngFile(name = 'shot.png', type = 'image/png'): File {
  return new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], name, { type });
}

describe('imageMarkdown', () => {
  it('writes an image with empty alt text, keeping odd addresses whole', () => {
    expect(imageMarkdown('/images/a-1.png')).toBe('![](/images/a-1.png)');
    expect(imageMarkdown('图 (1).png')).toBe('![](<图 (1).png>)');
  });
});

describe('imageFiles', () => {
  it('takes image files and untyped files (Go sniffs them), nothing else', () => {
    const data = { files: [pngFile(), pngFile('a.txt', 'text/plain'), pngFile('raw', '')] } as unknown as DataTransfer;
    expect(imageFiles(data).map((f) => f.name)).toEqual(['shot.png', 'raw']);
    expect(imageFiles(null)).toEqual([]);
    expect(imageFiles({ files: [] } as unknown as DataTransfer)).toEqual([]);
  });
});

describe('finishImage', () => {
  const start = () => EditorState.create({ doc: '第一段\n\n第二段', extensions: pending });

  it('inserts where the image was pasted, even after typing meanwhile', () => {
    let state = start().update({ effects: addPending.of({ id: 1, pos: 4 }) }).state;
    state = state.update({ changes: { from: 0, insert: '标题\n' } }).state; // typed while the copy runs
    state = state.update({ changes: { from: state.doc.length, insert: '。' } }).state; // after the point: no shift
    const spec = finishImage(state, 1, '/images/shot-0123abcd.png');
    expect(spec).not.toBeNull();
    state = state.update(spec!).state;
    expect(state.doc.toString()).toBe('标题\n第一段\n![](/images/shot-0123abcd.png)\n第二段。');
    expect(state.selection.main.head).toBe('标题\n第一段\n![](/images/shot-0123abcd.png)'.length);
    expect(finishImage(state, 1, '/images/again.png')).toBeNull(); // done once
  });

  it('keeps two images dropped at one point in order', () => {
    let state = start().update({ effects: [addPending.of({ id: 1, pos: 0 }), addPending.of({ id: 2, pos: 0 })] }).state;
    state = state.update(finishImage(state, 1, '/images/a.png')!).state;
    state = state.update(finishImage(state, 2, '/images/b.png')!).state;
    expect(state.doc.toString()).toBe('![](/images/a.png)![](/images/b.png)第一段\n\n第二段');
  });

  it('inserts nothing for a failed copy, or into another draft', () => {
    let state = start().update({ effects: addPending.of({ id: 7, pos: 2 }) }).state;
    state = state.update(finishImage(state, 7, null)!).state;
    expect(state.doc.toString()).toBe('第一段\n\n第二段');
    expect(state.field(pending).size).toBe(0);
    expect(finishImage(start(), 9, '/images/x.png')).toBeNull();
  });
});
