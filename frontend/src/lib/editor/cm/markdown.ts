// The Markdown language for the editor, built from @lezer/markdown directly
// (the @codemirror/lang-markdown bundle drags in HTML, CSS and JavaScript
// languages we never use). Two small extensions: the YAML front matter block
// at the top of the file, and footnote references `[^label]`, which stock
// Markdown parsers do not know.
import { parser as baseParser, GFM, type MarkdownConfig } from '@lezer/markdown';
import { Language, defineLanguageFacet } from '@codemirror/language';
import { Tag, tags } from '@lezer/highlight';

/** Highlight tag of a footnote reference such as `[^3]`. */
export const footnoteTag = Tag.define();

const fence = /^(\uFEFF)?---[ \t]*$/;
const closing = /^(---|\.\.\.)[ \t]*$/;

const frontMatter: MarkdownConfig = {
  defineNodes: [{ name: 'FrontMatter', block: true, style: tags.meta }],
  parseBlock: [
    {
      name: 'FrontMatter',
      before: 'HorizontalRule',
      parse(cx, line) {
        if (cx.lineStart !== 0 || !fence.test(line.text)) return false;
        const from = cx.lineStart;
        let to = from + line.text.length;
        while (cx.nextLine()) {
          to = cx.lineStart + line.text.length;
          if (closing.test(line.text)) {
            cx.nextLine();
            break;
          }
        }
        cx.addElement(cx.elt('FrontMatter', from, to));
        return true;
      },
    },
  ],
};

const OPEN_BRACKET = 91;
const CARET = 94;
const CLOSE_BRACKET = 93;

const footnotes: MarkdownConfig = {
  defineNodes: [
    { name: 'FootnoteRef', style: footnoteTag },
    { name: 'FootnoteLabel', style: tags.labelName },
  ],
  parseInline: [
    {
      name: 'FootnoteRef',
      before: 'Link',
      parse(cx, next, pos) {
        if (next !== OPEN_BRACKET || cx.char(pos + 1) !== CARET) return -1;
        let end = pos + 2;
        for (; end < cx.end; end++) {
          const c = cx.char(end);
          if (c === CLOSE_BRACKET) break;
          if (c === 32 || c === 9 || c === 10 || c === OPEN_BRACKET) return -1;
        }
        if (end >= cx.end || end === pos + 2) return -1;
        return cx.addElement(cx.elt('FootnoteRef', pos, end + 1, [cx.elt('FootnoteLabel', pos + 2, end)]));
      },
    },
  ],
};

const parser = baseParser.configure([GFM, frontMatter, footnotes]);

export const markdownLanguage = new Language(defineLanguageFacet({}), parser, [], 'markdown');
