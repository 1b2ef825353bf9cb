//go:build !bindings

package app

// generatingBindings: see face_bindings.go.
const generatingBindings = false
