package cli

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"copydesk/backend/citation"
)

// parseToday reads --today YYYY-MM-DD, the day the date checks take as
// today (reproducible runs). "" is no --today: the zero Date, which the
// checks replace with today in the profile's zone.
func parseToday(s string) (citation.Date, error) {
	if s == "" {
		return citation.Date{}, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return citation.Date{}, fmt.Errorf("--today %q is not a date like 2025-06-28", s)
	}
	return citation.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}, nil
}

// parseTimeout reads --timeout SECONDS (fractions allowed) for the network
// commands; "" is no --timeout (0: the command's default).
func parseTimeout(s string) (time.Duration, error) {
	if s == "" {
		return 0, nil
	}
	secs, err := strconv.ParseFloat(s, 64)
	if err != nil || secs <= 0 || math.IsInf(secs, 0) || math.IsNaN(secs) || secs > 3600 {
		return 0, fmt.Errorf("--timeout %q is not a number of seconds between 0 and 3600", s)
	}
	return time.Duration(secs * float64(time.Second)), nil
}
