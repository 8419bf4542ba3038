package c

// Console output: a message laid out as the WTO parameter list (zc_wpl.h) in 31-bit
// storage and written with SVC 35, deleted with SVC 87; a WTOR's own block with its
// reply buffer and ECBs; and who the program is, from the PSA, ASCB and CVT. The C is
// wto.c and task.c; the calls into it are in wto.go, or stub.go where there is none.

// Message is one message on its way to SVC 35, as the caller prepared and checked it:
// its text in the console code page, line by line, and the fields of the WPX. The C
// checks it again, and refuses ([ErrInvalid]) what it would lay out wrong.
type Message struct {
	Lines    [][]byte // each line's text, EBCDIC: 1 line, or 2 to 10 of a multi-line WTO
	Types    []uint16 // each line's type (WPLLTF, zc_wpl.h's ZC_LT_*), for a multi-line WTO
	Codes    bool     // Route and Desc are given (MCS flag X'80')
	Route    [16]byte // routing codes 1-128, code k = bit k-1 from the left
	Desc     [2]byte  // descriptor codes, the same way
	ConsID   uint32   // with HasConsID: CONSID=
	ConsName [8]byte  // with HasConsName: CONSNAME=, EBCDIC, blank padded
	CART     [8]byte  // with HasCART: CART=
	Response bool     // MCSFLAG=RESP: an immediate command response
	NoTime   bool     // MCSFLAG=NOTIME: no time stamp (MCS flags 2, X'80')
	ReplyLen int      // a WTOR: its reply buffer's length, 1 to 119; a WTO: 0

	HasConsID, HasConsName, HasCART bool
}

// WTO writes m to the operator (SVC 35) and returns its message id.
func WTO(m *Message) (uint32, error) { return zcWTO(m) }

// DOM deletes message id (SVC 87, DOM MSG=).
func DOM(id uint32) error { return zcDOM(id) }

// Ask is the 31-bit address of a WTOR's block: its reply buffer, the ECB the system
// posts with the reply, and the cancel ECB that ends a wait otherwise.
type Ask uint32

// AskStart issues m, with its ReplyLen, as a WTOR (SVC 35) from a block of its own.
// The block stays until [Ask.End] releases it.
func AskStart(m *Message) (Ask, error) { return zcAskStart(m) }

// Wait blocks until the reply ECB or the cancel ECB is posted; [Ask.End] tells which.
func (a Ask) Wait() error { return zcAskWait(a) }

// Cancel posts the cancel ECB, which ends Wait.
func (a Ask) Cancel() error { return zcAskCancel(a) }

// End ends a WTOR no one will cancel any more, as far as it can be ended now. Unless it
// was answered it is deleted (DOM), once. An answer is returned (replied) and the block
// released. A WTOR deleted unanswered keeps its block, because the system may still
// post a reply it took before the DOM: End again releases it once that reply has come
// (replied, the late reply returned), and returns replied false until then. If the DOM
// fails, the error says so and the block is kept (the WTOR may still be answered): End
// may be called again.
func (a Ask) End() (reply []byte, replied bool, err error) { return zcAskEnd(a) }

// Task is what the PSA, ASCB and CVT say about this address space.
type Task struct {
	ASCB, TCB uint32  // PSAAOLD, PSATOLD
	ASID      uint16  // ASCBASID
	Started   bool    // the name is ASCBJBNS's (START, MOUNT, LOGON), not ASCBJBNI's
	Job       [8]byte // the job's name, EBCDIC, blank padded
	System    [8]byte // CVTSNAME, EBCDIC
}

// TaskInfo reads the PSA (PSATOLD, PSAAOLD, FLCCVT), the ASCB and the CVT.
func TaskInfo() (Task, error) { return zcTaskInfo() }

// LayoutWPL lays the WPL for m out as if it lived at 31-bit address base, in Go memory:
// every address field is base plus an offset into the image, but for a WTOR's reply
// buffer and ECB, which are replyBuf and replyECB. It is the layout WTO and AskStart
// issue, for tests to hold against hand-annotated images.
func LayoutWPL(m *Message, base, replyBuf, replyECB uint32) ([]byte, error) {
	return zcLayoutWPL(m, base, replyBuf, replyECB)
}
