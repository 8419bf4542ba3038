//go:build asan && cgo && zconsolesim

package main

// Under AddressSanitizer, the demo the end-to-end tests run is built with it too.
func init() { childFlags = append(childFlags, "-asan") }
