//go:build !zconsolesim

package main

// operator does nothing on a real system: the operator is at the console.
func operator() error { return nil }
