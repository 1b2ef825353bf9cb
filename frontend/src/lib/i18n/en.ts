// English strings. This object defines the set of keys: every other language
// must provide exactly these (checked at compile time in ./index.ts).
export const en = {
  'app.title': 'Copydesk',
  'pane.library': 'Library',
  'pane.editor': 'Editor',
  'pane.side': 'Side panel',
  'tab.preview': 'Preview',
  'tab.citations': 'Citations',
  'tab.problems': 'Problems',
  'tab.history': 'History',
  'library.empty': 'No drafts yet.',
  'editor.empty': 'Open a draft from the library, or create one.',
  'side.empty': 'Nothing to show yet.',
  'status.version': 'Version {version}',
  'status.connecting': 'Connecting to the backend…',
  'status.backendError': 'Backend unavailable: {detail}',
  'status.face.desktop': 'Desktop',
  'status.face.browser': 'Browser',
} as const;

export type MessageKey = keyof typeof en;
