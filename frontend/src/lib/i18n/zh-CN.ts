import type { MessageKey } from './en';

// Simplified Chinese strings. Typed as Record<MessageKey, string>: a missing or
// extra key is a compile error.
export const zhCN: Record<MessageKey, string> = {
  'app.title': 'Copydesk',
  'pane.library': '文稿库',
  'pane.editor': '编辑器',
  'pane.side': '侧栏',
  'tab.preview': '预览',
  'tab.citations': '引文',
  'tab.problems': '问题',
  'tab.history': '历史',
  'library.empty': '还没有文稿。',
  'editor.empty': '从文稿库打开一篇文稿，或新建一篇。',
  'side.empty': '暂无内容。',
  'status.version': '版本 {version}',
  'status.connecting': '正在连接后端…',
  'status.backendError': '后端不可用：{detail}',
  'status.face.desktop': '桌面版',
  'status.face.browser': '浏览器版',
};
