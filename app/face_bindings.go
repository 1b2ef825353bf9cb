//go:build bindings

package app

// generatingBindings is true when `wails generate module` builds this program
// to read the bound methods: no display and no frontend bundle are needed then.
const generatingBindings = true
