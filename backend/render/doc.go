// Package render turns an article body into exactly the HTML Hugo v0.165.0 publishes as .Content,
// and derives what the preview pane and the checks need from the same parse.
//
// It uses goldmark v1.8.5 (the version Hugo v0.165.0 pins) built the way Hugo builds it
// (markdown.go), plus Hugo's own renderers where Hugo replaces goldmark's, each named after the Hugo
// source it follows:
//
//   - heading IDs: Hugo's "github" style keeps Unicode letters, so Chinese headings get Chinese IDs,
//     de-duplicated with -1, -2 within one document (ids.go, attributes.go);
//   - links: bare www. links get https://, link attributes are dropped (hooks.go);
//   - raw HTML: with renderer.unsafe off, HTML comments print nothing (hooks.go);
//   - tables: Hugo's embedded table template, tab-indented with style="text-align: ..." (table.go);
//   - fenced code: Chroma v2.27.0 with the site's highlight settings (highlight.go);
//   - the first <!--more--> is cut out the way Hugo cuts its summary divider (summary.go).
//
// Config mirrors Hugo's markup.goldmark and markup.highlight; Default() is Hugo's defaults (a site's
// own settings are read by backend/hugoconfig). Renderer.Render gives .Content, Renderer.Preview
// adds footnote display numbers, heading IDs and block anchors, and Parse and ParseForText give the
// parse itself to analyses of the text (backend/cjkemphasis, backend/typography). HugoVersion names
// the release reproduced. Nothing here fetches a link or an image.
//
// Not modelled (the preview may differ from the site): shortcodes ({{< >}}) and the site's own
// render hook templates, emoji, passthrough and the "extras" extensions, multilingual sites' embedded
// link and image hooks, and footnote.enableAutoIDPrefix (Hugo's prefix is a hash of the page path).
// hugoconfig.LoadMarkup reports the site-level ones it finds. The parity test (parity_test.go) checks
// all the rest byte for byte against a real Hugo binary.
package render
