// What the front matter form asks of the backend. Each form change becomes one
// lossless edit of the text (only that value's bytes change); edits run one at
// a time, each on the text as it is when its turn comes, so quick typing in
// the form can never apply an edit to an outdated text.

export type FormEdit =
  | { kind: 'string'; key: string; value: string }
  | { kind: 'bool'; key: string; value: boolean }
  | { kind: 'date'; key: string; local: string }
  | { kind: 'list'; key: string; items: string[] };

/** The backend's lossless setters (lib/api's `editor`). */
export interface FrontMatterSetters {
  setString(text: string, key: string, value: string): Promise<string>;
  setBool(text: string, key: string, value: boolean): Promise<string>;
  setDate(text: string, key: string, local: string): Promise<string>;
  setList(text: string, key: string, items: string[]): Promise<string>;
}

export function applyFormEdit(api: FrontMatterSetters, text: string, edit: FormEdit): Promise<string> {
  switch (edit.kind) {
    case 'string':
      return api.setString(text, edit.key, edit.value);
    case 'bool':
      return api.setBool(text, edit.key, edit.value);
    case 'date':
      return api.setDate(text, edit.key, edit.local);
    case 'list':
      return api.setList(text, edit.key, edit.items);
  }
}

/**
 * Runs form edits in order against the latest text. An edit made on one draft
 * is dropped if another draft is open by the time its turn comes (`owner`
 * names the open draft), and its result is dropped if the text changed while
 * the backend worked on it (the next edit or inspection catches up).
 */
export class FormEditQueue {
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private api: FrontMatterSetters,
    private current: () => string,
    private apply: (next: string) => void,
    private failed: (e: unknown) => void,
    private owner: () => unknown = () => null,
  ) {}

  push(edit: FormEdit): Promise<void> {
    const owner = this.owner();
    this.tail = this.tail.then(async () => {
      try {
        if (this.owner() !== owner) return;
        const before = this.current();
        const after = await applyFormEdit(this.api, before, edit);
        if (this.owner() !== owner || this.current() !== before) return;
        if (after !== before) this.apply(after);
      } catch (e) {
        this.failed(e);
      }
    });
    return this.tail;
  }

  idle(): Promise<void> {
    return this.tail;
  }
}

/** Adds a tag unless it is empty or already there (compared trimmed). */
export function addItem(items: string[], item: string): string[] {
  const v = item.trim();
  if (v === '' || items.includes(v)) return items;
  return [...items, v];
}

export function removeItemAt(items: string[], index: number): string[] {
  return items.filter((_, i) => i !== index);
}

export function toggleItem(items: string[], item: string): string[] {
  return items.includes(item) ? items.filter((x) => x !== item) : [...items, item];
}
