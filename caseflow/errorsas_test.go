package caseflow_test

import (
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// Regression: the engine told the state machine's errors apart with a type switch on the
// error, which sees only the outermost error; STYLE.md rule 9 asks for errors.As (or errors.AsType)
// everywhere, inside the library too. The test type-checks caseflow, deadline and the
// examples, test files included, and reports every type assertion or type switch on a value
// of an error type.
func TestNoTypeAssertionsOnErrors(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks three packages from source")
	}
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil)
	errType := types.Universe.Lookup("error").Type().Underlying().(*types.Interface)
	for _, root := range []string{".", "../deadline", "../examples"} {
		require.NoError(t, filepath.WalkDir(root, func(dir string, d fs.DirEntry, err error) error {
			if err != nil || !d.IsDir() || d.Name() == "testdata" {
				return err
			}
			names, err := filepath.Glob(filepath.Join(dir, "*.go"))
			if err != nil {
				return err
			}
			pkgs := map[string][]*ast.File{} // by package name: the package with its internal tests, the external tests
			for _, name := range names {
				// A file for another build (//go:build race, say) is left out, as go build
				// leaves it out: its twin for this build declares the same names.
				if ok, err := build.Default.MatchFile(dir, filepath.Base(name)); err != nil || !ok {
					if err != nil {
						return err
					}
					continue
				}
				f, err := parser.ParseFile(fset, name, nil, 0)
				if err != nil {
					return err
				}
				pkgs[f.Name.Name] = append(pkgs[f.Name.Name], f)
			}
			for _, files := range pkgs {
				info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
				conf := types.Config{Importer: imp.(types.ImporterFrom)}
				if _, err := conf.Check(dir, fset, files, info); err != nil {
					return err
				}
				for _, f := range files {
					ast.Inspect(f, func(n ast.Node) bool {
						ta, ok := n.(*ast.TypeAssertExpr)
						if !ok {
							return true
						}
						if tv, ok := info.Types[ta.X]; ok && types.IsInterface(tv.Type) && types.Implements(tv.Type, errType) {
							t.Errorf("%s: type assertion on an error: use errors.As or errors.AsType", fset.Position(ta.Pos()))
						}
						return true
					})
				}
			}
			return nil
		}))
	}
}
