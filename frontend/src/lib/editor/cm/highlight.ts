// Colours of the Markdown highlighting, from the theme's CSS variables so
// light and dark follow the system without a second style.
import { HighlightStyle } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { footnoteTag } from './markdown';

export const markdownHighlight = HighlightStyle.define([
  { tag: tags.heading1, fontWeight: '700', fontSize: '1.25em' },
  { tag: tags.heading2, fontWeight: '700', fontSize: '1.15em' },
  { tag: [tags.heading3, tags.heading4, tags.heading5, tags.heading6], fontWeight: '700' },
  { tag: tags.strong, fontWeight: '700' },
  { tag: tags.emphasis, fontStyle: 'italic' },
  { tag: tags.strikethrough, textDecoration: 'line-through' },
  { tag: [tags.link, tags.url], color: 'var(--cm-link)' },
  { tag: tags.quote, color: 'var(--fg-muted)' },
  { tag: tags.monospace, fontFamily: 'var(--font-mono)', color: 'var(--cm-code)' },
  { tag: tags.meta, color: 'var(--cm-meta)' },
  { tag: [tags.processingInstruction, tags.contentSeparator], color: 'var(--fg-muted)' },
  { tag: footnoteTag, color: 'var(--cm-footnote)', backgroundColor: 'var(--cm-footnote-bg)', borderRadius: '3px' },
  { tag: tags.labelName, color: 'var(--cm-footnote)', fontWeight: '600' },
]);
