package i18n

import (
	"strings"
	"time"
)

// Localized is a value with its own words per language: a phrase from the
// message file, a date, or a whole message with data. Tf puts such values
// into the language of the message they are part of.
type Localized interface {
	In(l Lang) string
}

// Msg is a message id (its Indonesian text, a go-i18n template such as
// "Nama angkatan \"{{.Name}}\" sudah dipakai") with the data it is filled
// with; it is put into words when the reader's language is known. Values in
// Data that are Localized are put into the same language; a count shown in
// the message is Data["N"], which selects English's singular or plural form.
type Msg struct {
	ID   string
	Data map[string]any
}

// Message makes a Msg.
func Message(id string, data map[string]any) Msg { return Msg{ID: id, Data: data} }

// In is the message in language l.
func (m Msg) In(l Lang) string {
	if m.Data == nil {
		return T(l, m.ID)
	}
	return Tf(l, m.ID, m.Data)
}

// String is the message in Indonesian, the default language.
func (m Msg) String() string { return m.In(ID) }

// Phrase is a fixed text of the message file used as a value inside another
// message ("disetujui" in "Rilis … {{.Decision}}").
type Phrase string

// In is the phrase in language l.
func (p Phrase) In(l Lang) string { return T(l, string(p)) }

// String is the phrase in Indonesian.
func (p Phrase) String() string { return string(p) }

// Date is a day shown inside a message: "16 April 2026" in either language's
// month names.
type Date time.Time

// In writes the day in language l.
func (d Date) In(l Lang) string { return ShortDate(l, time.Time(d)) }

// String is the day in Indonesian.
func (d Date) String() string { return d.In(ID) }

// Moment is a time shown inside a message, with its weekday, hour and zone
// ("Kamis, 16 April 2026 pukul 09.00 WIB").
type Moment time.Time

// In writes the moment in language l.
func (m Moment) In(l Lang) string { return DateTime(l, time.Time(m)) }

// String is the moment in Indonesian.
func (m Moment) String() string { return m.In(ID) }

// localize returns data with its Localized values in language l (a copy
// when there are any; the caller's map is not changed).
func localize(l Lang, data map[string]any) map[string]any {
	var out map[string]any
	for k, v := range data {
		x, ok := v.(Localized)
		if !ok {
			continue
		}
		if out == nil {
			out = make(map[string]any, len(data))
			for k2, v2 := range data {
				out[k2] = v2
			}
		}
		out[k] = x.In(l)
	}
	if out == nil {
		return data
	}
	return out
}

// LowerPhrase is a label of the message file used in lower case inside a
// sentence ("berstatus dikirim"): the capitalised label is the id.
type LowerPhrase string

// In is the label in language l, in lower case.
func (p LowerPhrase) In(l Lang) string { return strings.ToLower(T(l, string(p))) }

// String is the label in Indonesian, in lower case.
func (p LowerPhrase) String() string { return strings.ToLower(string(p)) }
