package caseflow

import (
	"reflect"
	"sync"
)

// plans builds one plan per type (an encoder, a copier) the first time it is asked for, and
// keeps it: reflection is read once per type, not once per value. Safe for concurrent use.
type plans[P any] struct {
	of      func(reflect.Type) P // builds the plan of a type, asking build for the types in it
	forward func(get func() P) P // a plan that runs the one being built: for recursive types
	mu      sync.RWMutex
	m       map[reflect.Type]P
}

// get returns the plan of t.
func (p *plans[P]) get(t reflect.Type) P {
	p.mu.RLock()
	e, ok := p.m[t]
	p.mu.RUnlock()
	if ok {
		return e
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.build(t)
}

// build returns the plan of t, building it; the caller holds mu for writing (of calls it for
// the types inside t).
func (p *plans[P]) build(t reflect.Type) P {
	if e, ok := p.m[t]; ok {
		return e
	}
	if p.m == nil {
		p.m = map[reflect.Type]P{}
	}
	var e P
	p.m[t] = p.forward(func() P { return e })
	e = p.of(t)
	p.m[t] = e
	return e
}
