// Package images places images into a Hugo site and reads them back for the
// preview: the bytes an editor chose, pasted or dropped are checked to be an
// image (by their magic bytes, never by the name they came with), bounded in
// size, and written atomically under a safe, content-addressed name into the
// site's images folder, or, for an image in the body of a leaf bundle
// (…/index.md), beside the article. It returns the reference to write, as the site expects it:
// images/x.png for featured_image, /images/x.png for an image in the body
// (Hugo serves the static folder at the site's root), x.png in a bundle.
//
// Open reads an image back for the preview, confined to the static or
// content folder with symbolic links resolved, so a preview can never show a
// file outside the site.
package images
