package forms

import "github.com/haochaping/haochaping/deadline"

// Options say whose documents they are and what they may show. The zero value is not
// ready: start from [DefaultOptions] (Rong'an's names) and change what another county
// calls its offices.
type Options struct {
	// Office is the county office's full name (县政管办), e.g. "融安县政务服务监督管理办公室";
	// OfficeShort what the forms call it, e.g. "县政管办".
	Office, OfficeShort string
	// CityOffice is the city office that receives reports and decides appeals, e.g.
	// "柳州市政务服务监督管理办公室督查科".
	CityOffice string
	// Full shows the reviewer's or complainant's personal data (name, phone, ID number) in
	// full: for the office's own file, when the caller asks for it by name. Otherwise it is
	// masked. A document marked 主动公开 always masks it.
	Full bool
	// Calendar formats times; nil means deadline.China().
	Calendar *deadline.Calendar
}

// DefaultOptions returns the options of Rong'an county, personal data masked.
func DefaultOptions() Options {
	return Options{
		Office:      "融安县政务服务监督管理办公室",
		OfficeShort: "县政管办",
		CityOffice:  "柳州市政务服务监督管理办公室督查科",
	}
}
