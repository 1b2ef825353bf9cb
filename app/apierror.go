package app

import (
	"encoding/json"
	"errors"
	"sort"
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

// errorText is err for a person reading a terminal: an apiError is JSON for
// the UI, so its code and parameters are spelled out instead.
func errorText(err error) string {
	var a *apiError
	if !errors.As(err, &a) {
		return err.Error()
	}
	switch a.Code {
	case "library.open":
		return "cannot open the library " + a.Params["path"] + ": " + a.Params["detail"]
	}
	keys := make([]string, 0, len(a.Params))
	for k := range a.Params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	text := a.Code
	for _, k := range keys {
		text += "; " + k + ": " + a.Params[k]
	}
	return text
}
