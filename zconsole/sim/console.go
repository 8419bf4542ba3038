package sim

import (
	"github.com/go-zos/zconsole/internal/zc"
	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/internal/console"
)

// Console is where an operator command comes from, as the CIB extension tells the
// program: the console's name and id, and its command authority.
type Console struct {
	Name string             // 1 to 8 characters
	ID   uint32             // the 4-byte console id
	Auth zconsole.Authority // AUTH= of the console
}

// MasterConsole is the console commands come from unless [From] names another.
var MasterConsole = Console{Name: "OPER1", ID: 1, Auth: zconsole.AuthMaster}

type origin struct {
	console Console
	cart    zconsole.CART
}

// A CommandOption says where a command comes from.
type CommandOption func(*origin)

// From makes the command come from console c.
func From(c Console) CommandOption { return func(o *origin) { o.console = c } }

// WithCART gives the command a command and response token, as automation does.
func WithCART(cart zconsole.CART) CommandOption { return func(o *origin) { o.cart = cart } }

// CARTOf returns a CART holding s in the simulated system's code page ([SetCodePage]),
// blank-padded: the form automation products usually give it. s must be at most 8
// characters the code page can carry; other text is cut or replaced with '?'.
func CARTOf(s string) zconsole.CART { return zconsole.CART(console.CARTOf(s)) }

// originOf is where a command comes from with opts, as the system takes it.
func originOf(opts []CommandOption) console.Origin {
	o := origin{console: MasterConsole}
	for _, opt := range opts {
		opt(&o)
	}
	return console.Origin{Console: o.console.Name, ID: o.console.ID, Auth: byte(o.console.Auth), CART: o.cart}
}

// Fault is a supervisor-call failure to inject with [Inject].
type Fault struct {
	SVC   int // the supervisor call: 1 WAIT, 2 POST, 34 QEDIT, 35 WTO, 40 EXTRACT, 87 DOM
	RC    int // the return code it gives instead of working
	Skip  int // calls to let through first
	Times int // calls to fail; -1 for all until Reset
}

// Supervisor call numbers, for [Fault] and Statistics.SVCs: those the module issues.
const (
	SVCWait    = zc.SVC_WAIT    // WAIT: 1
	SVCPost    = zc.SVC_POST    // POST: 2
	SVCQedit   = zc.SVC_QEDIT   // QEDIT: 34
	SVCWTO     = zc.SVC_WTO     // WTO and WTOR: 35
	SVCExtract = zc.SVC_EXTRACT // EXTRACT: 40
	SVCDOM     = zc.SVC_DOM     // DOM: 87
)
