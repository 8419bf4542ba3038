package sim

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestTranscript(t *testing.T) {
	at := func(ms int) time.Time {
		return time.Date(2026, 3, 1, 14, 3, 7, 0, time.Local).Add(time.Duration(ms) * time.Millisecond)
	}
	log := []Message{
		{Time: at(114), Kind: KindCommand, Text: "S DEMO,,,'IDLE=20'"},
		{Time: at(120), Kind: KindWTO, Job: "DEMO", Text: "DEMO001I STARTED"},
		{Time: at(121), Kind: KindWTO, Job: "DEMO", WTOR: true, ReplyID: 1, Text: "@01 DEMO002A CONTINUE?"},
		{Time: at(1896), Kind: KindCommand, Text: "R 01,YES"},
		{Time: at(1896), Kind: KindSystem, Text: "IEE600I REPLY TO 01 IS;YES"},
		{Time: at(2000), Kind: KindWTO, Job: "LONGJOBNM", Text: "DEMO003I QUEUES\nQ1 0\nQ2 7"},
		{Time: at(2001), Kind: KindAbend, Text: "ABEND S0C4: WAIT: ..."},
	}
	want := "" +
		"14:03:07.114 OPER     S DEMO,,,'IDLE=20'\n" +
		"14:03:07.120 DEMO     DEMO001I STARTED\n" +
		"14:03:07.121 DEMO     @01 DEMO002A CONTINUE?\n" +
		"14:03:08.896 OPER     R 01,YES\n" +
		"14:03:08.896 SYSTEM   IEE600I REPLY TO 01 IS;YES\n" +
		"14:03:09.000 LONGJOBN DEMO003I QUEUES\n" +
		"                      Q1 0\n" +
		"                      Q2 7\n" +
		"14:03:09.001 SYSTEM   ABEND S0C4: WAIT: ...\n"
	assert.Equal(t, want, Transcript(log))
	assert.Empty(t, Transcript(nil))
}
