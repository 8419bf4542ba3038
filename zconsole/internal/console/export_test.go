package console

// What the external tests (package console_test, which may import package zconsole)
// use of the console's rules.
var (
	Enterable    = enterable
	Fold         = fold
	CommandSeeds = commandSeeds
)

// ParsedText is the text of a folded command after its first comma, as parse splits it.
func ParsedText(cmd string) string { return parse(cmd).text }
