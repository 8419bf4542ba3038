//go:build race && cgo && zconsolesim

package main

// Under the race detector, the demo the end-to-end tests run is built with it too.
func init() { childFlags = append(childFlags, "-race") }
