// Package forms renders the documents of the measures: the registration and transfer form
// (差评办件转办登记表, Annex 4), the investigation and rectification report (差评办件调查整改
// 报告, Annex 5), the callback record (回访记录, 第六条 and 第八条), the appeal review
// application (差评申诉复核申请, 第九条), the closing approval, a case summary for the archive
// (备案) and the daily seal, as plain text, Markdown, print-ready HTML and .docx that Word
// and WPS edit.
//
// Each document is a [Document] built from a case by one function, and each format is one
// renderer over a Document, so the formats cannot drift.
package forms
