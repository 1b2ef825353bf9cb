package images

import (
	"bytes"
	"encoding/xml"
	"errors"
)

// Kind is an image format Copydesk accepts.
type Kind struct {
	Ext  string // the file extension it is written with, with the dot
	MIME string // its Content-Type
}

var (
	PNG  = Kind{".png", "image/png"}
	JPEG = Kind{".jpg", "image/jpeg"}
	GIF  = Kind{".gif", "image/gif"}
	WebP = Kind{".webp", "image/webp"}
	AVIF = Kind{".avif", "image/avif"}
	SVG  = Kind{".svg", "image/svg+xml"}
)

// ErrNotImage: the bytes are none of the accepted formats.
var ErrNotImage = errors.New("not a PNG, JPEG, GIF, WebP, AVIF or SVG image")

// Sniff tells the format from the bytes themselves. A name or a MIME type
// a browser attached to a paste says nothing reliable (a screenshot tool
// may call a PNG "image.jpg"; a renamed text file may end in .png), so only
// the magic bytes decide, and the written file gets the extension of what
// it really is.
func Sniff(data []byte) (Kind, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return PNG, nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return JPEG, nil
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return GIF, nil
	case len(data) >= 12 && string(data[0:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return WebP, nil
	case isAVIF(data):
		return AVIF, nil
	case isSVG(data):
		return SVG, nil
	}
	return Kind{}, ErrNotImage
}

// isAVIF reads the ISO-BMFF "ftyp" box: its major brand or one of its
// compatible brands is avif (a still image) or avis (a sequence).
func isAVIF(data []byte) bool {
	if len(data) < 16 || string(data[4:8]) != "ftyp" {
		return false
	}
	size := int(data[0])<<24 | int(data[1])<<16 | int(data[2])<<8 | int(data[3])
	if size < 16 || size > len(data) || size > 4096 {
		return false
	}
	for off := 8; off+4 <= size; off += 4 {
		if off == 12 {
			continue // the minor version, not a brand
		}
		if b := string(data[off : off+4]); b == "avif" || b == "avis" {
			return true
		}
	}
	return false
}

// maxSVGProlog bounds how far into a file the svg root element is looked
// for: past an XML declaration, comments and a doctype, it comes early.
const maxSVGProlog = 64 << 10

// isSVG accepts XML whose first element is <svg> (in any namespace prefix
// form Hugo sites use: plain svg, or svg:svg). An HTML file, or XML with
// another root, is not an image.
func isSVG(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(data) > maxSVGProlog {
		data = data[:maxSVGProlog]
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	for {
		tok, err := d.RawToken()
		if err != nil {
			return false // io.EOF included: no element at all
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return t.Name.Local == "svg"
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return false // text before the root: not an XML document
			}
		}
	}
}
