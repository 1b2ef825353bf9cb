package app

import "strings"

// menuLabels are the native menu's UI strings in one language. The menu
// follows the UI language (SystemService.SetLocale); these are the only UI
// strings on the Go side, because the native menu is drawn by GTK, not by the
// frontend's i18n catalogs.
type menuLabels struct {
	File, NewDraft, Import, Save, Export, ExportChanged, Quit           string
	Edit, Undo, Redo, Cut, Copy, Paste, SelectAll                       string
	View, ToggleLibrary, ToggleSide, ThemeSystem, ThemeLight, ThemeDark string
	Help, About                                                         string
}

// menuLocales holds one table per UI language, keyed like the frontend's
// catalogs (frontend/src/lib/i18n). The language names stay in their own
// language in every table, so a reader of either can switch.
var menuLocales = map[string]menuLabels{
	"en": {
		File: "File", NewDraft: "New Draft", Import: "Import…", Save: "Save", Export: "Export…",
		ExportChanged: "Export All Changed…", Quit: "Quit",
		Edit: "Edit", Undo: "Undo", Redo: "Redo", Cut: "Cut", Copy: "Copy", Paste: "Paste", SelectAll: "Select All",
		View: "View", ToggleLibrary: "Toggle Library", ToggleSide: "Toggle Side Panel",
		ThemeSystem: "Theme: Follow System", ThemeLight: "Theme: Light", ThemeDark: "Theme: Dark",
		Help: "Help", About: "About Copydesk",
	},
	"zh-CN": {
		File: "文件", NewDraft: "新建草稿", Import: "导入…", Save: "保存", Export: "导出…",
		ExportChanged: "导出全部已修改…", Quit: "退出",
		Edit: "编辑", Undo: "撤销", Redo: "重做", Cut: "剪切", Copy: "复制", Paste: "粘贴", SelectAll: "全选",
		View: "视图", ToggleLibrary: "显示/隐藏文稿库", ToggleSide: "显示/隐藏侧栏",
		ThemeSystem: "主题：跟随系统", ThemeLight: "主题：浅色", ThemeDark: "主题：深色",
		Help: "帮助", About: "关于 Copydesk",
	},
}

// defaultMenuLocale is the UI's own default (frontend i18n): Chinese.
const defaultMenuLocale = "zh-CN"

// menuLocale maps a UI locale ("zh-CN", "en") or a system one ("en_US.UTF-8",
// "zh_TW") to a key of menuLocales, by the frontend's rule: English when it
// starts with "en", Chinese otherwise (and when unknown).
func menuLocale(locale string) string {
	if strings.HasPrefix(strings.ToLower(locale), "en") {
		return "en"
	}
	return defaultMenuLocale
}

// labelsFor returns the menu strings of a locale.
func labelsFor(locale string) menuLabels { return menuLocales[menuLocale(locale)] }
