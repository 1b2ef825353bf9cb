package app

import (
	"os"
	"os/exec"
	"strings"
)

// chineseCType is the locale WebKitGTK needs to offer a Chinese input method.
const chineseCType = "zh_CN.UTF-8"

// localeEnv is what prepareInputLocale reads and changes (the process
// environment in the app, a map in tests).
type localeEnv struct {
	get       func(string) string
	set       func(key, value string) error
	available func(locale string) bool
}

// prepareInputLocale lets editors type Chinese in the desktop window. On an
// English-locale Linux desktop, GTK picks its input-method module from
// LC_CTYPE and WebKitGTK then will not switch to a Chinese input method. The
// articles are Chinese whatever the UI language, so when the character-type
// locale is not Chinese we set LC_CTYPE (only that: the UI language still
// follows LANG) before the window starts. It returns a hint to print when it
// cannot help, or "".
func prepareInputLocale(env localeEnv) string {
	if all := env.get("LC_ALL"); all != "" {
		if isChineseLocale(all) {
			return ""
		}
		return "copydesk: LC_ALL=" + all + " is set, so Chinese input methods may not work in the window; unset LC_ALL or set LC_CTYPE=" + chineseCType
	}
	ctype := env.get("LC_CTYPE")
	if ctype == "" {
		ctype = env.get("LANG")
	}
	if isChineseLocale(ctype) {
		return ""
	}
	if !env.available(chineseCType) {
		return "copydesk: the " + chineseCType + " locale is not installed, so Chinese input methods may not work in the window; install it (Debian: sudo dpkg-reconfigure locales)"
	}
	if err := env.set("LC_CTYPE", chineseCType); err != nil {
		return "copydesk: cannot set LC_CTYPE: " + err.Error()
	}
	return ""
}

func isChineseLocale(l string) bool {
	return strings.HasPrefix(strings.ToLower(l), "zh")
}

// osLocaleEnv is the real process environment; available asks `locale -a`.
func osLocaleEnv() localeEnv {
	return localeEnv{
		get: os.Getenv,
		set: os.Setenv,
		available: func(locale string) bool {
			out, err := exec.Command("locale", "-a").Output()
			if err != nil {
				return false
			}
			want := normalizeLocaleName(locale)
			for _, l := range strings.Fields(string(out)) {
				if normalizeLocaleName(l) == want {
					return true
				}
			}
			return false
		},
	}
}

// normalizeLocaleName folds "zh_CN.UTF-8" and "zh_CN.utf8" together.
func normalizeLocaleName(l string) string {
	return strings.ReplaceAll(strings.ToLower(l), "-", "")
}
