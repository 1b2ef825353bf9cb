package app

import (
	"github.com/wailsapp/wails/v2/pkg/menu"
	"github.com/wailsapp/wails/v2/pkg/menu/keys"
)

// desktopMenu builds the native menu. Each item emits a "menu" event carrying
// an action name; the UI performs the action, so the browser face (which has
// no native menu) runs the very same code from its own shortcuts.
func desktopMenu(face *desktopFace) *menu.Menu {
	emit := func(action string) func(*menu.CallbackData) {
		return func(*menu.CallbackData) { face.Emit("menu", action) }
	}
	m := menu.NewMenu()
	file := m.AddSubmenu("File")
	file.AddText("New Draft", keys.CmdOrCtrl("n"), emit("new"))
	file.AddText("Import…", keys.CmdOrCtrl("o"), emit("import"))
	file.AddSeparator()
	file.AddText("Save", keys.CmdOrCtrl("s"), emit("save"))
	file.AddText("Export…", keys.CmdOrCtrl("e"), emit("export"))
	file.AddText("Export All Changed…", keys.Combo("e", keys.CmdOrCtrlKey, keys.ShiftKey), emit("export-changed"))
	file.AddSeparator()
	file.AddText("Quit", keys.CmdOrCtrl("q"), emit("quit"))
	m.Append(menu.EditMenu())
	view := m.AddSubmenu("View")
	view.AddText("Toggle Library", keys.CmdOrCtrl("1"), emit("toggle-library"))
	view.AddText("Toggle Side Panel", keys.CmdOrCtrl("2"), emit("toggle-side"))
	view.AddSeparator()
	view.AddText("Theme: Follow System", nil, emit("theme-system"))
	view.AddText("Theme: Light", nil, emit("theme-light"))
	view.AddText("Theme: Dark", nil, emit("theme-dark"))
	view.AddSeparator()
	view.AddText("中文", nil, emit("lang-zh-CN"))
	view.AddText("English", nil, emit("lang-en"))
	help := m.AddSubmenu("Help")
	help.AddText("About Copydesk", nil, emit("about"))
	return m
}
