// The stylesheet of the preview document: set for reading Chinese (a serif
// CJK face, generous line height, no first-line indent, footnotes smaller).
export const readingStyle = `
:root { color-scheme: light dark; }
html { font-size: 17px; }
body {
  margin: 0 auto; max-width: 42em; padding: 16px 20px 30vh;
  font-family: 'Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC', 'Noto Sans CJK SC', serif;
  line-height: 1.85; letter-spacing: 0.02em; text-align: justify;
  color: var(--fg); background: var(--bg);
  overflow-wrap: anywhere;
}
h1, h2, h3, h4 { font-family: 'Noto Sans CJK SC', 'PingFang SC', sans-serif; line-height: 1.4; margin: 1.6em 0 0.6em; }
h2 { font-size: 1.35em; } h3 { font-size: 1.18em; }
p { margin: 0 0 1em; }
blockquote { margin: 0 0 1.2em; padding: 0.4em 1em; border-left: 4px solid var(--accent); color: var(--muted); background: var(--quote-bg); }
a { color: var(--link); text-decoration: none; border-bottom: 1px solid currentColor; cursor: pointer; }
code { font-family: 'Noto Sans Mono CJK SC', ui-monospace, monospace; font-size: 0.9em; }
pre { overflow: auto; padding: 0.8em; border-radius: 4px; background: var(--quote-bg); line-height: 1.5; }
table { border-collapse: collapse; margin: 1em 0; } th, td { border: 1px solid var(--border); padding: 4px 8px; }
img { max-width: 100%; }
sup { line-height: 0; }
sup a { border: none; padding: 0 1px; }
.footnotes { font-size: 0.86em; color: var(--muted); line-height: 1.7; }
.footnotes hr { border: none; border-top: 1px solid var(--border); }
.footnotes li:target, :target { background: var(--target); }
/* Blocks out of view are not laid out: typing in a long article lays out what is on screen. */
body > * { content-visibility: auto; contain-intrinsic-size: auto 3em; }
.copydesk-error { color: #c62828; font-family: sans-serif; }
.copydesk-paused { color: var(--muted); font-family: sans-serif; font-style: italic; }
`;

/** Theme colours for the preview, mirrored from the app's palette. */
export function previewVars(dark: boolean): string {
  return dark
    ? ':root{--fg:#e9e6df;--bg:#1c1b19;--muted:#b0aa9f;--accent:#e07a5f;--link:#8ab4f8;--quote-bg:#262522;--border:#3a3833;--target:#3b3522}'
    : ':root{--fg:#1f1d1a;--bg:#fffefb;--muted:#5d5850;--accent:#b2452c;--link:#1d5fa8;--quote-bg:#f4f1ea;--border:#dcd7cd;--target:#fff3c4}';
}
