package app

import (
	"github.com/wailsapp/wails/v2/pkg/menu"
	"github.com/wailsapp/wails/v2/pkg/menu/keys"
)

// menuActions is what the native menu's items do: most send a "menu" event
// carrying an action name that the UI performs (so the browser face, which
// has no native menu, runs the very same code from its own shortcuts); the
// Edit items run the web view's own editing commands.
type menuActions struct {
	emit func(action string)
	edit func(command string) // a WebKit editing command: "Undo", "Copy", …
}

// desktopMenu builds the native menu with the labels of one language.
func desktopMenu(l menuLabels, do menuActions) *menu.Menu {
	emit := func(action string) func(*menu.CallbackData) {
		return func(*menu.CallbackData) { do.emit(action) }
	}
	edit := func(command string) func(*menu.CallbackData) {
		return func(*menu.CallbackData) { do.edit(command) }
	}
	m := menu.NewMenu()
	file := m.AddSubmenu(l.File)
	file.AddText(l.NewDraft, keys.CmdOrCtrl("n"), emit("new"))
	file.AddText(l.Import, keys.CmdOrCtrl("o"), emit("import"))
	file.AddSeparator()
	file.AddText(l.Save, keys.CmdOrCtrl("s"), emit("save"))
	file.AddText(l.Export, keys.CmdOrCtrl("e"), emit("export"))
	file.AddText(l.ExportChanged, keys.Combo("e", keys.CmdOrCtrlKey, keys.ShiftKey), emit("export-changed"))
	file.AddSeparator()
	file.AddText(l.Quit, keys.CmdOrCtrl("q"), emit("quit"))
	// Wails' role-based Edit menu is macOS only. These items carry no
	// accelerators on purpose: a GTK accelerator would take Ctrl+Z/C/V/A
	// away from the web view, which already handles them (and CodeMirror's
	// undo history with them).
	editMenu := m.AddSubmenu(l.Edit)
	editMenu.AddText(l.Undo, nil, edit("Undo"))
	editMenu.AddText(l.Redo, nil, edit("Redo"))
	editMenu.AddSeparator()
	editMenu.AddText(l.Cut, nil, edit("Cut"))
	editMenu.AddText(l.Copy, nil, edit("Copy"))
	editMenu.AddText(l.Paste, nil, edit("Paste"))
	editMenu.AddSeparator()
	editMenu.AddText(l.SelectAll, nil, edit("SelectAll"))
	view := m.AddSubmenu(l.View)
	view.AddText(l.ToggleLibrary, keys.CmdOrCtrl("1"), emit("toggle-library"))
	view.AddText(l.ToggleSide, keys.CmdOrCtrl("2"), emit("toggle-side"))
	view.AddSeparator()
	view.AddText(l.ThemeSystem, nil, emit("theme-system"))
	view.AddText(l.ThemeLight, nil, emit("theme-light"))
	view.AddText(l.ThemeDark, nil, emit("theme-dark"))
	view.AddSeparator()
	view.AddText("中文", nil, emit("lang-zh-CN"))
	view.AddText("English", nil, emit("lang-en"))
	help := m.AddSubmenu(l.Help)
	help.AddText(l.About, nil, emit("about"))
	return m
}

// menuLabelOrder lists the labels of m in the order GTK draws them (Wails'
// linux menu code: each top-level submenu, then its visible items depth
// first; separators have no label). Relabelling the live GTK menu walks it
// in the same order.
func menuLabelOrder(m *menu.Menu) []string {
	var out []string
	var walk func(items []*menu.MenuItem)
	walk = func(items []*menu.MenuItem) {
		for _, it := range items {
			if it.Hidden || it.Type == menu.SeparatorType {
				continue
			}
			out = append(out, it.Label)
			if it.SubMenu != nil {
				walk(it.SubMenu.Items)
			}
		}
	}
	for _, it := range m.Items {
		if it.SubMenu != nil {
			out = append(out, it.Label)
			walk(it.SubMenu.Items)
		}
	}
	return out
}
