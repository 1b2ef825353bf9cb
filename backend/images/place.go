package images

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"unicode"

	"copydesk/backend/site"
)

// MaxSize bounds one image: larger than any picture an article needs, small
// enough that a mistaken drop (a video, a disk image) is refused at once.
const MaxSize = 20 << 20

// Purpose says where the reference goes, which decides its form.
type Purpose string

const (
	Featured Purpose = "featured" // the featured_image front matter value: images/x.png
	Body     Purpose = "body"     // a Markdown image in the text: /images/x.png
)

// Site is where images go: absolute folders, as the profile and the site's
// Hugo configuration name them.
type Site struct {
	Static  string // the static folder Hugo serves at the site's root
	Images  string // the folder new images go to, inside Static
	Content string // the content folder (for page bundles); "" when unknown
}

// Placed is an image written (or found already there) in the site.
type Placed struct {
	File    string `json:"file"`    // where it is on disk
	Ref     string `json:"ref"`     // what to write: the featured_image value or the Markdown image's address
	Bundled bool   `json:"bundled"` // beside the article (a leaf bundle), Ref relative to it
	Existed bool   `json:"existed"` // the same bytes were already there under this name: nothing written
}

// Errors Place returns (wrapped, with what and where).
var (
	ErrTooLarge = fmt.Errorf("the image is larger than %d MB", MaxSize>>20)
	ErrEmpty    = errors.New("the image is empty")
	ErrNoSite   = errors.New("no site folder is known")
)

// Place writes data into the site under a safe unique name and returns the
// reference to write. name is the name the image came with (a picked file's,
// a paste's; may be empty or anything); only a slug of its stem is kept.
// draftPath is the article's path relative to the content folder ("/"
// separators, "" for a draft not in the site): when it is a leaf bundle
// (…/index.md), an image for the body goes beside it, as a page resource.
// A featured image always goes to the images folder: featured_image is a
// path in the static folder in the house style, which is where the theme,
// the front matter check (frontmatter.image_missing) and the form's
// thumbnail look for it.
//
// The name is <slug>-<hash>.<ext>, the hash from the bytes: the same image
// placed twice under the same name is the same file (written once), and two
// different images never overwrite each other.
func Place(s Site, draftPath, name string, data []byte, purpose Purpose) (Placed, error) {
	if purpose != Featured && purpose != Body {
		return Placed{}, fmt.Errorf("unknown purpose %q (featured or body)", purpose)
	}
	switch {
	case len(data) == 0:
		return Placed{}, ErrEmpty
	case len(data) > MaxSize:
		return Placed{}, fmt.Errorf("%s: %w", site.Quote(name), ErrTooLarge)
	}
	kind, err := Sniff(data)
	if err != nil {
		return Placed{}, fmt.Errorf("%s: %w", site.Quote(name), err)
	}
	if purpose == Featured {
		draftPath = ""
	}
	root, dir, bundled, err := destination(s, draftPath)
	if err != nil {
		return Placed{}, err
	}
	sum := sha256.Sum256(data)
	digest := hex.EncodeToString(sum[:])
	stem := Slug(name)
	// A short hash keeps names readable; a file already holding other bytes
	// under it (an edit by hand, a collision) moves to a longer one.
	for _, n := range []int{8, 16, 64} {
		file := stem + "-" + digest[:n] + kind.Ext
		rel := path.Join(dir, file)
		target, err := site.Target(root, rel)
		if err != nil {
			return Placed{}, fmt.Errorf("cannot place %s: %w", site.Quote(file), err)
		}
		placed := Placed{File: target, Ref: reference(s, dir, file, purpose, bundled), Bundled: bundled}
		// One look decides: another paste of the same image writing it
		// meanwhile is then replaced by the same bytes, never renamed.
		same, exists, err := holds(target, data)
		if err != nil {
			return Placed{}, err
		}
		if same {
			placed.Existed = true
			return placed, nil
		}
		if exists {
			continue
		}
		if err := site.WriteAtomic(target, data); err != nil {
			return Placed{}, err
		}
		return placed, nil
	}
	return Placed{}, fmt.Errorf("cannot find a free name for %s in %s", site.Quote(stem+kind.Ext), site.Quote(filepath.Join(root, dir)))
}

// destination is the folder the image goes to: beside a leaf bundle's
// index.md, or the images folder. root is the folder it must stay inside and
// dir the path below it ("/" separators).
func destination(s Site, draftPath string) (root, dir string, bundled bool, err error) {
	if dir := BundleDir(draftPath); s.Content != "" && dir != "" {
		return s.Content, dir, true, nil
	}
	if s.Static == "" || s.Images == "" {
		return "", "", false, ErrNoSite
	}
	rel, err := filepath.Rel(s.Static, s.Images)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", "", false, fmt.Errorf("the images folder %s is not inside the static folder %s", site.Quote(s.Images), site.Quote(s.Static))
	}
	// A new site may have no static folder yet: it is made (only it; the
	// folder confinement is checked against is then real).
	if _, err := os.Lstat(s.Static); errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(s.Static, 0o755); err != nil {
			return "", "", false, fmt.Errorf("cannot create the static folder %s: %w", site.Quote(s.Static), err)
		}
	}
	return s.Static, filepath.ToSlash(rel), false, nil
}

// reference is the address to write. In a bundle it is the file's name,
// which Hugo resolves against the page; otherwise a path in the static
// folder: with a leading slash in the body (the browser asks the site's
// root), without one for featured_image (the house style, which the theme
// joins to the site's base URL).
func reference(s Site, dir, file string, purpose Purpose, bundled bool) string {
	if bundled {
		return file
	}
	p := path.Join(dir, file) // dir "." (images straight in static) leaves the file name
	if purpose == Body {
		return "/" + p
	}
	return p
}

// holds reports whether something is at target, and whether it is a
// regular file holding data.
func holds(target string, data []byte) (same, exists bool, err error) {
	info, err := os.Lstat(target)
	if errors.Is(err, fs.ErrNotExist) {
		return false, false, nil
	}
	if err != nil {
		return false, true, err
	}
	if !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return false, true, nil
	}
	have, err := site.ReadFile(target, int64(len(data))+1)
	if err != nil {
		return false, true, err
	}
	return bytes.Equal(have, data), true, nil
}

// maxSlug bounds the kept part of a name, in characters.
const maxSlug = 48

// Slug is a file name stem safe in a URL and on every system a site is
// checked out on: the name's stem (its last extension dropped), lower-case,
// letters and digits of any script kept (Chinese names stay readable), every
// other run of characters one "-". An empty result is "image".
func Slug(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	stem := path.Base(name)
	if ext := path.Ext(stem); ext != "" && ext != stem {
		stem = strings.TrimSuffix(stem, ext)
	}
	var b strings.Builder
	dash, n := false, 0
	for _, r := range strings.ToLower(stem) {
		if n >= maxSlug {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			n++
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "image"
	}
	return site.PortableStem(b.String())
}
