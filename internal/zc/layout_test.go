package zc_test

import (
	"testing"

	"github.com/go-zos/zconsole/internal/testfiles"
	"github.com/go-zos/zconsole/internal/zc"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The fields of the documented mappings, by their IBM names, and the constants the C
// and Go code use for them (which TestGeneratedConstants of package c holds equal to
// the C compiler's).
var (
	cibFields = map[string]int{
		"COMECBPT": zc.COM_ECBPT, "COMCIBPT": zc.COM_CIBPT, "COMTOKEN": zc.COM_TOKEN,
		"CIBNEXT": zc.CIB_NEXT, "CIBVERB": zc.CIB_VERB, "CIBLEN": zc.CIB_LEN,
		"CIBXOFF": zc.CIB_XOFF, "CIBASID": zc.CIB_ASID, "CIBCONID": zc.CIB_CONID,
		"CIBDATLN": zc.CIB_DATLN, "CIBDATA": zc.CIB_DATA,
		"CIBXAUTH": zc.CIBX_AUTH, "CIBXCNNM": zc.CIBX_CNNM, "CIBXCART": zc.CIBX_CART,
		"CIBXCNID": zc.CIBX_CNID, "CIBXOCID": zc.CIBX_OCID, "CIBXSIZE": zc.CIBX_SIZE,
		"CIBSTART": zc.VERB_START, "CIBMODFY": zc.VERB_MODIFY, "CIBSTOP": zc.VERB_STOP,
		"CIBMOUNT": zc.VERB_MOUNT,
	}
	wplFields = map[string]int{
		"WPL31RLN": zc.WPL_RLN, "WPLLPTXT": zc.WPL_LPTXT, "WPLMCSF1": zc.WPL_MCSF1,
		"WPLMCSF2": zc.WPL_MCSF2, "WPLTEXTA": zc.WPL_TEXT, "WPX": zc.WPL_WPX,
		"WPXVRSN": zc.WPX_VRSN, "WPXFLAGS": zc.WPX_FLAGS, "WPXRPYLN": zc.WPX_RPYLN,
		"WPXLNGTH": zc.WPX_LNGTH, "WPXMCS1": zc.WPX_MCS1, "WPXMCS2": zc.WPX_MCS2,
		"WPXCPFLG": zc.WPX_CPFLG, "WPXRPBUF": zc.WPX_RPBUF, "WPXECBP": zc.WPX_ECBP,
		"WPXSEQN": zc.WPX_SEQN, "WPXDESC": zc.WPX_DESC, "WPXROUT": zc.WPX_ROUT,
		"WPXMSGTY": zc.WPX_MSGTY, "WPXJOBID": zc.WPX_JOBID, "WPXJOBNM": zc.WPX_JOBNM,
		"WPXKEY": zc.WPX_KEY, "WPXTOKN": zc.WPX_TOKN, "WPXCNID": zc.WPX_CNID,
		"WPXSYSNA": zc.WPX_SYSNA, "WPXCNNME": zc.WPX_CNNME, "WPXRCNA": zc.WPX_RCNA,
		"WPXCART": zc.WPX_CART, "WPXWSPRM": zc.WPX_WSPRM, "WPX2LEN": zc.WPX_SIZE,
		"WPLLTF": zc.ML_LTF, "WPLAREA": zc.ML_AREA, "WPLLINES": zc.ML_LINES,
		"WPLMLLEN": zc.MLL_LEN, "WPLMLLTF": zc.MLL_LTF, "WPLMLTXA": zc.MLL_TEXT,
		"FLCCVT": zc.PSA_CVT, "PSATOLD": zc.PSA_TOLD, "PSAAOLD": zc.PSA_AOLD,
		"ASCBASCB": zc.ASCB_ASCB, "ASCBASID": zc.ASCB_ASID, "ASCBJBNI": zc.ASCB_JBNI,
		"ASCBJBNS": zc.ASCB_JBNS, "CVTSNAME": zc.CVT_SNAME,
	}
)

// Every offset and code the headers define for a documented field is the documented
// one, and every field the tables document has one.
func TestOffsetsMatchLayoutTables(t *testing.T) {
	for _, tc := range []struct {
		file   string
		fields map[string]int
	}{
		{"cib/layout.txt", cibFields},
		{"wpl/layout.txt", wplFields},
	} {
		table, err := testfiles.Layout(tc.file)
		require.NoError(t, err)
		require.NotEmpty(t, table)
		for name, off := range tc.fields {
			f, ok := table[name]
			if assert.True(t, ok, "%s missing from %s", name, tc.file) {
				assert.Equal(t, f.Offset, off, "%s", name)
			}
		}
		for name := range table {
			_, ok := tc.fields[name]
			assert.True(t, ok, "%s of %s has no constant in the headers", name, tc.file)
		}
	}
	wpl, err := testfiles.Layout("wpl/layout.txt")
	require.NoError(t, err)
	assert.Equal(t, wpl["WPX2LEN"].Offset, wpl["WPX"].Length, "the WPX is 104 bytes")
}
