package store

import (
	"context"
)

// indexBatch drafts are indexed per transaction: each commit lets a save in.
const indexBatch = 100

// PendingIndex counts drafts whose text is not yet in the full-text index.
func (s *Store) PendingIndex(ctx context.Context) (int, error) {
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM drafts WHERE indexed = 0`).Scan(&n)
	return n, err
}

// IndexPending puts drafts stored with a deferred index (bulk import) into
// the full-text index, a batch per transaction, until none is left or ctx
// ends. Search is correct before this finishes (it scans pending drafts),
// only slower. progress, if not nil, gets the number indexed so far.
func (s *Store) IndexPending(ctx context.Context, progress func(done int)) error {
	done := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		var n int64
		err := s.inBulkTx(ctx, func(tx *wtx) error {
			res, err := tx.ExecContext(ctx, `UPDATE drafts SET indexed = 1 WHERE id IN
				(SELECT id FROM drafts WHERE indexed = 0 ORDER BY id LIMIT ?)`, indexBatch)
			if err != nil {
				return err
			}
			n, err = res.RowsAffected()
			return err
		})
		if err != nil {
			return err
		}
		if n == 0 {
			// Indexing filled the writer's page cache (up to 16 MB, see dsn)
			// with pages a desktop session rarely touches again: give them
			// back, so a running app does not keep them for its lifetime.
			_, err := s.write.ExecContext(ctx, "PRAGMA shrink_memory")
			releaseFreedMemory()
			return err
		}
		done += int(n)
		if progress != nil {
			progress(done)
		}
	}
}
