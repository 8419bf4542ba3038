module github.com/go-zos/zconsole

go 1.23.0

require (
	github.com/ianlancetaylor/cgosymbolizer v0.0.0-20250410214317-b8ecc8b6bbe6
	github.com/stretchr/testify v1.12.1
	go.uber.org/goleak v1.3.0
	golang.org/x/text v0.28.0
)

require go.yaml.in/yaml/v3 v3.0.5 // indirect
