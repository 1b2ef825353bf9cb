package store

// #include <malloc.h>
import "C"

// releaseFreedMemory hands the C heap's free pages back to the system. SQLite
// frees its page cache into the C allocator, which keeps the pages mapped
// (glibc returns only the top of a heap on its own): without this, a long
// running app would hold the peak of a past bulk job for its lifetime.
func releaseFreedMemory() { C.malloc_trim(0) }
