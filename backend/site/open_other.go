//go:build !unix

package site

// openNonBlocking: without FIFOs to block on, nothing to add.
const openNonBlocking = 0
