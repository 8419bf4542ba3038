//go:build !cgo || !zconsolesim

package sim

import "context"

// Outstanding returns nothing: there is no simulator in this build.
func Outstanding() []int { return nil }

// Asked reports [errors.ErrUnsupported]: there is no simulator in this build.
func Asked(context.Context) (Message, error) { return Message{}, errNoSim }
