//go:build !linux

package store

// releaseFreedMemory: only glibc needs to be asked (see trim_linux.go).
func releaseFreedMemory() {}
