package images

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"copydesk/backend/site"
)

// Image is an image read back from the site.
type Image struct {
	Data    []byte
	Kind    Kind
	ModTime time.Time
}

// Open reads the image at rel (a URL path below root, "/" separators) for
// the preview. root is the site's static folder, or its content folder for a
// bundle's images. It refuses an absolute rel, any ".." component, anything
// that is not a regular file once symbolic links are resolved, a file whose
// real place is outside root (a link inside static/ may point anywhere), and
// bytes that are not an image (the content folder holds the articles too).
func Open(root, rel string) (Image, error) {
	if root == "" {
		return Image{}, ErrNoSite
	}
	if rel == "" || strings.HasPrefix(rel, "/") || strings.Contains(rel, "\\") || strings.ContainsRune(rel, 0) {
		return Image{}, fmt.Errorf("%q: %w", rel, site.ErrOutside)
	}
	for _, part := range strings.Split(rel, "/") {
		if part == ".." {
			return Image{}, fmt.Errorf("%q climbs with ..: %w", rel, site.ErrOutside)
		}
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return Image{}, err
	}
	real, err := filepath.EvalSymlinks(filepath.Join(realRoot, filepath.FromSlash(path.Clean(rel))))
	if err != nil {
		return Image{}, err
	}
	inside, err := filepath.Rel(realRoot, real)
	if err != nil || inside == ".." || strings.HasPrefix(inside, ".."+string(filepath.Separator)) || filepath.IsAbs(inside) {
		return Image{}, fmt.Errorf("%q leads to %s: %w", rel, site.Quote(real), site.ErrOutside)
	}
	info, err := os.Stat(real)
	if err != nil {
		return Image{}, err
	}
	if !info.Mode().IsRegular() {
		return Image{}, fmt.Errorf("%q is not a file", rel)
	}
	data, err := site.ReadFile(real, MaxSize)
	if err != nil {
		return Image{}, err
	}
	kind, err := Sniff(data)
	if err != nil {
		return Image{}, fmt.Errorf("%q: %w", rel, err)
	}
	return Image{Data: data, Kind: kind, ModTime: info.ModTime()}, nil
}

// Handler serves the site's images to the preview: GET static/<path> from
// the static folder, content/<path> from the content folder (a bundle's
// images). Whoever mounts it decides who may ask (the caller strips its own
// prefix first). Each answer is the image with its real type, never sniffed
// again by the browser; an SVG comes with a sandboxing policy, so opened on
// its own it runs no script and loads nothing.
func Handler(sites func() (Site, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "GET only", http.StatusMethodNotAllowed)
			return
		}
		s, err := sites()
		if err != nil {
			http.Error(w, "no site", http.StatusNotFound)
			return
		}
		folder, rel, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
		var root string
		switch folder {
		case "static":
			root = s.Static
		case "content":
			root = s.Content
		default:
			http.NotFound(w, r)
			return
		}
		img, err := Open(root, rel)
		switch {
		case errors.Is(err, site.ErrOutside):
			http.Error(w, "outside the site", http.StatusForbidden)
			return
		case errors.Is(err, ErrNotImage):
			http.Error(w, "not an image", http.StatusUnsupportedMediaType)
			return
		case err != nil:
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		h.Set("Content-Type", img.Kind.MIME)
		// Revalidated before a cached copy is reused (If-Modified-Since:
		// an unchanged image costs a 304), so an image replaced in the site
		// shows at once without being sent again each time.
		h.Set("Cache-Control", "no-cache")
		if img.Kind == SVG {
			h.Set("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'")
		}
		http.ServeContent(w, r, "", img.ModTime, bytes.NewReader(img.Data))
	})
}
