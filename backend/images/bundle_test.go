package images

import "testing"

func TestBundleDir(t *testing.T) {
	for draft, want := range map[string]string{
		"posts/芯片/index.md": "posts/芯片",
		"a/index.md":        "a",
		"index.md":          "", // the home page, not a bundle
		"posts/a.md":        "",
		"posts/_index.md":   "", // a branch bundle: its resources are not served beside it the same way
		"":                  "",
	} {
		if got := BundleDir(draft); got != want {
			t.Errorf("BundleDir(%q) = %q, want %q", draft, got, want)
		}
	}
}
