module github.com/haochaping/haochaping

go 1.26.0

require (
	github.com/6tail/lunar-go v1.4.7
	github.com/looplab/fsm v1.0.3
	github.com/rickar/cal/v2 v2.1.26
	github.com/stretchr/testify v1.12.1
	golang.org/x/text v0.44.0
)

require go.yaml.in/yaml/v3 v3.0.5 // indirect
