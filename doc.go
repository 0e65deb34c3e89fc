// Package haochaping is the vocabulary of bad-review handling (差评办件处理) in China's
// government-service rating system (政务服务"好差评"), as the Rong'an county measures
// (融安县政务服务中心差评办件处理办法（试行）, 融政监管字〔2021〕2号) use it.
//
// Citizens rate every government service: on site once per visit (现场服务"一次一评",
// [ModeOnSite]) at the hall's rating device or a QR code, and online once per matter
// (网上服务"一事一评", [ModeOnline]). A rating of 不满意 or 非常不满意 is a bad review (差评,
// 第二条) and must be handled as a case; the subpackages do that:
//
//   - deadline: China's working-day calendar and the deadlines of the measures;
//   - caseflow: the two case workflows of Annexes 2 and 3;
//   - forms: the documents of Annexes 4 and 5;
//   - scoring: the performance deductions of 第十条 and the office's statistics.
//
// This package holds the words they all speak:
//
//   - [Level]: the five satisfaction levels, with [Level.IsBad]. Codes are read and written
//     only through a named code system, [InterfaceCodes] (1 = 非常不满意) or [GBT39046Codes]
//     (1 = 非常满意), which run in opposite directions. [GuangxiPoints] scores them.
//   - [Dimension] and [Option]: the rating taxonomy of Annex 1, five dimensions and 21
//     checkable options, kept as data in an [OptionList] tagged with its source ([Annex1]).
//     A county with another list loads it with [ParseOptionList].
//   - [NationalOptions] and [Crosswalk]: the national evaluation option list (测评内容) the
//     rating platforms push, active and retired codes with their star levels, and what each
//     bad option means in Annex 1 ([NationalToAnnex1]). A review keeps the codes as pushed
//     and gains their [Classification]: the reviewer's complaint in Annex 1's terms, which
//     pre-fills the cause the window proposes; deductions follow the finding (第十条).
//   - [Channel], [Mode] and [PFVariant]: the channels of 第五条 and the national pf codes.
//   - [Review] and [Reviewer]: one evaluation record. [Review.Validate] reports every problem
//     at once; [DecodePushed] reads a record pushed by the rating system.
//   - [PushFormat]: the field layout of a push, with presets for the layouts in use
//     ([NationalPush], [ZhejiangPush], [ShandongPush], [ListPagePush]) and layouts a county
//     or vendor declares in JSON ([ParsePushFormat]); its [Decrypter] decrypts the fields a
//     platform pushes encrypted.
//   - [Ledger]: the ratings ledger (评价台账), every rating good and bad, for the statistics of
//     第三条 (all ratings by unit, channel and period); it keeps [Review.ForLedger], without
//     the reviewer's personal data. [MemoryLedger] keeps one in memory, and package
//     ledgertest is the conformance suite every ledger passes.
//   - [Org], [OrgKind] and [OrgChart]: the organisations of 第四条 and 第五条 (the county
//     centre, its sub-centres, township centres, stationed departments and windows), each
//     with one ID and a parent; [Window] is a window as a case records it, with its centre
//     and department.
//
// Every enumeration has Label, the Chinese label a clerk reads, and String, the stable text
// code that JSON, databases and audit hashes keep; the codes never change (TestStoredCodes).
//
// A vendor's first call is usually DecodePushed on the body the rating system pushed:
//
//	f := haochaping.NationalPush()
//	f.Decrypter = platformSM4           // your cipher for the encrypted phone and ID number
//	r, err := haochaping.DecodePushed(body, f)
//	if err != nil { … }                 // names every bad field
//	if err := r.Validate(); err != nil { … }
//	fmt.Println(r.Classification.Label()) // 服务效率：3.5 未在承诺时限内办结
//	if r.IsBad() { /* open a case with caseflow */ }
//	slog.Info("pushed", "review", r)   // personal data masked
//
// The level alone decides whether a rating is bad (第二条); options that disagree with it
// (a 5★ option in a 2★ rating) are kept and listed in [Classification].Conflicts, so that
// the office sees the conflict and no bad review is dropped. Good ratings decode too, for
// the statistics that count every rating.
//
// Shared values are immutable and safe for concurrent use: the option lists, the
// crosswalks, the presets (each call returns a fresh [PushFormat]). [DecodePushed] and
// [Validator.Validate] may run concurrently with one format or validator, provided its
// [Decrypter] may.
//
// # Personal data
//
// Personal data of reviewers (name, phone, ID number) is masked by every String, GoString,
// Format, LogValue and JSON encoding of this package ([MaskName], [MaskPhone],
// [MaskIDNumber], and [MaskText] for free text), so that a []Review, a map of reviews or a
// struct holding one prints masked through fmt, encoding/json and slog alike; read the
// fields themselves only where the caller has the right to see them in full. The storage
// codec keeps them in full: encode a [StoredReview] or a [StoredReviewer] to store a review
// or exchange it between trusted systems, in the JSON form of earlier releases:
//
//	b, err := json.Marshal((*haochaping.StoredReview)(&r))
//
// Decoding, by either codec, refuses a masked copy ([ErrMasked]), so that a log line or a
// response can never be stored back in place of the data.
//
// # Hostile input
//
// [DecodePushed] and [Validator] bound what one record may cost within [Limits]: a record's
// bytes, a text's runes, the option codes, the problems an error lists. A key given twice
// in a pushed object is refused ([ErrDuplicateKey]); control and format characters are
// refused in IDs and codes and escaped in every rendering, so that a review prints on one
// line; a rating dated before the rating system existed is refused ([RatingSystemStart],
// [ErrTooEarly]). Matter numbers are compared as [NormalizeID] gives them, and cases open
// on [Review.Key].
//
// # Errors
//
// Errors name the field and show the value, masked where it may hold personal data and
// cut short where it came from outside: validation and decoding return one [*FieldError]
// per problem, joined with errors.Join, each wrapping a sentinel ([ErrRequired],
// [ErrUnknownCode], [ErrMalformed], [ErrInconsistent], [ErrFuture], [ErrTooEarly],
// [ErrTooLarge], [ErrDuplicateKey], [ErrMasked]).
package haochaping
