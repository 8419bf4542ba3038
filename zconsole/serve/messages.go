package serve

// Message ids of the answers a [Server] and its [Router] give by themselves, in the
// z/OS form: the prefix ZCN, a number, and the type code of MVS messages (I
// information, E eventual action: the operator should correct the command). Each answer
// begins with its id; docs/messages.md lists them all.
const (
	msgBusy       = "ZCN001I" // not run: the backlog is full
	msgForced     = "ZCN002I" // not run: the stop was forced
	msgClosing    = "ZCN003I" // not run: the server is closing
	msgMalformed  = "ZCN004E" // not run: the CIB did not hold together
	msgNotVerb    = "ZCN005E" // a CIB verb the module does not know
	msgFailed     = "ZCN006E" // the handler returned an error
	msgNoCommands = "ZCN007E" // a MODIFY to a program that takes none
	msgStartIgn   = "ZCN008I" // START parameters and no handler for them
	msgStopped    = "ZCN009I" // not run: still queued when the server stopped taking commands
	msgHelp       = "ZCN100I" // HELP
	msgUnknown    = "ZCN101E" // no handler for the command word
	msgNoCommand  = "ZCN102E" // MODIFY with no command word
	msgKeyword    = "ZCN103E" // KEY=value where the command word belongs
	msgSyntax     = "ZCN104E" // the text does not parse
	msgAuthority  = "ZCN105E" // the console lacks the authority the command needs
	msgStartBad   = "ZCN106E" // START parameters that do not parse
)
