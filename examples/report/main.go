// Command report writes a county's monthly bulletin (月度通报) of its "好差评" work, 第三条 and
// 第十条, from generated data: six months of ratings of a seeded county (units, windows,
// channels, a share of bad reviews) and the cases of the last month's bad reviews, taken
// through the workflow (rectified, late, appealed, closed without a satisfied reviewer,
// still overdue). It counts the indicators, applies the illustrative deduction rules of
// rules.json (which no county adopted: say so wherever you show them), and writes the
// bulletin into a folder as HTML with SVG charts, Markdown with the charts beside it, an
// .xlsx workbook with native charts and JSON, with the deduction ledger line by line.
//
//	go run ./examples/report                           # into a new temporary folder, named at the end
//	go run ./examples/report -out bulletin -seed 7     # into ./bulletin, another county
//	go run ./examples/report -db report.db             # through the SQLite store: ratings counted by GROUP BY
//	go run ./examples/report -rules my-county.json     # your county's rules
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"iter"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/sqlstore"
	"github.com/haochaping/haochaping/examples/internal/demorules"
	"github.com/haochaping/haochaping/examples/internal/monthgen"
	"github.com/haochaping/haochaping/scoring"
	"github.com/haochaping/haochaping/scoring/xlsx"
)

func main() {
	out := flag.String("out", "", "the folder to write into (default: a new temporary folder)")
	seed := flag.Uint64("seed", 1, "the seed of the generated county")
	units := flag.Int("units", 12, "stationed departments of the county")
	month := flag.String("month", "2026-11", "the month of the bulletin, YYYY-MM")
	rulesFile := flag.String("rules", "", "a deduction rules file (default: the illustrative rules.json)")
	db := flag.String("db", "", "an SQLite file to record the ratings and cases in and count them from (default: in memory)")
	flag.Parse()
	if err := run(*out, *seed, *units, *month, *rulesFile, *db); err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
}

func run(out string, seed uint64, units int, month, rulesFile, db string) error {
	ctx := context.Background()
	m, err := time.ParseInLocation("2006-01", month, haochaping.Location())
	if err != nil {
		return fmt.Errorf("-month %q: want YYYY-MM", month)
	}
	p := scoring.Month(m.Year(), m.Month())
	months := scoring.Months(p, 6)
	rules, err := loadRules(rulesFile)
	if err != nil {
		return err
	}
	if out == "" {
		if out, err = os.MkdirTemp("", "haochaping-report"); err != nil {
			return err
		}
	} else if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}

	start := time.Now()
	d, err := monthgen.Generate(ctx, monthgen.Config{Seed: seed, Units: units, Months: months, Cases: true})
	if err != nil {
		return err
	}
	asOf := d.Service.Now()
	fmt.Printf("生成数据：%d 个单位，%d 条评价，%d 件差评办件（%.1f 秒）\n", units, len(d.Ratings), len(d.Cases), time.Since(start).Seconds())

	// The indicators, from the ratings and the cases: in memory, or through the SQL store,
	// which counts the ratings with GROUP BY (scoring.RatingCounter).
	rep, err := scoring.NewReport(scoring.Definition{Names: d.Names}, asOf, months...)
	if err != nil {
		return err
	}
	cases := func() iter.Seq2[*caseflow.Case, error] { return scoring.All(d.Cases) }
	if db != "" {
		store, sqlDB, err := sqlstore.OpenSQLite(ctx, db, sqlstore.Config{Keys: d.Service.Keys})
		if err != nil {
			return err
		}
		defer sqlDB.Close()
		if err := fill(ctx, store, d); err != nil {
			return err
		}
		if err := rep.AddRatingCounts(ctx, store); err != nil {
			return err
		}
		cases = func() iter.Seq2[*caseflow.Case, error] { return scoring.StoredCases(ctx, store, caseflow.Filter{}) }
	} else if err := rep.AddRatings(scoring.All(d.Ratings)); err != nil {
		return err
	}
	if err := rep.AddCases(cases()); err != nil {
		return err
	}
	appraisal, err := scoring.Appraise(rules, p, cases())
	if err != nil {
		return err
	}
	b, err := scoring.BuildBulletin(rep, p, scoring.BulletinOptions{Appraisal: appraisal, Date: asOf})
	if err != nil {
		return err
	}
	for _, para := range b.Lead {
		fmt.Println(para)
	}
	fmt.Printf("绩效扣分：%d 项，共 %s 分（%s）\n", len(appraisal.Lines), appraisal.Total(), appraisal.Rules)
	return write(out, b, appraisal, os.Stdout)
}

// loadRules reads a rules file, or the illustrative rules.
func loadRules(path string) (*scoring.Rules, error) {
	if path == "" {
		return demorules.Rules()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return scoring.ParseRules(f)
}

// fill records the ratings in the store's ledger and moves the cases into it, as a portal
// does when each push arrives and each step is taken.
func fill(ctx context.Context, store *sqlstore.Store, d *monthgen.Data) error {
	for rest := d.Ratings; len(rest) > 0; {
		n := min(len(rest), 5000)
		if _, err := store.Record(ctx, rest[:n]); err != nil {
			return err
		}
		rest = rest[n:]
	}
	// A case read from another store keeps that store's version; a store it moves into
	// counts its own.
	cases := make([]*caseflow.Case, len(d.Cases))
	for i, c := range d.Cases {
		cases[i] = c.Clone()
		cases[i].Version = 0
	}
	return store.Import(ctx, cases)
}

// write writes the bulletin in every format, its charts, and the deduction ledger, and
// names each file written on log.
func write(out string, b *scoring.Bulletin, a *scoring.Appraisal, log io.Writer) error {
	name := "通报-" + b.Period.Key()
	files := map[string]func(*bytes.Buffer) error{
		name + ".html": func(w *bytes.Buffer) error { return scoring.WriteHTML(w, b) },
		name + ".md": func(w *bytes.Buffer) error {
			return scoring.WriteMarkdown(w, b, scoring.MarkdownOptions{ChartLink: func(i int) string { return chartFile(b, i) }})
		},
		name + ".xlsx": func(w *bytes.Buffer) error { return xlsx.Write(w, b) },
		name + ".json": func(w *bytes.Buffer) error { return writeJSON(w, b) },
		"绩效扣分台账-" + b.Period.Key() + ".json": func(w *bytes.Buffer) error { return writeJSON(w, a) },
	}
	for i, s := range b.Sections {
		if s.Chart == nil {
			continue
		}
		files[chartFile(b, i)] = func(w *bytes.Buffer) error {
			svg, err := scoring.ChartSVG(s)
			w.Write(svg)
			return err
		}
	}
	for _, f := range slices.Sorted(maps.Keys(files)) {
		var buf bytes.Buffer
		if err := files[f](&buf); err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		if err := os.WriteFile(filepath.Join(out, f), buf.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(log, "写入 %s（%d 字节）\n", filepath.Join(out, f), buf.Len())
	}
	return nil
}

// writeJSON writes v as indented JSON: the bulletin's figures and the ledger's lines for
// another program.
func writeJSON(w io.Writer, v any) error {
	e := json.NewEncoder(w)
	e.SetIndent("", "  ")
	return e.Encode(v)
}

func chartFile(b *scoring.Bulletin, i int) string {
	return fmt.Sprintf("图%d-%s.svg", i+1, b.Period.Key())
}
