package app

import (
	"context"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"

	"copydesk/backend/images"
	"copydesk/backend/site"
)

// ImageService puts images into the Hugo site (the featured-image chooser,
// a paste or drop into the editor) and serves them back to the preview.
// Every rule is the images package's; this finds the site from the profile
// and the draft's path from the library, and turns failures into codes.
//
// The preview's images are served at imageRoute/<key>/static/… and
// …/content/… (a bundle's images). An <img> cannot send the API token
// header, and the token itself must not sit in the article's HTML, so image
// requests carry their own per-run random key in the path instead: it grants
// reading images of the site and nothing else, is unguessable, and changes
// with every run. The browser face also checks Host and Origin as for every
// request; the desktop window's asset server is reachable by the window only.
type ImageService struct {
	platform Platform
	library  *LibraryService
	editor   *EditorService
	key      string
}

// imageRoute is the path prefix of the preview's image route in both faces.
const imageRoute = "/site-static/"

func newImageService(lib *LibraryService, editor *EditorService) *ImageService {
	key, err := newToken()
	if err != nil {
		key = "" // no key: the route answers nothing (see ServeHTTP)
	}
	return &ImageService{platform: nopPlatform{}, library: lib, editor: editor, key: key}
}

// PlacedImage is an image copied into the site: Ref is what to write (the
// featured_image value, or the address in ![](…)).
type PlacedImage struct {
	Ref     string `json:"ref"`
	File    string `json:"file"`
	Bundled bool   `json:"bundled"`
	Existed bool   `json:"existed"`
}

// PreviewRoute says where the preview finds the draft's images: Static is
// the prefix for a site-absolute address (/images/x.png), Page for an
// address relative to a leaf bundle's index.md ("" when the draft is not a
// bundle: Hugo would not serve such an address either).
type PreviewRoute struct {
	Static string `json:"static"`
	Page   string `json:"page"`
}

// sites is the site of the profile in use (images.SiteFor).
func (s *ImageService) sites() (images.Site, error) {
	p, _, err := s.editor.setup()
	if err != nil {
		return images.Site{}, err
	}
	st, err := images.SiteFor(p)
	if errors.Is(err, images.ErrNoSite) {
		return images.Site{}, newAPIError("image.no_site", nil)
	}
	if err != nil {
		return images.Site{}, newAPIError("image.failed", map[string]string{"detail": err.Error()})
	}
	return st, nil
}

// draftPath is the draft's path in the content folder ("" for a draft that
// never came from the site, or no draft: id 0).
func (s *ImageService) draftPath(id int64) (string, error) {
	if id == 0 {
		return "", nil
	}
	lib, err := s.library.open()
	if err != nil {
		return "", err
	}
	d, err := lib.Get(context.Background(), id)
	if err != nil {
		return "", libraryError(err, id)
	}
	return d.Path, nil
}

// PlaceImage copies an image (base64 bytes, with the name it came with)
// into the site for the draft and returns what to write. purpose is
// "featured" or "body".
func (s *ImageService) PlaceImage(draftID int64, name, data, purpose string) (PlacedImage, error) {
	raw, err := base64.StdEncoding.DecodeString(data)
	if err != nil {
		return PlacedImage{}, newAPIError("image.bad_data", map[string]string{"name": name})
	}
	return s.place(draftID, name, raw, purpose)
}

// PickImage shows the system's file chooser (desktop face) for an image and
// copies the chosen one into the site, like PlaceImage. A cancelled
// chooser gives an empty Ref. The browser face has no chooser that hands a
// path to the server: it reads the file in the page and calls PlaceImage.
func (s *ImageService) PickImage(draftID int64, title, purpose string) (PlacedImage, error) {
	// Without a site, say so before the editor looks for a file.
	if _, err := s.sites(); err != nil {
		return PlacedImage{}, err
	}
	file, err := s.platform.PickFile(title, imageFileFilter)
	if err != nil {
		return PlacedImage{}, newAPIError("image.no_picker", map[string]string{"detail": err.Error()})
	}
	if file == "" {
		return PlacedImage{}, nil
	}
	raw, err := site.ReadFile(file, images.MaxSize)
	if errors.Is(err, site.ErrTooLarge) {
		return PlacedImage{}, newAPIError("image.too_large", map[string]string{"name": path.Base(file), "max": maxImageMB})
	}
	if err != nil {
		return PlacedImage{}, newAPIError("image.failed", map[string]string{"detail": err.Error()})
	}
	return s.place(draftID, file, raw, purpose)
}

