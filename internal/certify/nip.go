package certify

import (
	"strings"
	"time"
)

// NIPLength is the number of digits of a civil servant's Nomor Induk Pegawai.
const NIPLength = 18

// ParseNIP checks a typed NIP and returns its 18 digits. Spaces (the usual
// grouping "19700817 199503 1 002") do not matter. The digits are a birth
// date (YYYYMMDD), the year and month of appointment (YYYYMM), a sex code
// (1 or 2) and a serial number (001–999); a date that does not exist, a
// month 13 or a code 3 is a typing error and is refused with a sentence that
// says which part is wrong.
func ParseNIP(raw string) (string, error) {
	var b strings.Builder
	for _, r := range raw {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '\u00a0' || r == '\t':
		default:
			return "", codeErr("NIP hanya berisi angka (boleh dipisah spasi); “{{.Char}}” bukan angka.", map[string]any{"Char": string(r)})
		}
	}
	d := b.String()
	if len(d) != NIPLength {
		return "", codeErr("NIP terdiri atas {{.Want}} angka; yang tertulis {{.N}} angka.", map[string]any{"Want": NIPLength, "N": len(d)})
	}
	born, err := time.Parse("20060102", d[:8])
	if err != nil || born.Year() < 1900 {
		return "", codeErr("Delapan angka pertama NIP adalah tanggal lahir (tahun, bulan, tanggal); {{.Digits}} bukan tanggal yang ada.", map[string]any{"Digits": d[:8]})
	}
	appointed, err := time.Parse("200601", d[8:14])
	if err != nil {
		return "", codeErr("Angka ke-9 sampai ke-14 NIP adalah tahun dan bulan pengangkatan; {{.Digits}} bukan bulan yang ada.", map[string]any{"Digits": d[8:14]})
	}
	if !appointed.After(born) {
		return "", codeErr("Angka ke-9 sampai ke-14 NIP (pengangkatan {{.Appointed}}) harus sesudah tanggal lahir ({{.Born}}).", map[string]any{"Appointed": d[8:14], "Born": d[:8]})
	}
	if d[14] != '1' && d[14] != '2' {
		return "", codeErr("Angka ke-15 NIP adalah kode jenis kelamin, 1 atau 2; yang tertulis {{.Char}}.", map[string]any{"Char": string(d[14])})
	}
	if d[15:] == "000" {
		return "", codeErr("Tiga angka terakhir NIP adalah nomor urut dan tidak boleh 000.", nil)
	}
	return d, nil
}

// FormatNIP groups a NIP's 18 digits as it is printed on official
// documents: "19700817 199503 1 002". Anything else is returned as it is.
func FormatNIP(nip string) string {
	if len(nip) != NIPLength {
		return nip
	}
	return nip[:8] + " " + nip[8:14] + " " + nip[14:15] + " " + nip[15:]
}
