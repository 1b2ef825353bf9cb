// The preview shows the article's images as Hugo would serve them. The HTML
// is Hugo's, unchanged (the parity test compares it byte for byte); only
// the preview's copy of it is pointed at Copydesk's local image route:
//   /images/x.png  (the static folder, served at the site's root) → route.static + images/x.png
//   x.png          (beside a leaf bundle's index.md)               → route.page + x.png
// Addresses with a scheme (https:, data:), protocol-relative ones and
// fragments are left alone, and so is a relative address in a page that is
// not a bundle: Hugo would serve nothing there either.
import type { ImageRoute } from '../api';

/** The preview's address for an image's src, or null to leave it as it is. */
export function previewAddress(src: string, route: ImageRoute | null): string | null {
  if (!route || src === '' || src.startsWith('#') || src.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(src)) return null;
  if (src.startsWith('/')) return route.static + src.slice(1);
  if (!route.page) return null;
  return route.page + src.replace(/^(\.\/)+/, '');
}

/** Points every <img> under root at the route. */
export function rewriteImages(root: ParentNode, route: ImageRoute | null): void {
  for (const img of Array.from(root.querySelectorAll('img[src]'))) {
    const to = previewAddress(img.getAttribute('src') ?? '', route);
    if (to !== null) img.setAttribute('src', to);
  }
}
