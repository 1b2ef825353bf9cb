package app

import (
	"encoding/json"
	"errors"
)

// apiError is an error the UI localizes: it crosses to the frontend as the JSON
// text {"code":"…","params":{…}}, which lib/api's toApiError parses. Go never
// chooses the user's language for these.
type apiError struct {
	Code   string            `json:"code"`
	Params map[string]string `json:"params,omitempty"`
}

func (e *apiError) Error() string {
	b, err := json.Marshal(e)
	if err != nil {
		return e.Code
	}
	return string(b)
}

func newAPIError(code string, params map[string]string) error {
	return &apiError{Code: code, Params: params}
}

// isAPIError reports whether err already carries a code for the UI.
func isAPIError(err error) bool {
	var a *apiError
	return errors.As(err, &a)
}
