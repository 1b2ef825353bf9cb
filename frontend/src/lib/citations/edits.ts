// Helpers of the citations panel that need no component: where the cursor
// is as an offset, running backend edits one at a time against the latest
// text, and a few small formatters.

/**
 * The UTF-16 offset of a 1-based line and a 1-based column counted in
 * characters (code points), as the editor reports its cursor.
 */
export function cursorOffset(text: string, line: number, column: number): number {
  let pos = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', pos);
    if (nl < 0) return text.length;
    pos = nl + 1;
  }
  let chars = 1;
  while (chars < column && pos < text.length && text[pos] !== '\n') {
    const code = text.charCodeAt(pos);
    pos += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    chars++;
  }
  return pos;
}

/**
 * Runs text edits one after another, each on the editor's text as it is when
 * its turn comes. When the text changes while the backend computes (the
 * editor kept typing), the edit is computed again on the new text rather than
 * applied to an outdated one.
 */
export class TextEditQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** document: which draft the editor shows; an edit computed for another draft is dropped. */
  constructor(
    private current: () => string,
    private apply: (next: string) => void,
    private document: () => unknown = () => null,
  ) {}

  run<T extends { text: string }>(edit: (text: string) => Promise<T>): Promise<T> {
    const job = this.tail.then(async () => {
      const doc = this.document();
      for (let attempt = 0; ; attempt++) {
        const before = this.current();
        const result = await edit(before);
        if (this.document() !== doc) return result;
        if (this.current() !== before && attempt < 3) continue;
        if (result.text !== before) this.apply(result.text);
        return result;
      }
    });
    this.tail = job.catch(() => undefined);
    return job;
  }
}

/** Authors as the form edits them: one text, comma separated (Latin or Chinese commas). */
export function parseAuthors(s: string): string[] {
  return s
    .split(/[,，、]/)
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

/** A check time (RFC 3339) as a short local date and time; "" for none. */
export function checkedAtText(iso: string, locale: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);
}

/** The host of a URL, for compact display; the URL itself when it cannot be read. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** The web addresses in pasted text: one per line (blank lines and other text ignored), each once. */
export function urlsIn(text: string): string[] {
  const seen = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const u = line.trim();
    if (/^https?:\/\/\S+$/i.test(u)) seen.add(u);
  }
  return [...seen];
}

/** The citation fields a refresh from the page compares, in the order shown. */
export const refreshFields = ['title', 'outlet', 'authors', 'published', 'retrieved'] as const;
export type RefreshField = (typeof refreshFields)[number];

interface Comparable {
  title: string;
  outlet: string;
  authors: string[];
  published: string;
  retrieved: string;
}

/**
 * The fields where the page now differs from the citation. A field the page
 * does not state (empty) is never offered: no value is not a correction.
 */
export function fieldDiff(cited: Comparable, page: Comparable): RefreshField[] {
  const text = (f: Comparable, k: RefreshField) => (k === 'authors' ? f.authors.join(', ') : f[k]).trim();
  return refreshFields.filter((k) => text(page, k) !== '' && text(page, k) !== text(cited, k));
}
