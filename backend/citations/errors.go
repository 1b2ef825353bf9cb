package citations

import (
	"errors"

	"copydesk/backend/article"
	"copydesk/backend/library"
)

// Error is a problem the user must act on, with a stable code and the
// parameters the message needs.
type Error struct {
	Code   string
	Params map[string]string
}

func (e *Error) Error() string {
	msg := e.Code
	for _, k := range []string{"label", "field", "reason", "url", "detail"} {
		if v, ok := e.Params[k]; ok && v != "" {
			msg += " " + k + "=" + v
		}
	}
	return msg
}

func newError(code string, params map[string]string) *Error {
	return &Error{Code: code, Params: params}
}

// The codes of Error.
const (
	CodeInvalid            = "citation.invalid"       // field, reason: a form field is wrong
	CodeNoDefinition       = "citation.no_definition" // label
	CodeCannotEdit         = "citation.cannot_edit"   // label, detail
	CodeCursorFrontMatter  = "citation.cursor_in_front_matter"
	CodeCursorInDefinition = "citation.cursor_in_definition" // label
	CodeDraftConflict      = "draft.conflict"                // id
	CodeDraftNotFound      = "draft.not_found"               // id
	CodeUnreadable         = "article.unreadable"            // detail: the text cannot be read
)

func invalid(field, reason string) error {
	return newError(CodeInvalid, map[string]string{"field": field, "reason": reason})
}

// editError words an article edit error: unreadable texts keep their
// *article.ReadError (the caller words those), the rest get a code.
func editError(err error, label string) error {
	var re *article.ReadError
	switch {
	case errors.As(err, &re):
		return err
	case errors.Is(err, article.ErrNoDefinition):
		return newError(CodeNoDefinition, map[string]string{"label": label})
	}
	return newError(CodeCannotEdit, map[string]string{"label": label, "detail": err.Error()})
}

// draftErrorCode is the code reported for one draft that could not be
// updated; errors without a code are reported as their message.
func draftErrorCode(err error) string {
	var e *Error
	var re *article.ReadError
	switch {
	case errors.As(err, &e):
		return e.Code
	case errors.As(err, &re):
		return CodeUnreadable
	case errors.Is(err, library.ErrConflict):
		return CodeDraftConflict
	case errors.Is(err, library.ErrNotFound):
		return CodeDraftNotFound
	}
	return err.Error()
}
