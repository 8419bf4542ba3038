package wtolog

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// maxSummaryIDs is how many message ids a summary names; it counts the others.
const maxSummaryIDs = 20

// unshown counts the records that did not reach the console since the last
// summary: by reason, and those not shown by message id.
type unshown struct {
	ids                 map[string]int // records not shown (suppressed or dropped), by id
	suppressed, dropped int
	failed              int
}

// add counts a record of message id id not shown, for reason (&u.suppressed or
// &u.dropped).
func (u *unshown) add(id string, reason *int) {
	if u.ids == nil {
		u.ids = map[string]int{}
	}
	u.ids[id]++
	*reason++
}

func (u *unshown) empty() bool { return u.suppressed+u.dropped+u.failed == 0 }

// text is the summary's text, after its message id:
//
//	45 log records not shown on the console (42 over the rate limit, 3 with the queue
//	full): DMO010E 43, DMO011W 2; 1 not written: the system refused the WTO
func (u *unshown) text() string {
	var clauses []string
	if n := u.suppressed + u.dropped; n > 0 {
		var why []string
		if u.suppressed > 0 {
			why = append(why, fmt.Sprintf("%d over the rate limit", u.suppressed))
		}
		if u.dropped > 0 {
			why = append(why, fmt.Sprintf("%d with the queue full", u.dropped))
		}
		clauses = append(clauses, fmt.Sprintf("%d log record(s) not shown on the console (%s): %s",
			n, strings.Join(why, ", "), u.byID()))
	}
	if u.failed > 0 {
		clauses = append(clauses, fmt.Sprintf("%d not written: the system refused the WTO", u.failed))
	}
	return strings.Join(clauses, "; ")
}

// byID names the message ids of the records not shown, the most first, with their
// counts.
func (u *unshown) byID() string {
	ids := make([]string, 0, len(u.ids))
	for id := range u.ids {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int {
		return cmp.Or(cmp.Compare(u.ids[b], u.ids[a]), cmp.Compare(a, b))
	})
	var b strings.Builder
	for i, id := range ids {
		if i == maxSummaryIDs {
			rest := 0
			for _, other := range ids[i:] {
				rest += u.ids[other]
			}
			fmt.Fprintf(&b, ", and %d more id(s) with %d", len(ids)-i, rest)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s %d", id, u.ids[id])
	}
	return b.String()
}
