// Package forms renders the documents of the measures: the registration and transfer form
// (差评办件转办登记表, Annex 4), the investigation and rectification report (差评办件调查整改
// 报告, Annex 5), the callback record (回访记录, 第六条 and 第八条), the appeal review
// application (差评申诉复核申请, 第九条), the closing approval, a case summary for the archive
// (备案) and the daily seal, as plain text, Markdown, print-ready HTML and .docx that Word
// and WPS edit.
//
// Each document is a [Document] built from a case by one function, and each format is one
// renderer over a Document, so the formats cannot drift:
//
//	docs, err := forms.ForCase(c, forms.DefaultOptions()) // the documents the case has now
//	err = forms.DOCX(w, docs[0], forms.DefaultStyle())     // or HTML, Markdown, Text
//
// A case at any stage fills what it knows; the rest stays blank for hand-writing.
//
// # Builders
//
// [Registration] (Annex 4, its table with the merged cells of 差评内容 and 调查处理情况),
// [InvestigationReport] (Annex 5, headings 一、二、三、四 and the 政府信息公开选项 line),
// [Callbacks] (第六条, 第八条), [AppealApplication] (第九条), [ClosingApproval] (a case closed
// without a satisfied reviewer), [Summary] (the case, its trail and duties, for the
// archive), [SealPage] (the daily seal the office signs and files), and [ForCase]. A builder
// given a case without such a document returns an error wrapping [ErrNotApplicable].
//
// # Personal data
//
// The reviewer's or complainant's name, phone and ID number are masked unless
// [Options.Full] asks for them in full, for the office's own file; a report marked 主动公开
// (Annex 5's disclosure option, the default) always masks them. Staff names are not
// personal data here: the forms name who signed.
//
// # Formats
//
// [Text] draws tables with box-drawing characters; [Markdown] writes GFM tables (merged
// cells written once, then empty); [HTML] writes one print-ready A4 page (@page, rows that a
// page break does not cut, 仿宋/宋体 with fallbacks); [DOCX] writes a .docx from the
// package's own generator over an embedded skeleton: A4 with GB/T 9704 margins, East Asian
// fonts, a table grid with real widths, gridSpan and vMerge for merged cells, literal
// numbering, deterministic bytes. A county sets its own names in [Options] and its own fonts,
// margins and .docx skeleton in [Style].
//
// Renderers are safe for concurrent use; a Document is read, not changed.
package forms
