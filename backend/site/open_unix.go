//go:build unix

package site

import "syscall"

// openNonBlocking makes opening a FIFO return at once instead of waiting for
// a writer; it changes nothing for regular files.
const openNonBlocking = syscall.O_NONBLOCK
