// Package fieldsites finds, for tests, the fields a package's error sites name: the string
// literals passed as a field to the functions that make its errors, and the Field of its
// error type's composite literals.
package fieldsites

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
)

// Arg says where a function that makes an error takes its field: the argument at Index,
// in calls of at least MinArgs arguments (a name may stand for functions of other forms).
type Arg struct{ Index, MinArgs int }

// Find reads the non-test Go files of dir and returns the fields named, each with where:
// the literal field arguments of calls of the functions (or methods) funcs names, and the
// Field of composite literals of the type errType. Of a field built with fmt.Sprintf or by
// concatenation it returns the literal before the first verb or variable part, trimmed of
// a trailing "." or "[".
func Find(dir string, funcs map[string]Arg, errType string) (map[string]string, error) {
	fset := token.NewFileSet()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	add := func(e ast.Expr) {
		if s, ok := literalPrefix(e); ok {
			out[strings.TrimRight(s, ".[")] = fset.Position(e.Pos()).String()
		}
	}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			return nil, err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if a, ok := funcs[callName(n.Fun)]; ok && len(n.Args) >= a.MinArgs && a.Index < len(n.Args) {
					add(n.Args[a.Index])
				}
			case *ast.CompositeLit:
				if id, ok := n.Type.(*ast.Ident); ok && id.Name == errType {
					for _, el := range n.Elts {
						if kv, ok := el.(*ast.KeyValueExpr); ok && callName(kv.Key) == "Field" {
							add(kv.Value)
						}
					}
				}
			}
			return true
		})
	}
	return out, nil
}

// callName is the name of the function or method called, or of an identifier.
func callName(fun ast.Expr) string {
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	}
	return ""
}

// literalPrefix returns the string literal e is, or begins with: a literal, a literal
// concatenated with more, or fmt.Sprintf's format up to its first verb.
func literalPrefix(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		s, err := strconv.Unquote(e.Value)
		return s, e.Kind == token.STRING && err == nil && s != ""
	case *ast.BinaryExpr:
		return literalPrefix(e.X)
	case *ast.CallExpr:
		if callName(e.Fun) == "Sprintf" && len(e.Args) > 0 {
			s, ok := literalPrefix(e.Args[0])
			s, _, _ = strings.Cut(s, "%")
			return s, ok && s != ""
		}
	}
	return "", false
}
