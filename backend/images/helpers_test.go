package images

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// pngBytes is a real PNG of w×h pixels; seed varies the pixels, so two
// seeds give two different files.
func pngBytes(t testing.TB, w, h int, seed uint8) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = uint8(i) ^ seed
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func jpegBytes(t testing.TB) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	img.Set(1, 1, color.RGBA{200, 10, 10, 255})
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func gifBytes(t testing.TB) []byte {
	t.Helper()
	img := image.NewPaletted(image.Rect(0, 0, 4, 4), []color.Color{color.Black, color.White})
	var b bytes.Buffer
	if err := gif.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// webpBytes and avifBytes are the headers those encoders write (Go has no
// encoder for either): RIFF size WEBP VP8L…, and an ISO-BMFF ftyp box.
func webpBytes() []byte {
	return append([]byte("RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00\x2f\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00"), make([]byte, 4)...)
}

func avifBytes(major string, compatible ...string) []byte {
	box := []byte(major + "\x00\x00\x00\x00")
	for _, c := range compatible {
		box = append(box, c...)
	}
	size := 8 + len(box)
	head := []byte{0, 0, 0, byte(size)}
	head = append(head, "ftyp"...)
	return append(append(head, box...), "\x00\x00\x00\x08meta"...)
}

// newSite makes a site folder with static/ and content/ and returns its Site.
func newSite(t *testing.T) Site {
	t.Helper()
	root := t.TempDir()
	s := Site{Static: filepath.Join(root, "static"), Images: filepath.Join(root, "static", "images"), Content: filepath.Join(root, "content")}
	for _, d := range []string{s.Static, s.Content} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return s
}
