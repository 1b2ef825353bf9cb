package store

import "context"

// TermCount is a tag or topic with the number of live drafts using it.
type TermCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// AllTags lists the tags used by live drafts, most used first (for tag
// completion).
func (s *Store) AllTags(ctx context.Context) ([]TermCount, error) { return s.terms(ctx, "tag") }

// AllTopics lists the main topics used by live drafts, most used first.
func (s *Store) AllTopics(ctx context.Context) ([]TermCount, error) { return s.terms(ctx, "topic") }

func (s *Store) terms(ctx context.Context, kind string) ([]TermCount, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT t.value, count(*) FROM draft_terms t JOIN drafts d ON d.id = t.draft_id
		WHERE t.kind = ? AND d.trashed_at IS NULL GROUP BY t.value ORDER BY count(*) DESC, t.value`, kind)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := []TermCount{}
	for rows.Next() {
		var t TermCount
		if err := rows.Scan(&t.Value, &t.Count); err != nil {
			return nil, err
		}
		list = append(list, t)
	}
	return list, rows.Err()
}
