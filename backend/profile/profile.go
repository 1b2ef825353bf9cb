// Package profile owns the site profile, copydesk.yaml: which front matter
// keys an article has and of what type, the main_topics vocabulary, the
// citation house style, the time zone all calendar days are judged in, how
// old a retrieval date may be, and where the Hugo site and its static folder
// are. With no copydesk.yaml the built-in profile (Default) is the house style
// of the reference article.
package profile

import (
	"path/filepath"
	"time"
	_ "time/tzdata" // zone data inside the binary: Asia/Shanghai must load on any machine

	"copydesk/backend/citation"
	"copydesk/backend/typography"
)

// FileName is the profile's file name, looked for by Find.
const FileName = "copydesk.yaml"

// Field types a FieldSpec may have.
const (
	TypeString = "string" // a scalar string (numbers and booleans are type errors)
	TypeDate   = "date"   // RFC 3339 with an explicit offset
	TypeBool   = "bool"   // true or false, unquoted
	TypeList   = "list"   // a sequence of strings
	TypeImage  = "image"  // a path under the site's static folder
	TypeNumber = "number" // an integer or decimal
	TypeAny    = "any"    // known to the profile, not checked
)

// Types lists the valid FieldSpec types.
var Types = []string{TypeString, TypeDate, TypeBool, TypeList, TypeImage, TypeNumber, TypeAny}

// Defaults of the built-in profile.
const (
	DefaultTimeZone        = "Asia/Shanghai"
	DefaultStaleDays       = 30
	DefaultHeading         = "## 引文部分"
	DefaultStaticDir       = "static"
	DefaultImagesDir       = "images" // inside the static folder
	DefaultArchiveEndpoint = "https://archive.org/wayback/available"
	DefaultDraftsDir       = "posts"
	// DefaultArchiveSaveURL is the Wayback Machine's save API (GET
	// SAVE/URL), asked only when links.archive_on_capture is true.
	DefaultArchiveSaveURL = "https://web.archive.org/save"
)

// DefaultVocabulary is the built-in main_topics vocabulary.
var DefaultVocabulary = []string{"前沿模型与算法", "算力与芯片", "产业生态与商业版图"}

// FieldSpec is one front matter key. Lengths count characters (code
// points); for a list MinLen/MaxLen bound each item and MinItems/MaxItems the
// number of items. Zero means no bound.
type FieldSpec struct {
	Key                string
	Type               string
	Required           bool
	MinLen, MaxLen     int
	MinItems, MaxItems int
	Vocabulary         []string // when set, every value must be one of these
	Unique             bool     // a list must not hold the same value twice
}

// Profile is a site profile. Paths are absolute; SiteRoot and StaticDir are
// empty when the site is not known (then featured images are not looked for).
type Profile struct {
	Path             string // the copydesk.yaml it came from; "" for the built-in profile
	TimeZone         *time.Location
	StaleDays        int
	Style            citation.Style
	CitationsHeading string
	Fields           []FieldSpec
	KeyOrder         []string // the house order of front matter keys
	SiteRoot         string
	StaticDir        string
	// ImagesDir is where pasted and chosen images are copied (site.images);
	// "" means the static folder's images/ (see ImagesFolder).
	ImagesDir        string
	ArchiveOnCapture bool              // links.archive_on_capture: ask the archive to save each captured page
	ArchiveSaveURL   string            // links.archive_save_endpoint: the archive's save API
	Outlets          map[string]string // outlets: host -> outlet name for captured pages, over the built-in table
	ArchiveEndpoint  string
	// DraftsDir is where a draft that never came from the site gets its file,
	// relative to the site's content folder, with "/" separators.
	DraftsDir string
	// Hugo is the site's hugo command (a path, or a name looked up on PATH);
	// "": hugo on PATH.
	Hugo string
	// LinksAllowPrivate lets the link checker fetch loopback and private
	// addresses (links.allow_private): off, a cited URL cannot make it reach
	// into this machine or its network. Link-local addresses never.
	LinksAllowPrivate bool
	// Typography is the house style of Chinese prose (the typography section).
	Typography typography.Settings
}

// Default returns a fresh copy of the built-in profile.
func Default() *Profile {
	p := &Profile{
		TimeZone:         houseZone(),
		StaleDays:        DefaultStaleDays,
		Style:            citation.DefaultStyle(),
		CitationsHeading: DefaultHeading,
		ArchiveSaveURL:   DefaultArchiveSaveURL,
		Outlets:          map[string]string{},
		ArchiveEndpoint:  DefaultArchiveEndpoint,
		Typography:       typography.DefaultSettings(),
		DraftsDir:        DefaultDraftsDir,
		Fields: []FieldSpec{
			{Key: "title", Type: TypeString, Required: true},
			{Key: "date", Type: TypeDate, Required: true},
			{Key: "draft", Type: TypeBool, Required: true},
			{Key: "featured_image", Type: TypeImage},
			{Key: "summary", Type: TypeString, Required: true},
			{Key: "tags", Type: TypeList, Required: true, Unique: true},
			{Key: "main_topics", Type: TypeList, Required: true, Unique: true,
				Vocabulary: append([]string(nil), DefaultVocabulary...)},
		},
	}
	p.KeyOrder = p.fieldKeys()
	return p
}

// Field returns the spec of key.
func (p *Profile) Field(key string) (FieldSpec, bool) {
	for _, f := range p.Fields {
		if f.Key == key {
			return f, true
		}
	}
	return FieldSpec{}, false
}

// Location is the profile's time zone, never nil. A profile without one
// (built in code rather than by Default or Load) gets the house zone: UTC
// would put anything before 08:00 Shanghai time on the previous day.
func (p *Profile) Location() *time.Location {
	if p == nil || p.TimeZone == nil {
		return houseZone()
	}
	return p.TimeZone
}

func houseZone() *time.Location {
	loc, err := time.LoadLocation(DefaultTimeZone)
	if err != nil { // cannot happen with time/tzdata linked in
		return time.FixedZone("CST", 8*3600)
	}
	return loc
}

// Today is the calendar day of now in the profile's time zone.
func (p *Profile) Today(now time.Time) citation.Date {
	return citation.DateOf(now, p.Location())
}

// ImagePath is where a featured_image value should exist on disk, or "" when
// the site is not known.
func (p *Profile) ImagePath(value string) string {
	if p.StaticDir == "" {
		return ""
	}
	return filepath.Join(p.StaticDir, filepath.FromSlash(value))
}

// ImagesFolder is the folder images are copied into, inside the static
// folder: site.images, by default <static>/images. "" when the site is not known.
func (p *Profile) ImagesFolder() string {
	switch {
	case p.StaticDir == "":
		return ""
	case p.ImagesDir != "":
		return p.ImagesDir
	}
	return filepath.Join(p.StaticDir, DefaultImagesDir)
}

func (p *Profile) fieldKeys() []string {
	keys := make([]string, len(p.Fields))
	for i, f := range p.Fields {
		keys[i] = f.Key
	}
	return keys
}
