module github.com/go-zos/zconsole/bench

go 1.23.0

require (
	github.com/go-zos/zconsole v0.0.0
	github.com/stretchr/testify v1.12.1
)

require (
	go.yaml.in/yaml/v3 v3.0.5 // indirect
	golang.org/x/text v0.28.0 // indirect
)

replace github.com/go-zos/zconsole => ..
