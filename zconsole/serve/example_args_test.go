package serve_test

import (
	"fmt"

	"github.com/go-zos/zconsole/zconsole/serve"
)

// ParseArgs takes apart the text of a MODIFY command, as the console passes it.
func ExampleParseArgs() {
	args, err := serve.ParseArgs("SET IDLE=30,MSG='It''s done' VERBOSE")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, op := range args {
		fmt.Printf("%q=%q quoted=%t\n", op.Key, op.Value, op.Quoted)
	}
	idle, _ := args.Value("idle")
	fmt.Println(idle, args.Words())
	fmt.Println(args)

	_, err = serve.ParseArgs("SET MSG='oops")
	fmt.Println(err)
	// Output:
	// ""="SET" quoted=false
	// "IDLE"="30" quoted=false
	// "MSG"="It's done" quoted=true
	// ""="VERBOSE" quoted=false
	// 30 [SET VERBOSE]
	// SET IDLE=30 MSG='It''s done' VERBOSE
	// zconsole: syntax error at column 9: apostrophe not closed
}
