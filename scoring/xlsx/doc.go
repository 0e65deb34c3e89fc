// Package xlsx writes a bulletin (通报, [scoring.Bulletin]) as an Excel workbook (.xlsx)
// with native charts, through github.com/xuri/excelize/v2 (BSD-3-Clause). It is a
// package of its own so that only a program that writes workbooks imports excelize.
//
// Write a bulletin to a file or an HTTP response:
//
//	if err := xlsx.Write(w, b); err != nil { … }
//
// or take the workbook, add sheets of your own, and write it:
//
//	f, err := xlsx.Workbook(b)
//	if err != nil { … }
//	defer f.Close()
//	f.NewSheet("明细")
//	_, err = f.WriteTo(w)
//
// Both validate the bulletin first ([scoring.Bulletin.Validate]) and refuse one unfit to
// render, and a table sheet name a workbook cannot take: 通报, History, one longer than
// Excel counts 31, one with a control character ([ErrSheetName]).
//
// # Layout
//
// The first sheet, 通报 ([CoverSheet]), holds the bulletin as prose: the title, the issuer,
// the period and the date of issue, the lead paragraphs, and each section's heading,
// numbered 一、二、…, with its paragraphs and a link to its table's sheet. Each line is a
// row merged across a wide column, wrapped, with its height estimated from its length
// (spreadsheets do not fit the height of a merged row themselves). A row is at most 409
// points high, so a paragraph of more than about 1,000 CJK characters is cut off on screen
// (the cell still holds all of it).
//
// Each section table is a sheet of its own, named [scoring.Table.Sheet]: the numbered
// heading in row 1, the column titles in row 2 (bold, filled, bordered, frozen above the
// data), the rows from row 3 and the notes under them. Numbers are stored as numbers,
// exactly (not cut to 15 digits), with a number format by the column's format:
//
//	FormatInt           #,##0
//	FormatDecimal       0.00
//	FormatPercent       0.00%                 (the value is a ratio: 0.9532 shows 95.32%)
//	FormatDelta         +0.00;-0.00;0.00
//	FormatDeltaPercent  +0.00%;-0.00%;0.00%
//
// Text is stored as text, never as a formula: a cell reading "=HYPERLINK(…)" stays those
// characters, and so do "_x0041_" and control characters, escaped as the format wants. A Blank cell is left empty, where the HTML and Markdown bulletins write "—".
// Column widths are fitted to the longest cell, a CJK character counting two. A table
// prints landscape on A4, one page wide, with its column titles on every page.
//
// # Charts
//
// A section's chart is a native chart on its table's sheet, under a table of up to 20 rows
// and beside a longer one: a bar chart is clustered columns, a line chart lines, a share
// chart a doughnut. Each value column is a series named by its title cell; the categories
// are the label column. A chart plots the first [MaxChartRows] rows; a table without rows
// has no chart. Every reference quotes the sheet name ('单位排名'!$A$3:$A$8), which WPS
// and Excel need for a name with a space or another special character.
//
// Charts are drawn from the cells by the program that opens the workbook: excelize writes
// no cached values into them. LibreOffice, Excel and WPS recompute them; a viewer that
// only reads cached values shows them empty.
//
// # Determinism
//
// The document properties carry the title, the creator "haochaping", and the bulletin's
// Date as the times of creation and modification, and the parts of the package are
// written in a fixed order, so the same bulletin gives the same bytes each time (with
// excelize v2.11.1; a later excelize may change the bytes, not the content).
//
// # Concurrency
//
// Write and Workbook may be called concurrently, on different bulletins or the same one;
// they do not modify it. An [excelize.File] is the caller's to guard.
package xlsx
