// Completion of footnote labels after `[^`: offers the labels defined in the
// draft (with the source's title), so a citation is never mistyped.
import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';

export interface FootnoteChoice {
  label: string;
  detail: string;
}

export function footnoteCompletion(choices: () => FootnoteChoice[]) {
  return (context: CompletionContext): CompletionResult | null => {
    const match = context.matchBefore(/\[\^[^\]\s[]*$/);
    if (!match) return null;
    const after = context.state.sliceDoc(context.pos, context.pos + 1);
    const close = after === ']' ? '' : ']';
    const options = choices().map((c) => ({
      label: `[^${c.label}]`,
      detail: c.detail,
      apply: `[^${c.label}${close}`,
      type: 'text',
    }));
    if (options.length === 0) return null;
    return { from: match.from, options, validFor: /^\[\^[^\]\s[]*$/ };
  };
}

/** Labels and titles of the definitions `[^x]: [title](url)…` in a text. */
export function definedFootnotes(text: string): FootnoteChoice[] {
  const out: FootnoteChoice[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(/^\[\^([^\]\s]+)\]:[ \t]*(.*)$/gm)) {
    const label = m[1];
    if (seen.has(label)) continue;
    seen.add(label);
    const title = /^\[([^\]]*)\]/.exec(m[2])?.[1] ?? m[2];
    out.push({ label, detail: title.length > 48 ? title.slice(0, 47) + '…' : title });
  }
  return out;
}
