package mutate_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/haochaping/haochaping/internal/mutate"
)

type inner struct {
	Name  string
	Count int
	On    bool
}

type shared struct {
	List   []inner
	ByName map[string]*inner
	Ptr    *inner
	Any    any
	hidden []string
}

type leakyError struct{ Year int }

func (e *leakyError) Error() string { return "leaky" }

// All reaches the data behind every slice, map, pointer and interface a value holds, so a
// test using it finds a shared value handed out by a shallow copy.
func TestAllReachesSharedData(t *testing.T) {
	p := &inner{Name: "p", Count: 1}
	s := shared{List: []inner{{Name: "a", Count: 2}}, ByName: map[string]*inner{"p": p}, Ptr: p,
		Any: &inner{Name: "i"}, hidden: []string{"h"}}
	list, boxed, le := s.List, s.Any.(*inner), &leakyError{Year: 2027}
	copied := s // what a getter returning a shallow copy hands out
	mutate.All(copied, error(le))
	assert.Equal(t, inner{}, list[0], "a slice's elements")
	assert.Equal(t, inner{Name: "x", Count: ^1, On: true}, *p, "through a map and a pointer")
	assert.Empty(t, s.ByName, "a map")
	assert.Equal(t, "x", boxed.Name, "through an interface")
	assert.Equal(t, ^2027, le.Year, "through an error")
	assert.Equal(t, []string{"h"}, s.hidden, "unexported fields stay")
}
