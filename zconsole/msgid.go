package zconsole

// MsgID identifies a message this program wrote: the 24-bit message identification
// number the system returns from WTO and WTOR in register 1. [Delete] takes it to
// delete the message (DOM). The zero MsgID is no message.
type MsgID uint32
