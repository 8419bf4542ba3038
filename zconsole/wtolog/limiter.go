package wtolog

import "time"

// maxIDs is how many message ids the limiter keeps a bucket for. Beyond them, once the
// buckets that are full again are dropped, new ids share one bucket.
const maxIDs = 1024

// bucket is a token bucket: tokens, and when they were last counted.
type bucket struct {
	tokens float64
	at     time.Time
}

// refill adds the tokens earned since b.at, up to l.Burst.
func (b *bucket) refill(l Limit, now time.Time) {
	if d := now.Sub(b.at); d > 0 {
		b.tokens = min(float64(l.Burst), b.tokens+float64(d)/float64(l.Every))
		b.at = now
	}
}

// limiter is the rate limit of a Handler: a bucket for each message id (Options.PerID)
// and one for all (Options.Total). It is not safe for concurrent use: the Handler's
// lock guards it.
type limiter struct {
	perID, total Limit
	all          bucket
	ids          map[string]*bucket
	shared       *bucket // for new ids once maxIDs are kept
}

func newLimiter(perID, total Limit, now time.Time) limiter {
	return limiter{perID: perID, total: total, all: bucket{float64(total.Burst), now}, ids: map[string]*bucket{}}
}

// admit reports whether a record of message id id may go to the console now, and if
// so takes a token from each bucket.
func (l *limiter) admit(id string, now time.Time) bool {
	b := l.bucketOf(id, now)
	if b != nil {
		b.refill(l.perID, now)
		if b.tokens < 1 {
			return false
		}
	}
	if l.total.Burst >= 0 {
		l.all.refill(l.total, now)
		if l.all.tokens < 1 {
			return false
		}
		l.all.tokens--
	}
	if b != nil {
		b.tokens--
	}
	return true
}

// charge takes n more tokens for a record of id admitted already, which takes n more
// WTOs; the buckets may go below zero, so later records wait for them.
func (l *limiter) charge(id string, n int) {
	if n <= 0 {
		return
	}
	if b := l.ids[id]; b != nil {
		b.tokens -= float64(n)
	} else if l.shared != nil && l.perID.Burst >= 0 {
		l.shared.tokens -= float64(n)
	}
	if l.total.Burst >= 0 {
		l.all.tokens -= float64(n)
	}
}

// bucketOf returns id's bucket, made full if it is new; nil when there is no limit per
// id.
func (l *limiter) bucketOf(id string, now time.Time) *bucket {
	if l.perID.Burst < 0 {
		return nil
	}
	if b := l.ids[id]; b != nil {
		return b
	}
	if len(l.ids) >= maxIDs {
		l.prune(now)
	}
	if len(l.ids) >= maxIDs {
		if l.shared == nil {
			l.shared = &bucket{float64(l.perID.Burst), now}
		}
		return l.shared
	}
	b := &bucket{float64(l.perID.Burst), now}
	l.ids[id] = b
	return b
}

// prune drops the buckets that are full again: a new one is the same.
func (l *limiter) prune(now time.Time) {
	for id, b := range l.ids {
		b.refill(l.perID, now)
		if b.tokens >= float64(l.perID.Burst) {
			delete(l.ids, id)
		}
	}
}
