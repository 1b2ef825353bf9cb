package app

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"testing"

	"github.com/wailsapp/wails/v2/pkg/menu"
)

// keyboardOnlyActions are actions the frontend knows that have no item in the
// native menu, each with its reason. An action listed here must not also be in
// the menu.
var keyboardOnlyActions = map[string]string{
	// Ctrl+Shift+F focuses the library's search box; the UI handles it in both
	// faces, so the desktop window needs no accelerator for it.
	"search": "the search box's own shortcut",
}

// The native menu sends action names as "menu" events and the UI runs only
// names it knows (shortcuts.ts: the Action union and the set isAction checks).
// A name on one side only is a menu item that does nothing, or an action the
// desktop window cannot reach: the three lists must agree.
func TestMenuActionsAreTheFrontendsActions(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "frontend", "src", "lib", "app", "shortcuts.ts"))
	if err != nil {
		t.Fatal(err)
	}
	union := tsActionUnion(t, string(src))
	set := tsActionSet(t, string(src))
	if !slices.Equal(union, set) {
		t.Errorf("shortcuts.ts: the Action union %q and the set isAction checks %q differ", union, set)
	}

	fromMenu := menuEmittedActions()
	if len(fromMenu) < 10 {
		t.Fatalf("the menu emits only %q: is the walk still reaching its items?", fromMenu)
	}
	want := slices.Clone(fromMenu)
	for name := range keyboardOnlyActions {
		if slices.Contains(fromMenu, name) {
			t.Errorf("%q is in the menu and also listed as keyboard-only", name)
		}
		want = append(want, name)
	}
	sort.Strings(want)
	want = slices.Compact(want)
	for _, name := range want {
		if !slices.Contains(union, name) {
			t.Errorf("the menu (or keyboardOnlyActions) sends %q, which shortcuts.ts's Action does not know", name)
		}
	}
	for _, name := range union {
		if !slices.Contains(want, name) {
			t.Errorf("shortcuts.ts knows %q, which no menu item sends and keyboardOnlyActions does not list", name)
		}
	}
}

// menuEmittedActions clicks every item of the native menu and collects the
// action names it sends, sorted, each once.
func menuEmittedActions() []string {
	var out []string
	do := menuActions{emit: func(a string) { out = append(out, a) }, edit: func(string) {}}
	m := desktopMenu(labelsFor("en"), do)
	var walk func(items []*menu.MenuItem)
	walk = func(items []*menu.MenuItem) {
		for _, it := range items {
			if it.Click != nil {
				it.Click(&menu.CallbackData{MenuItem: it})
			}
			if it.SubMenu != nil {
				walk(it.SubMenu.Items)
			}
		}
	}
	walk(m.Items)
	sort.Strings(out)
	return slices.Compact(out)
}

var (
	tsUnionRe  = regexp.MustCompile(`(?s)export type Action\s*=\s*(.*?);`)
	tsSetRe    = regexp.MustCompile(`(?s)const actions = new Set<string>\(\[(.*?)\]\)`)
	tsQuotedRe = regexp.MustCompile(`'([^']*)'`)
)

func tsActionUnion(t *testing.T, src string) []string {
	t.Helper()
	m := tsUnionRe.FindStringSubmatch(src)
	if m == nil {
		t.Fatal("shortcuts.ts: no `export type Action = ...;` found")
	}
	return quotedNames(t, m[1], "the Action union")
}

func tsActionSet(t *testing.T, src string) []string {
	t.Helper()
	m := tsSetRe.FindStringSubmatch(src)
	if m == nil {
		t.Fatal("shortcuts.ts: no `const actions = new Set<string>([...])` found")
	}
	return quotedNames(t, m[1], "the actions set")
}

// quotedNames returns the single-quoted names in s, sorted; a repeated name
// fails the test.
func quotedNames(t *testing.T, s, what string) []string {
	t.Helper()
	var out []string
	for _, q := range tsQuotedRe.FindAllStringSubmatch(s, -1) {
		if slices.Contains(out, q[1]) {
			t.Errorf("shortcuts.ts: %s lists %q twice", what, q[1])
			continue
		}
		out = append(out, q[1])
	}
	if len(out) == 0 {
		t.Fatalf("shortcuts.ts: %s names no action", what)
	}
	sort.Strings(out)
	return out
}
