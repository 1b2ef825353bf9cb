package check

// emphasis reports ** and * that Hugo will print literally; wired to
// backend/render's detector once it is available.
func (c *checker) emphasis() {}
