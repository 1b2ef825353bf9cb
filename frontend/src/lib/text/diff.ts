// The smallest single replacement turning one text into another. Form edits
// come back from Go as a whole new text; dispatching only the changed span
// keeps the editor's cursor, scroll and undo history where they were.

export interface Change {
  from: number;
  to: number;
  insert: string;
}

/** Returns null when the texts are equal. Positions are UTF-16 offsets into `before`. */
export function minimalChange(before: string, after: string): Change | null {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  // Never split a surrogate pair: widen to whole code points.
  if (start > 0 && isLowSurrogate(before.charCodeAt(start)) ) start--;
  if (endBefore < before.length && isLowSurrogate(before.charCodeAt(endBefore))) {
    endBefore++;
    endAfter++;
  }
  return { from: start, to: endBefore, insert: after.slice(start, endAfter) };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Applies edits (non-overlapping, positions in `text`) and returns the new text. */
export function applyEdits(text: string, edits: Change[]): string {
  const sorted = [...edits].sort((a, b) => b.from - a.from);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.from) + e.insert + out.slice(e.to);
  return out;
}

/** 1-based line numbers touched by going from `before` to `after` (in `after`). */
export function changedLines(before: string, after: string): number[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const lines: number[] = [];
  let top = 0;
  while (top < a.length && top < b.length && a[top] === b[top]) top++;
  let ea = a.length;
  let eb = b.length;
  while (ea > top && eb > top && a[ea - 1] === b[eb - 1]) {
    ea--;
    eb--;
  }
  for (let i = top; i < eb; i++) lines.push(i + 1);
  return lines;
}
