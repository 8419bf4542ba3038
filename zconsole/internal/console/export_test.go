package console

// What the external tests (package console_test, which may import package zconsole)
// use of the console's rules.
var (
	Enterable    = enterable
	Fold         = fold
	CommandSeeds = commandSeeds
)

// ParsedText is the text of a folded MODIFY after its first comma, as parse splits it,
// without a last A=asid operand.
func ParsedText(cmd string) string {
	p := parse(cmd)
	text, _, _, _ := cutASID(p.text, p.hasText)
	return text
}
