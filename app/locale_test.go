package app

import (
	"strings"
	"testing"
)

func fakeLocaleEnv(vars map[string]string, installed bool) localeEnv {
	return localeEnv{
		get:       func(k string) string { return vars[k] },
		set:       func(k, v string) error { vars[k] = v; return nil },
		available: func(string) bool { return installed },
	}
}

func TestPrepareInputLocale(t *testing.T) {
	cases := []struct {
		name      string
		vars      map[string]string
		installed bool
		wantCType string
		wantHint  string
	}{
		{"english desktop gets a Chinese LC_CTYPE", map[string]string{"LANG": "en_US.UTF-8"}, true, chineseCType, ""},
		{"no locale at all", map[string]string{}, true, chineseCType, ""},
		{"already Chinese by LANG", map[string]string{"LANG": "zh_CN.UTF-8"}, true, "", ""},
		{"already Chinese by LC_CTYPE", map[string]string{"LANG": "en_US.UTF-8", "LC_CTYPE": "zh_TW.UTF-8"}, true, "zh_TW.UTF-8", ""},
		{"locale not installed", map[string]string{"LANG": "C"}, false, "", "not installed"},
		{"LC_ALL wins and is respected", map[string]string{"LC_ALL": "en_US.UTF-8"}, true, "", "LC_ALL"},
		{"LC_ALL Chinese", map[string]string{"LC_ALL": "zh_CN.UTF-8"}, true, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lang := c.vars["LANG"]
			hint := prepareInputLocale(fakeLocaleEnv(c.vars, c.installed))
			if c.vars["LANG"] != lang {
				t.Errorf("LANG changed to %q: the UI language follows LANG and must be left alone", c.vars["LANG"])
			}
			if got := c.vars["LC_CTYPE"]; got != c.wantCType {
				t.Errorf("LC_CTYPE = %q, want %q", got, c.wantCType)
			}
			if c.wantHint == "" && hint != "" || c.wantHint != "" && !strings.Contains(hint, c.wantHint) {
				t.Errorf("hint = %q, want containing %q", hint, c.wantHint)
			}
		})
	}
}

func TestNormalizeLocaleName(t *testing.T) {
	if normalizeLocaleName("zh_CN.UTF-8") != normalizeLocaleName("zh_CN.utf8") {
		t.Fatal("zh_CN.UTF-8 and zh_CN.utf8 are the same locale")
	}
}
