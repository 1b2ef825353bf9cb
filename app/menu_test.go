package app

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/wailsapp/wails/v2/pkg/menu"
)

func noActions() menuActions { return menuActions{emit: func(string) {}, edit: func(string) {}} }

// Every label of every table is filled in: a missing one would show an empty
// menu item in that language.
func TestMenuTablesAreComplete(t *testing.T) {
	for locale, labels := range menuLocales {
		v := reflect.ValueOf(labels)
		for i := 0; i < v.NumField(); i++ {
			if strings.TrimSpace(v.Field(i).String()) == "" {
				t.Errorf("%s: %s has no label", locale, v.Type().Field(i).Name)
			}
		}
	}
	if len(menuLocales) != 2 {
		t.Errorf("menu locales: %v (the UI has zh-CN and en)", slices.Collect(func(yield func(string) bool) {
			for k := range menuLocales {
				yield(k)
			}
		}))
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func TestMenuFollowsTheUILanguage(t *testing.T) {
	zh := menuLabelOrder(desktopMenu(labelsFor("zh-CN"), noActions()))
	en := menuLabelOrder(desktopMenu(labelsFor("en"), noActions()))
	if len(zh) != len(en) {
		t.Fatalf("the two languages build menus of different shapes: %d and %d labels", len(zh), len(en))
	}
	if got := zh[:4]; !slices.Equal(got, []string{"文件", "新建草稿", "导入…", "保存"}) {
		t.Errorf("Chinese menu starts %q", got)
	}
	for _, top := range []string{"文件", "编辑", "视图", "帮助"} {
		if !slices.Contains(zh, top) {
			t.Errorf("Chinese menu lacks %q: %q", top, zh)
		}
	}
	for _, top := range []string{"File", "Edit", "View", "Help"} {
		if !slices.Contains(en, top) {
			t.Errorf("English menu lacks %q: %q", top, en)
		}
	}
	for i := range zh {
		// The language switch items name each language in itself.
		if zh[i] == "中文" || zh[i] == "English" {
			if en[i] != zh[i] {
				t.Errorf("language item %d: %q vs %q", i, zh[i], en[i])
			}
			continue
		}
		if !hasHan(zh[i]) {
			t.Errorf("Chinese menu item %d is not Chinese: %q", i, zh[i])
		}
		if hasHan(en[i]) {
			t.Errorf("English menu item %d is not English: %q", i, en[i])
		}
	}
}

func TestMenuLocaleRule(t *testing.T) {
	for in, want := range map[string]string{
		"en": "en", "en-US": "en", "en_GB.UTF-8": "en", "EN": "en",
		"zh-CN": "zh-CN", "zh_CN.UTF-8": "zh-CN", "zh_TW": "zh-CN", "": "zh-CN", "C.UTF-8": "zh-CN", "de_DE": "zh-CN",
	} {
		if got := menuLocale(in); got != want {
			t.Errorf("menuLocale(%q) = %q, want %q", in, got, want)
		}
	}
}

// The label order is the order GTK draws them (Wails skips separators and
// hidden items), and the actions fire what the UI expects.
func TestMenuOrderAndActions(t *testing.T) {
	var emitted, edits []string
	m := desktopMenu(labelsFor("en"), menuActions{
		emit: func(a string) { emitted = append(emitted, a) },
		edit: func(c string) { edits = append(edits, c) },
	})
	order := menuLabelOrder(m)
	if order[0] != "File" || order[len(order)-2] != "Help" || order[len(order)-1] != "About Copydesk" {
		t.Errorf("order: %q", order)
	}
	for _, top := range m.Items {
		for _, it := range top.SubMenu.Items {
			if it.Click != nil {
				it.Click(&menu.CallbackData{MenuItem: it})
			}
			if top.Label == "Edit" && it.Accelerator != nil {
				t.Errorf("Edit item %q has an accelerator: it would take the key from the web view", it.Label)
			}
		}
	}
	if !slices.Contains(emitted, "new") || !slices.Contains(emitted, "lang-en") || !slices.Contains(emitted, "about") {
		t.Errorf("emitted: %q", emitted)
	}
	if !slices.Equal(edits, []string{"Undo", "Redo", "Cut", "Copy", "Paste", "SelectAll"}) {
		t.Errorf("edit commands: %q", edits)
	}
}
