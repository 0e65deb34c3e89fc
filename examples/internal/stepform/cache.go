package stepform

import (
	"errors"
	"fmt"
	"sync"
)

// schemaCache keeps the parsed schemas by their bytes, at most maxCached of them.
var schemaCache struct {
	sync.Mutex
	m map[string]*node
}

// parse returns the tree of schema, from the cache when it was parsed before. The tree is
// shared: callers must not change it.
func parse(schema []byte) (*node, error) {
	if len(schema) > maxSchemaBytes {
		return nil, fmt.Errorf("stepform: schema of %d bytes, more than %d", len(schema), maxSchemaBytes)
	}
	schemaCache.Lock()
	n, ok := schemaCache.m[string(schema)]
	schemaCache.Unlock()
	if ok {
		return n, nil
	}
	n, err := parseNode(schema, "", "", 0)
	if err != nil {
		return nil, err
	}
	if n.typ != "object" || !n.container() {
		return nil, errors.New("stepform: schema: the content is not an object")
	}
	if n.hidden {
		return nil, errors.New("stepform: schema: the content is a const")
	}
	n.fields = count(n)
	if n.fields > maxFields {
		return nil, fmt.Errorf("stepform: schema of %d fields, more than %d", n.fields, maxFields)
	}
	schemaCache.Lock()
	if schemaCache.m == nil {
		schemaCache.m = map[string]*node{}
	}
	if len(schemaCache.m) < maxCached {
		schemaCache.m[string(schema)] = n
	}
	schemaCache.Unlock()
	return n, nil
}