// maxImageMB is the size cap in the words of the too_large message.
var maxImageMB = strconv.Itoa(images.MaxSize >> 20)

// imageFileFilter is the chooser's filter: the formats images.Sniff accepts
// (the bytes still decide).
var imageFileFilter = FileFilter{Name: "Images", Pattern: "*.png;*.jpg;*.jpeg;*.gif;*.webp;*.avif;*.svg;*.PNG;*.JPG;*.JPEG;*.GIF;*.WEBP;*.AVIF;*.SVG"}

func (s *ImageService) place(draftID int64, name string, raw []byte, purpose string) (PlacedImage, error) {
	st, err := s.sites()
	if err != nil {
		return PlacedImage{}, err
	}
	draft, err := s.draftPath(draftID)
	if err != nil {
		return PlacedImage{}, err
	}
	p, err := images.Place(st, draft, name, raw, images.Purpose(purpose))
	if err != nil {
		return PlacedImage{}, imageError(err, name)
	}
	return PlacedImage{Ref: p.Ref, File: p.File, Bundled: p.Bundled, Existed: p.Existed}, nil
}

func imageError(err error, name string) error {
	base := path.Base(strings.ReplaceAll(name, "\\", "/"))
	switch {
	case errors.Is(err, images.ErrNotImage):
		return newAPIError("image.not_image", map[string]string{"name": base})
	case errors.Is(err, images.ErrTooLarge):
		return newAPIError("image.too_large", map[string]string{"name": base, "max": maxImageMB})
	case errors.Is(err, images.ErrEmpty):
		return newAPIError("image.empty", map[string]string{"name": base})
	case errors.Is(err, images.ErrNoSite):
		return newAPIError("image.no_site", nil)
	case errors.Is(err, site.ErrOutside):
		return newAPIError("image.outside", map[string]string{"detail": err.Error()})
	}
	return newAPIError("image.failed", map[string]string{"detail": err.Error()})
}

// PreviewRoute gives the preview the prefixes of the draft's images.
func (s *ImageService) PreviewRoute(draftID int64) (PreviewRoute, error) {
	base := imageRoute + s.key + "/"
	route := PreviewRoute{Static: base + "static/"}
	draft, err := s.draftPath(draftID)
	if err != nil {
		return PreviewRoute{}, err
	}
	if dir := images.BundleDir(draft); dir != "" {
		route.Page = base + "content/" + escapePath(dir) + "/"
	}
	return route, nil
}

// escapePath percent-encodes each segment of a "/" path for a URL.
func escapePath(p string) string {
	parts := strings.Split(p, "/")
	for i, part := range parts {
		parts[i] = url.PathEscape(part)
	}
	return strings.Join(parts, "/")
}

// routeHandler serves imageRoute/<key>/…: a request without this run's key
// is refused before anything on disk is looked at. (Not a method named
// ServeHTTP: every exported method of a bound service is callable from the UI.)
func (s *ImageService) routeHandler() http.Handler { return http.HandlerFunc(s.serveRoute) }

func (s *ImageService) serveRoute(w http.ResponseWriter, r *http.Request) {
	if !isImageRoute(r.URL.Path) {
		http.NotFound(w, r)
		return
	}
	rest := strings.TrimPrefix(r.URL.Path, imageRoute)
	key, rest, _ := strings.Cut(rest, "/")
	if s.key == "" || subtle.ConstantTimeCompare([]byte(key), []byte(s.key)) != 1 {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	r2 := r.Clone(r.Context())
	r2.URL.Path = "/" + rest
	r2.URL.RawPath = ""
	images.Handler(s.sites).ServeHTTP(w, r2)
}

// isImageRoute reports whether a request is for the preview's images.
func isImageRoute(p string) bool { return strings.HasPrefix(p, imageRoute) }
