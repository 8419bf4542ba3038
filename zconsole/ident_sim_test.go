//go:build cgo && zconsolesim

package zconsole_test

import (
	"fmt"
	"testing"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// startedAs is started for a job begun with S name,,,parm: name may carry an identifier.
func startedAs(t *testing.T, name, parm string) {
	t.Helper()
	require.NoError(t, sim.Start(name, parm))
	t.Cleanup(func() { clean(t) })
}

// wants fails unless the next command Wait returns is verb with text.
func wants(t *testing.T, h *zconsole.Handle, verb zconsole.Verb, text, typed string) {
	t.Helper()
	cmd, err := zconsole.Wait(h)
	require.NoError(t, err, typed)
	assert.Equal(t, verb, cmd.Verb, typed)
	assert.Equal(t, text, cmd.Text, typed)
}

// notActive fails unless typed is refused with IEE341I name NOT ACTIVE and queues nothing.
func notActive(t *testing.T, typed, name string) {
	t.Helper()
	before := len(sim.Grep(sim.Log(), "IEE341I "+name+" NOT ACTIVE"))
	err := sim.Command(typed)
	assert.ErrorIs(t, err, sim.ErrNotActive, typed)
	assert.EqualError(t, err, "sim: job not active: IEE341I "+name+" NOT ACTIVE", typed)
	assert.Len(t, sim.Grep(sim.Log(), "IEE341I "+name+" NOT ACTIVE"), before+1, typed)
	s := sim.Stats()
	assert.Zero(t, s.Queued, typed)
	assert.False(t, s.StopQueued, typed)
}

// S DEMO.WEB starts job DEMO with identifier WEB, S membername[.identifier]
// (https://www.ibm.com/docs/SSLTBW_3.1.0/com.ibm.zos.v3r1.ieag100/skp1.htm); the START CIB carries the parameters as for S DEMO, and
// the program's job name is DEMO.
func TestStartWithIdentifier(t *testing.T) {
	startedAs(t, "demo.web", "'idle=20'")
	assert.Equal(t, "DEMO", sim.Job())
	assert.Equal(t, "WEB", sim.Identifier())
	assert.Len(t, sim.Grep(sim.Log(), "S DEMO.WEB,,,'idle=20'"), 1, "the log holds the START as typed")
	h := open(t)
	wants(t, h, zconsole.Start, "'idle=20'", "S DEMO.WEB")
	ti, err := zconsole.Task()
	require.NoError(t, err)
	assert.Equal(t, "DEMO", ti.JobName)
	assert.True(t, ti.Started)
}

// Without an identifier on START, the system uses the job name as the identifier
// (https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.ieag100/m3oeap.htm);
// a job not started by START is named by its job name.
func TestIdentifierIsTheJobNameByDefault(t *testing.T) {
	started(t, "")
	assert.Equal(t, "DEMO", sim.Identifier())
	require.NoError(t, sim.Reset("BATCH1"))
	assert.Equal(t, "BATCH1", sim.Identifier())
	require.NoError(t, sim.Start("DEMO.WEB", ""))
	require.NoError(t, sim.Reset("DEMO"))
	assert.Equal(t, "DEMO", sim.Identifier(), "Reset forgets the identifier")
}

// Each part of membername.identifier is a name of 1 to 8 characters
// (https://www.ibm.com/docs/SSLTBW_3.1.0/com.ibm.zos.v3r1.ieag100/skp1.htm): another is refused, and the system is
// left as it was.
func TestStartRefusesABadIdentifier(t *testing.T) {
	startedAs(t, "DEMO.WEB", "")
	for _, name := range []string{"DEMO.", ".WEB", "DEMO.1WEB", "DEMO.WEB.X", "DEMO.ABCDEFGHI"} {
		err := sim.Start(name, "")
		assert.ErrorIs(t, err, sim.ErrInvalid, name)
		assert.ErrorContains(t, err, "is not a job name or job.identifier", name)
	}
	assert.Equal(t, "WEB", sim.Identifier())
}

// F [jobname.]identifier,parameters
// (https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.ieag100/m3oeap.htm)
// and P [jobname.]identifier (https://ibm.com/docs/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.ieag100/smgen.htm)
// reach the job by its identifier and by jobname.identifier; one name reaches it by the
// job name too, when the identifier differs (the START, job name and identifier table of
// https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.ieag100/astsec.htm
// lists such jobs; its rows for a bare job name were not seen: UNCONFIRMED).
func TestModifyAndStopByIdentifier(t *testing.T) {
	startedAs(t, "DEMO.WEB", "")
	h := open(t)
	wants(t, h, zconsole.Start, "", "S DEMO.WEB")
	for _, c := range []struct{ typed, wtext string }{
		{"F WEB,ONE", "ONE"},
		{"f demo.web,two", "TWO"},
		{"MODIFY DEMO,THREE", "THREE"},
		{"MODIFY DEMO.WEB,'Four',A", "'Four',A"},
	} {
		command(t, c.typed)
		wants(t, h, zconsole.Modify, c.wtext, c.typed)
	}
	for _, typed := range []string{"P WEB", "p demo.web", "STOP DEMO", "STOP DEMO.WEB"} {
		command(t, typed)
		wants(t, h, zconsole.Stop, "", typed)
	}
}

// A name that is not the job's, by job name or identifier, gets IEE341I:
// in [jobname.]identifier
// (https://ibm.com/docs/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.ieag100/smgen.htm) jobname.identifier must be
// both of this job's.
func TestIdentifierMismatchGetsIEE341I(t *testing.T) {
	startedAs(t, "DEMO.WEB", "")
	h := open(t)
	wants(t, h, zconsole.Start, "", "S DEMO.WEB")
	notActive(t, "F DEMO.DEMO,X", "DEMO.DEMO")
	notActive(t, "F WEB.WEB,X", "WEB.WEB")
	notActive(t, "F WEB.DEMO,X", "WEB.DEMO")
	notActive(t, "F OTHER,X", "OTHER")
	notActive(t, "P DEMO.X1", "DEMO.X1")
	notActive(t, "P DEMO.", "DEMO.")
	notActive(t, "F .WEB,X", ".WEB")
	notActive(t, "STOP WEBX", "WEBX")
	assert.ErrorIs(t, sim.Command("P .WEB"), sim.ErrInvalid, "a STOP names a job")
}

// S DEMO gives job DEMO the identifier DEMO
// (https://www.ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.ieag100/m3oeap.htm):
// DEMO.DEMO reaches it, WEB does not.
func TestNoOtherIdentifierThanTheJobName(t *testing.T) {
	started(t, "")
	h := open(t)
	wants(t, h, zconsole.Start, "", "S DEMO")
	notActive(t, "F WEB,X", "WEB")
	notActive(t, "F DEMO.WEB,X", "DEMO.WEB")
	command(t, "F DEMO.DEMO,X")
	wants(t, h, zconsole.Modify, "X", "F DEMO.DEMO,X")
}

// P [jobname.]identifier[,A=asid]
// (https://ibm.com/docs/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.ieag100/smgen.htm), and F's
// A=asid after its parameters (where the simulator takes it; UNCONFIRMED for z/OS), pick
// the address space whose ASID is asid, in hexadecimal: the job's (zconsole.TaskInfo's
// ASID) reaches it, any other asid, or one that is not hexadecimal, gets IEE341I.
func TestASIDPicksTheAddressSpace(t *testing.T) {
	startedAs(t, "DEMO.WEB", "")
	ti, err := zconsole.Task()
	require.NoError(t, err)
	require.Equal(t, uint16(0x21), ti.ASID)
	asid := fmt.Sprintf("%04X", ti.ASID)
	h := open(t)
	wants(t, h, zconsole.Start, "", "S DEMO.WEB")

	for _, c := range []struct{ typed, wtext string }{
		{"F DEMO,STATUS,A=" + asid, "STATUS"},
		{"f web,set x=1,a=21", "SET X=1"},
		{"F DEMO.WEB,A,B,A=021", "A,B"},
		{"F DEMO,'X,A=22'", "'X,A=22'"}, // between apostrophes, text
		{"F DEMO,SET A=22", "SET A=22"}, // not an operand of its own
	} {
		command(t, c.typed)
		wants(t, h, zconsole.Modify, c.wtext, c.typed)
	}
	for _, typed := range []string{"P DEMO,A=" + asid, "p web,a=21", "STOP DEMO.WEB,A=0021"} {
		command(t, typed)
		wants(t, h, zconsole.Stop, "", typed)
	}

	for _, c := range []struct{ typed, name string }{
		{"P DEMO,A=0022", "DEMO"},
		{"P WEB,A=", "WEB"},
		{"P DEMO,A=XYZ", "DEMO"},
		{"P DEMO,A=00021", "DEMO"},
		{"F DEMO,STATUS,A=0x21", "DEMO"},
		{"F WEB,STATUS,A=1", "WEB"},
		{"F OTHER,STATUS,A=21", "OTHER"},
		{"P DEMO.DEMO,A=21", "DEMO.DEMO"},
	} {
		notActive(t, c.typed, c.name)
	}

	// A MODIFY needs parameters besides A=; a STOP takes no other operand.
	for _, typed := range []string{"F DEMO,A=0021", "F DEMO,,A=0021", "P DEMO,NOW,A=21", "P DEMO,NOW"} {
		assert.ErrorIs(t, sim.Command(typed), sim.ErrInvalid, typed)
	}
	assert.Zero(t, sim.Stats().Queued)
}

// S job.identifier typed at the console is a START, which the simulated system refuses
// for want of an address space, as it refuses S job; a name S cannot take is IEE305I.
func TestStartCommandWithIdentifierAtTheConsole(t *testing.T) {
	fresh(t)
	err := sim.Command("S DEMO.WEB,,,X")
	assert.ErrorIs(t, err, sim.ErrRejected)
	assert.ErrorContains(t, err, "IEA602I")
	for _, typed := range []string{"S DEMO.", "S DEMO.1X", "START .WEB"} {
		err := sim.Command(typed)
		assert.ErrorIs(t, err, sim.ErrInvalid, typed)
		assert.ErrorContains(t, err, "IEE305I", typed)
	}
}
