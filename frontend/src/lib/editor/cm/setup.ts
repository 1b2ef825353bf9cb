// Builds the CodeMirror editor state for a draft. Every draft gets its own
// EditorState (so undo history survives switching drafts during the session)
// made from the same extensions; the EditorView itself is created once.
import { EditorState, Annotation, type Extension } from '@codemirror/state';
import {
  EditorView,
  keymap,
  lineNumbers,
  highlightActiveLine,
  highlightActiveLineGutter,
  drawSelection,
  highlightSpecialChars,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { searchKeymap, highlightSelectionMatches, search } from '@codemirror/search';
import { autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { lintGutter, lintKeymap } from '@codemirror/lint';
import { syntaxHighlighting } from '@codemirror/language';
import { markdownLanguage } from './markdown';
import { markdownHighlight } from './highlight';
import { footnoteCompletion, type FootnoteChoice } from './footnoteCompletion';

/** Marks transactions that come from the form or a quick fix rather than typing. */
export const programmatic = Annotation.define<string>();

export interface EditorHooks {
  /** The text changed (typing, paste, undo, form edit…). */
  onText: (text: string, fromUser: boolean) => void;
  /** The cursor moved: 1-based line and column (in characters). */
  onCursor: (line: number, column: number) => void;
  /** Labels the `[^` completion offers. */
  footnotes: () => FootnoteChoice[];
}

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '15px', backgroundColor: 'var(--bg)', color: 'var(--fg)' },
  '.cm-scroller': { fontFamily: 'var(--font-editor)', lineHeight: '1.75' },
  '.cm-content': { caretColor: 'var(--fg)', paddingBottom: '40vh' },
  '.cm-gutters': { backgroundColor: 'var(--bg-pane)', color: 'var(--fg-muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'var(--cm-active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--cm-active-line)' },
  '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--fg)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--cm-selection)' },
  '.cm-tooltip': { backgroundColor: 'var(--bg-pane)', color: 'var(--fg)', border: '1px solid var(--border)' },
  '.cm-panels': { backgroundColor: 'var(--bg-pane)', color: 'var(--fg)' },
});

export function editorExtensions(hooks: EditorHooks, extra: Extension[] = []): Extension[] {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    search({ top: true }),
    markdownLanguage,
    syntaxHighlighting(markdownHighlight),
    autocompletion({ override: [footnoteCompletion(hooks.footnotes)], activateOnTyping: true, icons: false }),
    lintGutter(),
    EditorView.lineWrapping,
    theme,
    keymap.of([...completionKeymap, ...searchKeymap, ...historyKeymap, ...lintKeymap, ...defaultKeymap, indentWithTab]),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) {
        const fromUser = u.transactions.some((tr) => tr.annotation(programmatic) === undefined);
        hooks.onText(u.state.doc.toString(), fromUser);
      }
      if (u.docChanged || u.selectionSet) {
        const head = u.state.selection.main.head;
        const line = u.state.doc.lineAt(head);
        hooks.onCursor(line.number, countChars(line.text.slice(0, head - line.from)) + 1);
      }
    }),
    ...extra,
  ];
}

function countChars(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export function newState(doc: string, extensions: Extension[]): EditorState {
  return EditorState.create({ doc, extensions });
}
