package grading

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

// behaviourHash pins what this grader version reports on a fixed set of
// releases. Any change of a rule or threshold changes the hash; the test
// then asks for a new Version, so stored reports always say which rules made them.
var behaviourHash = map[string]string{
	"1.2.0":  "b3e2da6e9c23fdfd",
	"1.3.0":  "26919a2ad96e1b08",
	"1.4.0":  "8dbf4a26e6f74034",
	"1.5.0":  "6da2a8d25d0a1ee2",
	"1.5.1":  "52466b00ffdcc5cf",
	"1.5.2":  "8b326d8fee4e7c9f",
	"1.6.0":  "6c9acfe20c14a819",
	"1.6.1":  "bda3bdcac1447456",
	"1.7.0":  "eb733dd4f5a32c35",
	"1.8.0":  "5401d35c31c02dc2",
	"1.8.1":  "338bd87529b4a260",
	"1.8.2":  "c77387d79e2e798f",
	"1.9.0":  "7598abb1256935e5",
	"1.9.1":  "d193edb3b89d32c8",
	"1.10.0": "e0deaf48b70b8d19",
	"1.10.1": "b01a293acc3d0622",
	"1.10.2": "9bae2ce97b30dfca",
	"1.10.3": "7f77c8bad62ea0f3",
	"1.10.4": "9d6bcb5678d24ec5",
	"1.10.5": "de26cbf4689dc423",
	"1.11.0": "a2cd608a7d9d1b24",
	"1.12.0": "b2b61687c68b0e0c",
	"1.13.0": "f357b1be9fa45be4",
	"1.14.0": "32856104da87a3f5",
	"1.15.0": "b362d23199eb7c4f",
	"1.16.0": "545a4652b1515a67",
	"1.17.0": "44d84b133bd95b58",
	"1.18.0": "f5d8da2354ae141c",
	"1.19.0": "6fbda9d3256dcabc",
	"1.20.0": "c916a46d0dc4a842",
	"1.21.0": "a32eaf011dd9a711",
	"1.22.0": "a9510fd0876f6ead",
	"1.23.0": "2ea67972d044b9fb",
	"1.24.0": "cd875c52653aec90",
	"1.25.0": "dd1c154a0606ac7e",
	"1.26.0": "9f74bb35a0908efe",
	"1.27.0": "1fd2a751c762486b",
	"1.28.0": "1204db2b907c5db5",
	"1.29.0": "4ac457bafebc1473",
	"1.30.0": "e238ef2aa8b3e650",
	"1.31.0": "f4bd4cc30f34a4fc",
	"1.32.0": "98a7c1122dbcc6fa",
	"1.33.0": "a09d9dc9056b1c4a",
	"1.34.0": "cdcd0ea633c496b7",
	"1.35.0": "6928834b09d5ec4b",
	"1.36.0": "153fa1ea1cd9b547",
	"1.37.0": "4c8c566dbf6d7967",
	"1.38.0": "beb703ecaf38ee24",
	"1.39.0": "5881a03e49e1bf74",
	"1.40.0": "d32e551dd9237a4d",
	"1.41.0": "78080eda8ee0d3f5",
	"1.42.0": "7707fa18ca6cc88e",
	"1.43.0": "0229d89e203227c4",
	"1.44.0": "f532b75d49ca0004",
	"1.45.0": "8e08c37e28b6124b",
	"1.46.0": "a9ad5e50a7469577",
	"1.47.0": "8fc6fc7b1d3e2554",
	"1.48.0": "f924629d3c708159",
	"1.49.0": "ffb13fdfddca7241",
	"1.50.0": "5f0a0a6cfdacf066",
	"1.51.0": "b1ed02cd3d287242",
	"1.52.0": "367a9732aebf7c5a",
	"1.53.0": "b2d343dc17ce4196",
	"1.54.0": "ff65e7d429f7f1dd",
	"1.55.0": "05b404ba727888ae",
	"1.56.0": "e8cd759375c74295",
	"1.57.0": "9741aca8fb08bc0f",
	"1.58.0": "76a3271c844777dc",
	"1.59.0": "6bd12069b0acaaee",
	"1.60.0": "59caa8ccb1516287",
	"1.61.0": "a5c07a4f52256508",
	"1.62.0": "aeb07617a6bc61fb",
	"1.63.0": "1fa22ead7603a9cf",
	"1.64.0": "1cd88e06f433c345",
	"1.65.0": "05addeef37655bb0",
	"1.66.0": "2d8905aa9eac835b",
	"1.67.0": "6bf7e0eeb5bd9d9c",
	"1.68.0": "9226e71ef31de26a",
	"1.69.0": "e1666af5431a0ce9",
	"1.70.0": "9c977edafe61b3fc",
	"1.71.0": "24ac696bdf56ed91",
	"1.72.0": "2306cab88552540a",
	"1.73.0": "88cdf36ba5fece05",
	"1.74.0": "423b55db98a70ae4",
	"1.75.0": "973be19a0c6c37d8",
	"1.76.0": "6c246c77dd75c642",
	"1.77.0": "d1ceabfbbb271ec2",
	"1.78.0": "8172bce898101670",
	"1.79.0": "b39dfb3f2eaad701",
	"1.80.0": "3db8f80bb0e7bc3b",
	"1.81.0": "6f3e34b2c8126252",
	"1.82.0": "f8c635e525f6ac3e",
	"1.83.0": "ca0e626cb8895088",
	"1.84.0": "412087a862b0848c",
	"1.85.0": "dcdaa857ede134c4",
	"1.86.0": "138e4e58c00d7438",
}

func TestVersionPinsBehaviour(t *testing.T) {
	now := time.Date(2026, 3, 11, 17, 0, 0, 0, time.FixedZone("WIB", 7*3600))
	brief := &Brief{Apa: "Pelatihan relawan", Siapa: []Person{{Nama: "Asep Saepudin", Jabatan: "Kepala Pelaksana BPBD"}},
		Kapan: "2026-03-11", DiMana: "Aula BPBD Sukamaju", Angka: []Figure{{Nilai: 60, Satuan: "relawan"}, {Nilai: 20, Satuan: "desa"}}, PublishByDays: 1}
	inputs := []Input{
		{Headline: "BPBD Sukamaju Latih 60 Relawan Tanggap Banjir", Body: "SUKAMAJU – Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten Sukamaju melatih 60 relawan dari 20 desa di Aula BPBD, Rabu (11/3/2026), agar warga siap mengevakuasi tetangganya.\n\n\"Relawan desa adalah orang pertama yang berada di lokasi,\" kata Kepala Pelaksana BPBD Sukamaju, Asep Saepudin.", Now: now, Brief: brief},
		{Headline: "KEGIATAN SOSIALISASI!!!", Body: "Dalam rangka meningkatkan pengetahuan, bertempat di balai desa, telah dilaksanakan kegiatan yang sangat meriah dan luar biasa. Silahkan warga datang, himbauan di sampaikan dikantor desa.", Now: now},
		{Headline: "Camat Cikadu Imbau Warga Waspada Demam Berdarah", Body: "SUKAMAJU – Camat Cikadu, Yayan Sofyan, mengimbau warga membersihkan tempat penampungan air karena kasus demam berdarah naik menjadi 23 kasus, Kamis (11/3/2026).", Now: now},
	}
	if Version != "1.2.0" {
		// From 1.3.0 the pinned set also holds a release against a practice's ketentuan.
		ruled := *brief
		ruled.Ketentuan = &Requirements{BodyWords: [2]int{250, 400}, HeadlineWords: [2]int{5, 12}, LeadMaxWords: 35, Dateline: "SUKAMAJU", AttributedQuotes: 1, QuotesFromBrief: true, ThousandsSeparator: true}
		ruled.Kutipan = []BriefQuote{{Oleh: "Asep Saepudin", Teks: "Relawan desa adalah orang pertama yang berada di lokasi."}}
		if Version != "1.3.0" {
			// From 1.4.0 a single peringatan caps a strong release below sangat_baik.
			inputs = append(inputs, Input{Headline: inputs[0].Headline, Body: inputs[0].Body + "\n\nPelatihan di laksanakan selama sehari penuh.", Now: now, Brief: brief})
		}
		inputs = append(inputs, Input{Headline: "BPBD Latih Relawan", Body: "Pelatihan di laksanakan pukul 09.00 WIB bagi empat puluh relawan dari 1240 warga. \"Relawan desa bukan orang pertama di lokasi.\" Kegiatan berlangsung sukses besar.", Now: now, Brief: &ruled})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1":
	default:
		// From 1.5.2 a date whose day is written in words is a date: here it
		// contradicts the sheet and its weekday.
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Body: strings.Replace(inputs[0].Body, "Rabu (11/3/2026)", "Selasa, dua belas Maret 2026", 1), Now: now, Brief: brief})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0":
	default:
		// From 1.6.1 a count with a general unit is compared with the sheet
		// figure its clause names ("61 orang di antaranya relawan").
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Body: inputs[0].Body + "\n\nSebanyak 61 orang di antaranya adalah relawan perempuan.", Now: now, Brief: brief})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1":
	default:
		// From 1.7.0 a repeated sentence is reported, a repeated quote counts
		// once toward the practice's attributed quotes, and a word mixing
		// Latin with Cyrillic or Greek look-alikes is reported; a body far
		// above the range gives its count with the thousands dot.
		twice := *brief
		twice.Ketentuan = &Requirements{BodyWords: [2]int{50, 400}, AttributedQuotes: 2}
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Body: inputs[0].Body + "\n\n" + inputs[0].Body, Now: now, Brief: &twice})
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Body: strings.Replace(inputs[0].Body, "di Aula", "d\u0456 Aula", 1), Now: now, Brief: brief})
		long := inputs[0].Body
		for i := 1; i <= 110; i++ {
			long += fmt.Sprintf(" Catatan nomor %d menambah rincian yang tidak diminta.", i)
		}
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Body: long, Now: now, Brief: &twice})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0":
	default:
		// From 1.8.0 the lead rules measure the first paragraph whole (a
		// one-paragraph body has an overlong lead); a count under another
		// name of the sheet's unit, at the sheet's rate or in a partitive is
		// compared with that figure; two weekdays over two days pair in
		// order; a headline verb in its base form or with di- is found by
		// the forms the body uses.
		rated := *brief
		rated.Ketentuan = &Requirements{BodyWords: [2]int{50, 400}, LeadMaxWords: 35}
		rated.Angka = append([]Figure{{Nilai: 120, Satuan: "warga", Keterangan: "dilatih dalam sehari"}}, brief.Angka...)
		oneBlock := strings.ReplaceAll(inputs[0].Body, "\n\n", " ") + " Pelatihan berlangsung dua hari, Rabu dan Kamis, 11 dan 12 Maret 2026. Setiap hari petugas melatih 150 orang. Sebanyak 61 di antaranya adalah relawan perempuan."
		inputs = append(inputs, Input{Headline: "BPBD Sukamaju Kejar Kesiapan Relawan Desa", Body: oneBlock + " Petugas mengejar kesiapan 60 penduduk desa.", Now: now, Brief: &rated})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0":
	default:
		// From 1.8.1 an unused quote of the sheet is quoted with its own
		// full stop only.
		quoted := *brief
		quoted.Kutipan = []BriefQuote{{Oleh: "Asep Saepudin", Teks: "Relawan desa adalah orang pertama yang berada di lokasi."}}
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Body: strings.SplitN(inputs[0].Body, "\n\n", 2)[0], Now: now, Brief: &quoted})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1":
	default:
		// From 1.8.2 a count of a part (a day, a village, some of the
		// people) is not compared with the sheet's whole figure.
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Body: inputs[0].Body + "\n\nPada hari pertama, petugas baru melatih 25 relawan. Sebanyak 16 relawan di antaranya berasal dari Desa Mekarjaya.", Now: now, Brief: brief})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2":
	default:
		// From 1.9.0 a missing dateline points at the whole opening phrase;
		// a name is no meN- verb and a di- word with -kan is passive in a
		// headline; a bounded figure is compared as a bound; an invented
		// quote is named as such in the summary, not as a contradicted
		// fact; "berjalan sukses" is an opinion; "di kontrakan" is a place;
		// findings at one place put the most severe first.
		ruled := *brief
		ruled.Ketentuan = &Requirements{BodyWords: [2]int{30, 400}, Dateline: "SUKAMAJU", AttributedQuotes: 1, QuotesFromBrief: true, ThousandsSeparator: true}
		ruled.Kutipan = []BriefQuote{{Oleh: "Asep Saepudin", Teks: "Relawan desa adalah orang pertama yang berada di lokasi."}}
		inputs = append(inputs, Input{Headline: "Pelatihan Relawan Banjir Dilakukan BPBD Sukamaju", Now: now, Brief: &ruled,
			Body: "Dalam rangka menyambut musim hujan, BPBD Kabupaten Sukamaju melatih lebih dari 50 relawan dari 20 desa di Aula BPBD, Rabu (11/3/2026).\n\n\"Kami siap membantu warga kapan pun,\" kata Kepala Pelaksana BPBD Sukamaju, Asep Saepudin.\n\nRelawan Meiliana menunggu di kontrakan warga sejak 2000 relawan lain pulang. Kegiatan berjalan lancar dan sukses."})
		inputs = append(inputs, Input{Headline: "Kader Meiliana dan Pelatihan Relawan di Posyandu Melati", Body: inputs[0].Body + "\n\nPelatihan juga digelar di Posyandu Melati.", Now: now, Brief: brief})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0":
	default:
		// From 1.9.1 a quote split by its attribution is attributed in both
		// parts, and its second part has dropped no negation of the first;
		// the "!" of a name the body writes inside a sentence is no
		// clickbait; a count of organisations is a scale.
		split := *brief
		split.Ketentuan = &Requirements{AttributedQuotes: 1, QuotesFromBrief: true}
		split.Kutipan = []BriefQuote{{Oleh: "Asep Saepudin", Teks: "Relawan desa belum pernah dilatih. Karena itu, kami datang ke setiap desa."}}
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &split,
			Body: strings.SplitN(inputs[0].Body, "\n\n", 2)[0] + "\n\n\"Relawan desa belum pernah dilatih,\" kata Kepala Pelaksana BPBD Sukamaju, Asep Saepudin. \"Karena itu, kami datang ke setiap desa.\""})
		inputs = append(inputs, Input{Headline: "BPBD Sukamaju Sambungkan 20 Desa ke SP4N-LAPOR!", Now: now, Brief: brief,
			Body: inputs[0].Body + "\n\nAduan relawan dicatat di SP4N-LAPOR! dan diteruskan kepada 12 organisasi perangkat daerah."})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1":
	default:
		// From 1.10.0 a split di- before a verb base of the lexicon or of
		// the text's meN- forms is reported ("di kawal", "di gusur") and a
		// joined di before a noun or a quantifier of places ("diacara",
		// "disetiap"); a region before its name takes a capital; a ter-
		// verb makes a passive headline and "bagi" is no verb.
		inputs = append(inputs, Input{Headline: "Relawan Desa Terlatih bagi Warga Cikadu", Now: now, Brief: brief,
			Body: inputs[0].Body + "\n\nRelawan di kawal petugas ke kecamatan Cikadu. Lapak yang menghalangi jalur evakuasi di gusur, sebab petugas menggusur lapak tanpa izin disetiap desa."})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0":
	default:
		// From 1.10.1 a bound is written in words; a count of people in
		// several number words counts and is written in digits; the
		// example of a missing count is the sheet's; a release with no date
		// does not answer kapan; a lead on the headline's line leaves the
		// release without a headline; opinion by pattern; ceremonial
		// openings that count only at the start.
		ruled := *brief
		ruled.Ketentuan = &Requirements{ThousandsSeparator: true}
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &ruled,
			Body: "SUKAMAJU – Puji syukur ke hadirat Tuhan, BPBD Kabupaten Sukamaju melatih lebih dari 100 relawan dari seribu dua ratus empat puluh warga di Aula BPBD pukul 09.00 WIB.\n\nLangkah ini patut diapresiasi. Pelatihan berjalan dengan lancar dan tertib."})
		inputs = append(inputs, Input{Headline: strings.SplitN(inputs[0].Body, "\n\n", 2)[0], Body: "Berlokasi di Aula BPBD, relawan dilatih sehari penuh.", Now: now, Brief: brief})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1":
	default:
		// From 1.10.2 a base coordinated with a split prefix is one ("di
		// gambar dan di tempel"), and a count after a joined "disetiap" is
		// a count per item, not the sheet's total.
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
			Body: inputs[0].Body + "\n\nJalur evakuasi di gambar dan di tempel di balai desa. Disetiap desa ada tiga relawan."})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.10.2":
	default:
		// From 1.10.3 the lead's date is the sheet's even when the sheet's
		// date appears later; a phone number, opening hours, service days,
		// a fee for a free service and an office shortened contradict the
		// sheet; a count, an amount or an area the sheet never states is
		// a fact from outside it.
		sheet := *brief
		sheet.Bagaimana = "Layanan dibuka Senin–Jumat pukul 08.00–15.00 WIB tanpa dipungut biaya. Informasi: 0812-0000-5678."
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &sheet,
			Body: strings.Replace(inputs[0].Body, "Rabu (11/3/2026)", "Kamis (12/3/2026)", 1) + "\n\nPelatihan berlangsung 11–12 Maret 2026, Senin–Sabtu pukul 08.00–16.00 WIB, dengan biaya Rp25.000, bagi 17 petugas dari Desa Sukasari. Informasi: 0812-0000-5687. Kepala BPBD Sukamaju, Asep Saepudin, membuka pelatihan."})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.10.2", "1.10.3":
	default:
		// From 1.10.4 a quote of only the sheet's words that joins two of
		// them the sheet never says together has a word swapped or dropped.
		ruled := *brief
		ruled.Kutipan = []BriefQuote{{Oleh: "Asep Saepudin", Teks: "Relawan desa adalah orang pertama yang berada di lokasi."}}
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &ruled,
			Body: strings.Replace(inputs[0].Body, "orang pertama yang berada", "orang yang berada", 1)})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.10.2", "1.10.3", "1.10.4":
	default:
		// From 1.10.5 "belasan ribu" counts thousands (11.000 to 19.999).
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
			Body: strings.Replace(inputs[0].Body, "melatih 60 relawan", "melatih belasan ribu relawan", 1)})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.10.2", "1.10.3", "1.10.4", "1.10.5", "1.11.0":
	default:
		// From 1.12.0 a practice may promise an active headline (judul_aktif):
		// a passive or verbless one breaks its rule.
		ruled := *brief
		ruled.Ketentuan = &Requirements{ActiveHeadline: true}
		inputs = append(inputs, Input{Headline: "Relawan Banjir Dilatih BPBD Sukamaju", Body: inputs[0].Body, Now: now, Brief: &ruled},
			Input{Headline: "Pelatihan Relawan Banjir bagi 20 Desa", Body: inputs[0].Body, Now: now, Brief: &ruled})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.10.2", "1.10.3", "1.10.4", "1.10.5", "1.11.0", "1.12.0":
	default:
		// From 1.13.0 Markdown and HTML markup, a bulleted list and an
		// English passage are reported.
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
			Body: inputs[0].Body + "\n\n## Jadwal\n\nPelatihan **gratis** di <b>Aula BPBD</b>, lihat [situs BPBD](https://bpbd.sukamajukab.go.id). Peserta membawa:\n- kartu identitas;\n- surat tugas desa.\n\nThe training is open to all volunteers who live near the river."})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.10.2", "1.10.3", "1.10.4", "1.10.5", "1.11.0", "1.12.0", "1.13.0":
	default:
		// From 1.14.0 a single time of day the sheet does not give is a
		// fact from outside it, and a number word ending a sentence takes
		// no unit from the next one.
		sheet := *brief
		sheet.Bagaimana = "Layanan dibuka pukul 08.00–15.00 WIB."
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &sheet,
			Body: inputs[0].Body + "\n\nPelatihan dimulai pukul 09.00 WIB dan ditutup pukul 15.00 WIB. Nilai rata-rata relawan empat. Relawan pulang sore hari."})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.10.2", "1.10.3", "1.10.4", "1.10.5", "1.11.0", "1.12.0", "1.13.0", "1.14.0":
	default:
		// From 1.15.0 "ulang" or a split di- verb after "lalu" shows that a
		// base after a split di is a verb; "laut" and "darat" are places.
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
			Body: inputs[0].Body + "\n\nPeta evakuasi di gambar ulang, di cetak lalu di tempel di balai desa. Relawan yang biasa melaut berjaga di laut."})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.10.2", "1.10.3", "1.10.4", "1.10.5", "1.11.0", "1.12.0", "1.13.0", "1.14.0", "1.15.0":
	default:
		// From 1.16.0 "warga Cibeureum" names a place without its head; when
		// the sheet names its places and not this one, it is from outside.
		sheet := *brief
		sheet.DiMana = "Aula BPBD, Kecamatan Cikadu"
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &sheet,
			Body: inputs[0].Body + "\n\nRelawan dari warga Cibeureum dan warga Cikadu ikut berlatih."})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.10.2", "1.10.3", "1.10.4", "1.10.5", "1.11.0", "1.12.0", "1.13.0", "1.14.0", "1.15.0", "1.16.0":
	default:
		// From 1.17.0 a shortened title before the sheet's name without a
		// comma ("kata Kalak BPBD Sukamaju Asep Saepudin") is not another speaker.
		quoted := *brief
		quoted.Kutipan = []BriefQuote{{Oleh: "Asep Saepudin", Teks: "Relawan desa adalah orang pertama yang berada di lokasi."}}
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &quoted,
			Body: strings.Replace(inputs[0].Body, "Kepala Pelaksana BPBD Sukamaju, Asep Saepudin", "Kalak BPBD Sukamaju Asep Saepudin", 1)})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.10.2", "1.10.3", "1.10.4", "1.10.5", "1.11.0", "1.12.0", "1.13.0", "1.14.0", "1.15.0", "1.16.0", "1.17.0":
	default:
		// From 1.18.0 a fee in words for a free service, and a statement
		// of the sheet without its negation, contradict the sheet.
		sheet := *brief
		sheet.Bagaimana = "Pelatihan tanpa dipungut biaya. Panitia tidak akan meminta data pribadi peserta."
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &sheet,
			Body: inputs[0].Body + "\n\nPelatihan dengan biaya administrasi ringan. Panitia akan meminta data pribadi peserta. Tidak ada biaya yang dipungut untuk konsumsi."})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.10.2", "1.10.3", "1.10.4", "1.10.5", "1.11.0", "1.12.0", "1.13.0", "1.14.0", "1.15.0", "1.16.0", "1.17.0", "1.18.0":
	default:
		// From 1.19.0 time ranges and service days are compared whatever
		// joins them, a start time in the lead or after "mulai" with the
		// sheet's, and the time zone with the sheet's.
		sheet := *brief
		sheet.Pukul = "09.00"
		sheet.Bagaimana = "Posko dibuka Senin–Jumat pukul 08.00–15.00 WIB."
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &sheet,
			Body: strings.Replace(inputs[0].Body, "Rabu (11/3/2026),", "Rabu (11/3/2026) pukul 10.00 WIB,", 1) + "\n\nPosko dibuka Senin s.d. Sabtu pukul 08.00-16.00 WIB, lalu Senin-Jumat pukul 08.00 hingga 15.00 WITA, mulai pukul 07.30 WIB."})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.10.2", "1.10.3", "1.10.4", "1.10.5", "1.11.0", "1.12.0", "1.13.0", "1.14.0", "1.15.0", "1.16.0", "1.17.0", "1.18.0", "1.19.0":
	default:
		// From 1.20.0 a range of dates is compared with the sheet's.
		sheet := *brief
		sheet.Bagaimana = "Pelatihan berlangsung 11–12 Maret 2026."
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &sheet,
			Body: inputs[0].Body + "\n\nPelatihan berlangsung 11–13 Maret 2026, lalu 11 Maret s.d. 12 Maret 2026, pukul 08.00 hingga 15 Maret."})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.10.2", "1.10.3", "1.10.4", "1.10.5", "1.11.0", "1.12.0", "1.13.0", "1.14.0", "1.15.0", "1.16.0", "1.17.0", "1.18.0", "1.19.0", "1.20.0":
	default:
		// From 1.21.0 a short name one letter off is wrong beside the rest
		// of the name ("Asyp Saepudin"), not alone ("Asyp").
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
			Body: inputs[0].Body + "\n\nAsyp Saepudin menutup pelatihan. Warga menyebutnya Asyp."})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.10.2", "1.10.3", "1.10.4", "1.10.5", "1.11.0", "1.12.0", "1.13.0", "1.14.0", "1.15.0", "1.16.0", "1.17.0", "1.18.0", "1.19.0", "1.20.0", "1.21.0":
	default:
		// From 1.22.0 a phone number grouped with spaces is one number.
		sheet := *brief
		sheet.Bagaimana = "Laporan dikirim ke nomor 0812-0000-5678."
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &sheet,
			Body: inputs[0].Body + "\n\nLaporan dikirim ke nomor 0812 0000 5678 atau 0812 0000 5679."})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.10.2", "1.10.3", "1.10.4", "1.10.5", "1.11.0", "1.12.0", "1.13.0", "1.14.0", "1.15.0", "1.16.0", "1.17.0", "1.18.0", "1.19.0", "1.20.0", "1.21.0", "1.22.0":
	default:
		// From 1.23.0 a bare verb base inside a service's name is not the
		// headline's verb.
		ruled := *brief
		ruled.Ketentuan = &Requirements{ActiveHeadline: true}
		inputs = append(inputs, Input{Headline: "Layanan Latih Relawan Dibuka BPBD Sukamaju", Body: inputs[0].Body, Now: now, Brief: &ruled},
			Input{Headline: "Program Latih Relawan Banjir di 20 Desa", Body: inputs[0].Body, Now: now, Brief: &ruled})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.10.2", "1.10.3", "1.10.4", "1.10.5", "1.11.0", "1.12.0", "1.13.0", "1.14.0", "1.15.0", "1.16.0", "1.17.0", "1.18.0", "1.19.0", "1.20.0", "1.21.0", "1.22.0", "1.23.0":
	default:
		// From 1.24.0 the office of another area is the wrong office.
		area := *brief
		area.Siapa = []Person{{Nama: "Asep Saepudin", Jabatan: "Kepala Pelaksana BPBD Kabupaten Sukamaju"}}
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &area,
			Body: strings.Replace(inputs[0].Body, "Kepala Pelaksana BPBD Sukamaju, Asep Saepudin", "Kepala Pelaksana BPBD Kabupaten Sukamulya, Asep Saepudin", 1)})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.10.2", "1.10.3", "1.10.4", "1.10.5", "1.11.0", "1.12.0", "1.13.0", "1.14.0", "1.15.0", "1.16.0", "1.17.0", "1.18.0", "1.19.0", "1.20.0", "1.21.0", "1.22.0", "1.23.0", "1.24.0":
	default:
		// From 1.25.0 thousands grouped with a space are one number, a
		// length of the event in weeks or in one word and a time of day in
		// words are compared with the sheet, and a statement of the sheet
		// written negated reverses it.
		sheet := *brief
		sheet.Pukul = "09.00"
		sheet.Angka = append([]Figure{{Nilai: 2, Satuan: "hari", Keterangan: "lama pelatihan"}, {Nilai: 1240, Satuan: "warga"}}, brief.Angka...)
		sheet.Bagaimana = "Pelatihan dibuka pukul 09.00–15.00 WIB tanpa dipungut biaya. Relawan wajib membawa surat tugas desa."
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &sheet,
			Body: strings.Replace(inputs[0].Body, "Rabu (11/3/2026),", "Rabu (11/3/2026) pukul delapan pagi,", 1) + "\n\nPelatihan berlangsung sepekan bagi 1 240 warga, pukul sembilan pagi hingga pukul tiga sore, dan tidak gratis. Relawan tidak wajib membawa surat tugas desa. Relawan tidak lupa membawa surat tugas desa."})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.10.2", "1.10.3", "1.10.4", "1.10.5", "1.11.0", "1.12.0", "1.13.0", "1.14.0", "1.15.0", "1.16.0", "1.17.0", "1.18.0", "1.19.0", "1.20.0", "1.21.0", "1.22.0", "1.23.0", "1.24.0", "1.25.0":
	default:
		// From 1.26.0 a split di- in a title-case headline is reported and
		// makes it passive, a ter- headline is passive whatever a service
		// name after it holds, a teasing headline without "!" is clickbait,
		// and a compound's fix is joined whole.
		ruled := *brief
		ruled.Ketentuan = &Requirements{ActiveHeadline: true}
		inputs = append(inputs, Input{Headline: "60 Relawan dari 20 Desa Di Latih BPBD Sukamaju", Body: inputs[0].Body, Now: now, Brief: &ruled},
			Input{Headline: "Begini Cara BPBD Sukamaju Latih 60 Relawan", Body: inputs[0].Body + "\n\nDaftar relawan di tanda tangani camat dikecamatan Cikadu.", Now: now, Brief: &ruled})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.10.2", "1.10.3", "1.10.4", "1.10.5", "1.11.0", "1.12.0", "1.13.0", "1.14.0", "1.15.0", "1.16.0", "1.17.0", "1.18.0", "1.19.0", "1.20.0", "1.21.0", "1.22.0", "1.23.0", "1.24.0", "1.25.0", "1.26.0":
	default:
		// From 1.27.0 another building as the event's place contradicts
		// the sheet; beside the sheet's venue it is from outside the sheet.
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
			Body: strings.Replace(inputs[0].Body, "di Aula BPBD,", "di Balai Desa Mekarjaya,", 1)},
			Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
				Body: inputs[0].Body + "\n\nPelatihan lanjutan digelar di Aula BPBD dan GOR Sukamaju."})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.10.2", "1.10.3", "1.10.4", "1.10.5", "1.11.0", "1.12.0", "1.13.0", "1.14.0", "1.15.0", "1.16.0", "1.17.0", "1.18.0", "1.19.0", "1.20.0", "1.21.0", "1.22.0", "1.23.0", "1.24.0", "1.25.0", "1.26.0", "1.27.0":
	default:
		// From 1.28.0 a deputy's office written before the name without a
		// comma, the office of a part of the organisation, a degree the
		// sheet does not give and a form of address of the other sex are
		// reported; "Bapak dr." is no person called Bapak.
		people := *brief
		people.Siapa = []Person{{Nama: "dr. Asep Saepudin", Jabatan: "Kepala Pelaksana BPBD"}, {Nama: "Hj. Euis Komalasari", Jabatan: "Kepala Bidang Kedaruratan BPBD"}}
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &people,
			Body: strings.Replace(inputs[0].Body, "Kepala Pelaksana BPBD Sukamaju, Asep Saepudin", "Kepala Pelaksana BPBD Sukamaju, Bapak dr. Asep Saepudin", 1) +
				"\n\nWakil Kepala Pelaksana BPBD Asep Saepudin hadir bersama Kepala Seksi Kedaruratan BPBD, Euis Komalasari. Kabid Kedaruratan BPBD, Bapak Euis Komalasari, dan drg. Asep Saepudin menutup pelatihan."})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.10.2", "1.10.3", "1.10.4", "1.10.5", "1.11.0", "1.12.0", "1.13.0", "1.14.0", "1.15.0", "1.16.0", "1.17.0", "1.18.0", "1.19.0", "1.20.0", "1.21.0", "1.22.0", "1.23.0", "1.24.0", "1.25.0", "1.26.0", "1.27.0", "1.28.0":
	default:
		// From 1.29.0 a vague or relative time beside the date is a
		// peringatan, and so are the writer's verdict on a reception, a
		// closing formula and a list of officials present.
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
			Body: inputs[0].Body + "\n\nPelatihan disambut hangat warga dan dilanjutkan besok. Turut hadir Sekda, Asisten I, dan Kepala Dinas Sosial.\n\nDemikian siaran pers ini kami sampaikan."})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.10.2", "1.10.3", "1.10.4", "1.10.5", "1.11.0", "1.12.0", "1.13.0", "1.14.0", "1.15.0", "1.16.0", "1.17.0", "1.18.0", "1.19.0", "1.20.0", "1.21.0", "1.22.0", "1.23.0", "1.24.0", "1.25.0", "1.26.0", "1.27.0", "1.28.0", "1.29.0":
	default:
		// From 1.30.0 an hour without minutes ("pukul 9 pagi", "jam
		// sembilan"), dozens, a comma for the thousands dot, "tanpa" before
		// a statement of the sheet, an office after the name and a venue in
		// lower case or after "ke" are read.
		sheet := *brief
		sheet.Pukul = "08.00"
		sheet.Angka = append([]Figure{{Nilai: 1240, Satuan: "warga"}, {Nilai: 3, Satuan: "perahu"}}, brief.Angka...)
		sheet.Bagaimana = "Relawan wajib membawa surat tugas desa."
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &sheet,
			Body: strings.Replace(strings.Replace(inputs[0].Body, "di Aula BPBD, Rabu (11/3/2026),", "di aula desa Mekarjaya, Rabu (11/3/2026) pukul 9 pagi,", 1), "Kepala Pelaksana BPBD Sukamaju, Asep Saepudin", "Asep Saepudin selaku Sekretaris BPBD Sukamaju", 1) +
				"\n\nRelawan dari 1,240 warga datang tanpa membawa surat tugas desa ke Balai Desa Sukarame jam sembilan. BPBD menyiapkan dua lusin perahu."})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.10.2", "1.10.3", "1.10.4", "1.10.5", "1.11.0", "1.12.0", "1.13.0", "1.14.0", "1.15.0", "1.16.0", "1.17.0", "1.18.0", "1.19.0", "1.20.0", "1.21.0", "1.22.0", "1.23.0", "1.24.0", "1.25.0", "1.26.0", "1.27.0", "1.28.0", "1.29.0", "1.30.0":
	default:
		// From 1.31.0 one person addressed as a woman and as a man is
		// reported, and "Wabup", "Sekcam" are the offices they shorten.
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
			Body: strings.Replace(inputs[0].Body, "Kepala Pelaksana BPBD Sukamaju, Asep Saepudin", "Wabup Sukamaju, Bapak Asep Saepudin", 1) + "\n\nIbu Asep Saepudin menutup pelatihan."})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.10.2", "1.10.3", "1.10.4", "1.10.5", "1.11.0", "1.12.0", "1.13.0", "1.14.0", "1.15.0", "1.16.0", "1.17.0", "1.18.0", "1.19.0", "1.20.0", "1.21.0", "1.22.0", "1.23.0", "1.24.0", "1.25.0", "1.26.0", "1.27.0", "1.28.0", "1.29.0", "1.30.0", "1.31.0":
	default:
		// From 1.32.0 a quote attributed to nobody in particular is
		// unattributed, a word put into the sheet's quote alters it, and
		// quotation marks around a term are no quote.
		quoted := *brief
		quoted.Kutipan = []BriefQuote{{Oleh: "Asep Saepudin", Teks: "Karena itu, relawan desa adalah orang pertama yang berada di lokasi."}}
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &quoted,
			Body: strings.Replace(inputs[0].Body, "kata Kepala Pelaksana BPBD Sukamaju, Asep Saepudin", "kata seorang pejabat", 1) +
				"\n\nPelatihan memakai cara \"jemput bola\" ke desa. \"Oleh karena itu, relawan desa adalah orang pertama yang berada di lokasi,\" kata Asep."})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.10.2", "1.10.3", "1.10.4", "1.10.5", "1.11.0", "1.12.0", "1.13.0", "1.14.0", "1.15.0", "1.16.0", "1.17.0", "1.18.0", "1.19.0", "1.20.0", "1.21.0", "1.22.0", "1.23.0", "1.24.0", "1.25.0", "1.26.0", "1.27.0", "1.28.0", "1.29.0", "1.30.0", "1.31.0", "1.32.0":
	default:
		// From 1.33.0 di/ke joined to an acronym, to "sepanjang" or to a
		// noun written after a separate "ke", a split di before a per-/ke-
		// verb, and a count after "dari" read as a year are reported.
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
			Body: inputs[0].Body + "\n\nRelawan datang keposyandu dan keBPBD, lalu disepanjang sungai di persilakan berjaga. Sebagian dari 1240 warga ikut."})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.10.2", "1.10.3", "1.10.4", "1.10.5", "1.11.0", "1.12.0", "1.13.0", "1.14.0", "1.15.0", "1.16.0", "1.17.0", "1.18.0", "1.19.0", "1.20.0", "1.21.0", "1.22.0", "1.23.0", "1.24.0", "1.25.0", "1.26.0", "1.27.0", "1.28.0", "1.29.0", "1.30.0", "1.31.0", "1.32.0":
	default:
		// From 1.34.0 a web or e-mail address is checked against the sheet's.
		sheet := *brief
		sheet.Bagaimana = "Pendaftaran lewat bpbd.sukamajukab.go.id."
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &sheet,
			Body: inputs[0].Body + "\n\nPendaftaran lewat https://bpbd-sukamaju.go.id atau surel bpbd@sukamajukab.go.id."})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.10.2", "1.10.3", "1.10.4", "1.10.5", "1.11.0", "1.12.0", "1.13.0", "1.14.0", "1.15.0", "1.16.0", "1.17.0", "1.18.0", "1.19.0", "1.20.0", "1.21.0", "1.22.0", "1.23.0", "1.24.0", "1.25.0", "1.26.0", "1.27.0", "1.28.0", "1.29.0", "1.30.0", "1.31.0", "1.32.0", "1.33.0", "1.34.0":
	default:
		// From 1.35.0 a source with "itu" or "tersebut" points back to
		// the speaker named before it ("kata pejabat itu").
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
			Body: strings.Replace(inputs[0].Body, "kata Kepala Pelaksana BPBD Sukamaju, Asep Saepudin", "kata pejabat itu", 1)})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.10.2", "1.10.3", "1.10.4", "1.10.5", "1.11.0", "1.12.0", "1.13.0", "1.14.0", "1.15.0", "1.16.0", "1.17.0", "1.18.0", "1.19.0", "1.20.0", "1.21.0", "1.22.0", "1.23.0", "1.24.0", "1.25.0", "1.26.0", "1.27.0", "1.28.0", "1.29.0", "1.30.0", "1.31.0", "1.32.0", "1.33.0", "1.34.0", "1.35.0":
	default:
		// From 1.36.0 four kinds of peringatan cap the total like a kesalahan.
		inputs = append(inputs, Input{Headline: "Begini Cara BPBD Sukamaju Latih 60 Relawan", Now: now, Brief: brief,
			Body: inputs[0].Body + "\n\nPelatihan di laksanakan kemarin dan disambut hangat warga.\n\nDemikian siaran pers ini kami sampaikan."})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.10.2", "1.10.3", "1.10.4", "1.10.5", "1.11.0", "1.12.0", "1.13.0", "1.14.0", "1.15.0", "1.16.0", "1.17.0", "1.18.0", "1.19.0", "1.20.0", "1.21.0", "1.22.0", "1.23.0", "1.24.0", "1.25.0", "1.26.0", "1.27.0", "1.28.0", "1.29.0", "1.30.0", "1.31.0", "1.32.0", "1.33.0", "1.34.0", "1.35.0", "1.36.0":
	default:
		// From 1.37.0 a phone number with +62, dots or spaces is compared
		// with the sheet's, a bound applies to a length in one word
		// ("hampir sepekan"), one area head covers coordinated names, a
		// count per item is compared with the sheet's breakdown, a degree
		// after the name is read, a ranking over a region or praise
		// through a source without a name is reported, and a range of
		// dates in words and a year after the sheet's month are compared.
		sheet := *brief
		sheet.Bagaimana = "Warga mendaftar lewat nomor 0812-0000-5678. Pelatihan berlangsung enam hari, 11–16 Maret 2026, di Kecamatan Cikadu dan Cibeureum."
		sheet.Angka = append([]Figure{{Nilai: 6, Satuan: "hari"}, {Nilai: 40, Satuan: "pelatih", Keterangan: "dua orang untuk setiap desa"}}, brief.Angka...)
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &sheet,
			Body: inputs[0].Body + "\n\nPelatihan berlangsung hampir sepekan di Kecamatan Cikadu dan Kecamatan Cibeureum. Daftar ke +62 812-0000-5678 atau 0812.0000.5687." +
				" Di setiap desa bertugas tiga pelatih. Menurut warga, pelatihan ini sangat membantu. Ini pelatihan tercepat di Jawa Barat. Asep Saepudin, M.Si., menutup pelatihan." +
				"\n\nPelatihan berlangsung sebelas hingga tujuh belas Maret 2026. Ulangan pelatihan 11–16 Maret 2027."})
	}
	switch Version {
	case "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1", "1.7.0", "1.8.0", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.1", "1.10.2", "1.10.3", "1.10.4", "1.10.5", "1.11.0", "1.12.0", "1.13.0", "1.14.0", "1.15.0", "1.16.0", "1.17.0", "1.18.0", "1.19.0", "1.20.0", "1.21.0", "1.22.0", "1.23.0", "1.24.0", "1.25.0", "1.26.0", "1.27.0", "1.28.0", "1.29.0", "1.30.0", "1.31.0", "1.32.0", "1.33.0", "1.34.0", "1.35.0", "1.36.0", "1.37.0", "1.38.0":
	default:
		// From 1.39.0 a day without a date in a practice ("Kamis", "hari
		// ini") is the missing event date, and kapan is not answered by it.
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
			Body: "SUKAMAJU – Badan Penanggulangan Bencana Daerah Kabupaten Sukamaju melatih relawan di Balai Desa Cijambu, Kamis pagi."})
	}
	if !versionBefore(Version, "1.40.0") {
		// From 1.40.0 a sheet person's office with a head the other office
		// checks do not know is compared with the sheet's: a role ("Relawan")
		// or the sheet's title over another institution ("Kepala Dinas Sosial").
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
			Body: inputs[0].Body + "\n\nRelawan BPBD Asep Saepudin memimpin latihan. Kepala Dinas Sosial, Asep Saepudin, hadir."})
	}
	if !versionBefore(Version, "1.41.0") {
		// From 1.41.0 metaphors of praise ("angin segar", "bukti nyata",
		// "solusi jitu") and more intensifiers ("benar-benar membantu",
		// "ramah sekali") are the writer's opinion.
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
			Body: inputs[0].Body + "\n\nPelatihan ini angin segar dan bukti nyata kepedulian BPBD, solusi jitu yang benar-benar membantu desa. \"Ini langkah yang tepat,\" kata Asep Saepudin."})
	}
	if !versionBefore(Version, "1.42.0") {
		// From 1.42.0 a period counted from the writing is vague like
		// "besok": a week or less ("pekan ini", "pekan lalu") or any period
		// ahead ("bulan depan", "tahun depan"); "tahun lalu" is not.
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
			Body: inputs[0].Body + "\n\nPekan ini relawan berlatih lagi, pelatihan lanjutan digelar bulan depan, dan alat tiba tahun depan. Tahun lalu banjir merendam 20 desa."})
	}
	if !versionBefore(Version, "1.43.0") {
		// From 1.43.0 a date the sheet never gives is reported (near the
		// event a wrong date, far from it a fact outside the sheet), the
		// lead's date without its weekday draws a saran in a practice, and a
		// pair of weekdays over dates in two months is read as a range.
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
			Body: strings.Replace(inputs[0].Body, "Rabu (11/3/2026)", "11/3/2026", 1) + "\n\nLatihan dimulai Senin (2/3/2026). Pendataan relawan dimulai 5 Januari 2026. Ulangan latihan Selasa–Rabu (31/3–1/4/2026)."})
	}
	if !versionBefore(Version, "1.44.0") {
		// From 1.44.0 a lead opening with the event's programme ("Diawali
		// doa bersama, …") is a ceremonial opening, and a sentence on what
		// the event closed with ("Acara ditutup dengan doa bersama") a
		// ceremonial closing.
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
			Body: "SUKAMAJU – Acara dibuka dengan menyanyikan Indonesia Raya, lalu " + strings.TrimPrefix(inputs[0].Body, "SUKAMAJU – ") + "\n\nPelatihan ditutup dengan simulasi. Acara ditutup dengan doa bersama."})
	}
	if !versionBefore(Version, "1.45.0") {
		// From 1.45.0 the practical information of the sheet's service
		// (what to bring, the fee, the contact, the hours, the last day)
		// that the release leaves out is named in one peringatan.
		service := *brief
		service.Bagaimana = "Warga cukup membawa kartu keluarga (KK) asli. Pelatihan tanpa biaya, setiap hari pukul 08.00–12.00 WIB, 11–13 Maret 2026. Pendaftaran lewat nomor 0812-0000-5678."
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &service, Body: inputs[0].Body})
	}
	if !versionBefore(Version, "1.46.0") {
		// From 1.46.0 a sheet person's office in lower case is read: a role
		// right before the name ("ujar relawan Asep") and an apposition after
		// it ("Asep Saepudin, kepala Dinas Sosial,"); the finding on a wrong
		// office says why it matters.
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
			Body: inputs[0].Body + "\n\nLatihan dipimpin relawan Asep. Asep Saepudin, kepala Dinas Sosial, hadir."})
	}
	if !versionBefore(Version, "1.47.0") {
		// From 1.47.0 each kesalahan past the first lowers the cap, the
		// sheet's why missing from the lead is a peringatan, and lateness
		// costs more each day (a kesalahan past a week).
		why := *brief
		why.Mengapa = "Agar warga siap mengevakuasi tetangganya."
		why.Ketentuan = &Requirements{BodyWords: [2]int{100, 400}}
		r := strings.NewReplacer("60 relawan", "70 relawan", "20 desa", "30 desa", "Asep Saepudin", "Asep Saefudin", "Rabu (11/3/2026)", "Kamis (11/3/2026)")
		inputs = append(inputs,
			Input{Headline: inputs[0].Headline, Now: now, Brief: brief, Body: r.Replace(inputs[0].Body)},
			Input{Headline: inputs[0].Headline, Now: now, Brief: &why, Body: strings.Replace(inputs[0].Body, ", agar warga siap mengevakuasi tetangganya.", ".\n\nPelatihan digelar agar warga siap mengevakuasi tetangganya.", 1)},
			Input{Headline: inputs[0].Headline, Now: now.AddDate(0, 0, 20), Brief: brief, Body: inputs[0].Body})
	}
	if !versionBefore(Version, "1.48.0") {
		// From 1.48.0 a function word capitalised inside a title-case
		// headline is a bahasa warning with the headline fixed, a headline
		// naming no actor, place or number is not concrete, and a di- word
		// of a verb's form ("Digembleng") is a passive verb.
		for _, h := range []string{"BPBD Sukamaju Latih 60 Relawan Dari 20 Desa Untuk Siaga Banjir", "Pelatihan Penting Terus Digelar demi Kesiapan Bersama", "60 Relawan dari 20 Desa Digembleng BPBD Sukamaju"} {
			inputs = append(inputs, Input{Headline: h, Body: inputs[0].Body, Now: now, Brief: brief})
		}
	}
	if !versionBefore(Version, "1.49.0") {
		// From 1.49.0 paragraphs on single lines are paragraphs, and a text
		// wrapped at a width is read without its wrapping breaks.
		single := strings.ReplaceAll(inputs[0].Body, "\n\n", "\n") + "\nPelatihan diikuti relawan dari 20 desa."
		wrapped := "SUKAMAJU – Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten\nSukamaju melatih 60 relawan dari 20 desa di Aula BPBD, Rabu\n(11/3/2026), agar warga siap mengevakuasi tetangganya.\n\n\"Relawan desa adalah orang pertama yang berada di lokasi,\" kata\nKepala Pelaksana BPBD Sukamaju, Asep Saepudin."
		for _, body := range []string{single, wrapped} {
			inputs = append(inputs, Input{Headline: inputs[0].Headline, Body: body, Now: now, Brief: brief})
		}
	}
	if !versionBefore(Version, "1.50.0") {
		// From 1.50.0 a round word takes the sheet's figure as its fix, a
		// written place is rewritten as the dateline, a foreign base takes
		// di- with a hyphen, findings on one passage agree, and small
		// counts in messages are written in letters.
		dl := *brief
		dl.Ketentuan = &Requirements{Dateline: "SUKAMAJU"}
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &dl,
			Body: strings.NewReplacer("SUKAMAJU – ", "Sukamaju, ", "melatih 60 relawan", "melatih puluhan relawan", "Rabu (11/3/2026)", "Rabu (11/3/2027)").Replace(inputs[0].Body) +
				"\n\nMateri dapat di print dan di upload peserta. Judul terlalu pendek."})
	}
	if !versionBefore(Version, "1.51.0") {
		// From 1.51.0 a service's practical information also covers what a
		// message must hold, where the result is collected, the deadline of
		// an answer and a service at home.
		steps := *brief
		steps.Bagaimana = "Warga mengirim pesan ke nomor 0812-0000-5678 berisi isi aduan, lokasi, dan foto. OPD menjawab paling lambat tiga hari kerja. Sertifikat dapat diambil di Kantor BPBD Sukamaju. Warga lansia dilayani di rumah."
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &steps, Body: inputs[0].Body + "\n\nHubungi 0812-0000-5678."})
	}
	if !versionBefore(Version, "1.52.0") {
		// From 1.52.0 a relative clause before "cukup" and a function word
		// make no negated pair, and Ka- with a dinas's short name is the
		// sheet's Kepala Dinas.
		neg := *brief
		neg.Apa = "Warga yang tidak bisa datang cukup melapor lewat WhatsApp."
		neg.Mengapa = "Imunisasi yang tertinggal membuat balita rentan."
		neg.Siapa = []Person{{Nama: "Rahmat Hidayat", Jabatan: "Kepala Dinas Kesehatan Kabupaten Sukamaju"}}
		neg.Kutipan = []BriefQuote{{Oleh: "Rahmat Hidayat", Teks: "Imunisasi yang tertunda masih bisa dikejar oleh orang tua."}}
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &neg, Body: inputs[0].Body +
			"\n\nWarga yang datang cukup membawa KK. Tanpa imunisasi yang lengkap, balita rentan. \"Imunisasi yang tertunda masih bisa dikejar oleh orang tua,\" kata Kadinkes."})
	}
	if !versionBefore(Version, "1.53.0") {
		// From 1.53.0 "sejumlah" before a noun the sheet counts is a vague amount.
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
			Body: strings.Replace(inputs[0].Body, "melatih 60 relawan", "melatih sejumlah relawan", 1)})
	}
	if !versionBefore(Version, "1.54.0") {
		// From 1.54.0 one item, an interval, the most of a group and a
		// person's own count are no total, and a sentence opening with
		// "Setiap" counts per item.
		per := *brief
		per.Angka = append([]Figure{{Nilai: 96, Satuan: "vaksinator", Keterangan: "dua orang di setiap posyandu"}, {Nilai: 2, Satuan: "hari", Keterangan: "lama pelatihan"}}, brief.Angka...)
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &per, Body: inputs[0].Body +
			"\n\nSetiap posyandu buka pukul 08.00 WIB dan dilayani dua vaksinator. Tiga hari kemudian, satu desa menggelar latihan. Dua desa yang paling siap dilatih lagi."})
	}
	if !versionBefore(Version, "1.55.0") {
		// From 1.55.0 a weekday range pairs with a date range whose months
		// are words.
		for _, days := range []string{"Senin–Sabtu, 27 April–2 Mei 2026", "Senin–Jumat, 27 April–2 Mei 2026"} {
			inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
				Body: strings.Replace(inputs[0].Body, "Rabu (11/3/2026)", days, 1)})
		}
	}
	if !versionBefore(Version, "1.56.0") {
		// From 1.56.0 a body over the practice's range is a peringatan
		// whose cost grows with the excess.
		over := *brief
		over.Ketentuan = &Requirements{BodyWords: [2]int{10, 40}}
		for _, n := range []int{2, 6} {
			inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &over,
				Body: strings.Repeat(inputs[0].Body+"\n\n", n-1) + inputs[0].Body})
		}
	}
	if !versionBefore(Version, "1.57.0") {
		// From 1.57.0 a lead opening with the event's opening done is
		// ceremonial.
		for _, o := range []string{"Setelah dibuka secara resmi oleh camat, ", "Setelah pembukaan secara resmi, "} {
			inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief, Body: strings.Replace(inputs[0].Body, "SUKAMAJU – ", "SUKAMAJU – "+o, 1)})
		}
	}
	if !versionBefore(Version, "1.58.0") {
		// From 1.58.0 "Sukses"/"Berhasil" in a headline is opinion.
		for _, h := range []string{"BPBD Sukamaju Sukses Gelar Latihan 60 Relawan", "BPBD Sukamaju Berhasil Latih 60 Relawan"} {
			inputs = append(inputs, Input{Headline: h, Now: now, Brief: brief, Body: inputs[0].Body})
		}
	}
	if !versionBefore(Version, "1.59.0") {
		// From 1.59.0 a lead opening with "Pada" and a weekday delays the
		// news like "Pada hari".
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
			Body: strings.Replace(strings.Replace(inputs[0].Body, ", Rabu (11/3/2026),", ",", 1), "SUKAMAJU – ", "SUKAMAJU – Pada Rabu (11/3/2026), ", 1)})
	}
	if !versionBefore(Version, "1.60.0") {
		// From 1.60.0 a di- written apart inside a sheet quote is the
		// spelling finding, not an altered quote.
		slip := *brief
		slip.Kutipan = []BriefQuote{{Oleh: "Asep Saepudin", Teks: "Jalur evakuasi harus dilatih, bukan hanya digambar di atas kertas."}}
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &slip, Body: inputs[0].Body +
			"\n\n\"Jalur evakuasi harus dilatih, bukan hanya di gambar diatas kertas,\" kata Asep Saepudin."})
	}
	if !versionBefore(Version, "1.61.0") {
		// From 1.61.0 a bound form written apart is reported.
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief, Body: inputs[0].Body +
			"\n\nPendataan pasca banjir melibatkan relawan non ASN dan kerja sama antar desa."})
	}
	if !versionBefore(Version, "1.62.0") {
		// From 1.62.0 an office of another level of government or with
		// another acting status than the sheet's is a wrong office.
		county := *brief
		county.Siapa = []Person{{Nama: "Asep Saepudin", Jabatan: "Kepala Pelaksana BPBD Kabupaten Sukamaju"}}
		for _, o := range []string{"Kepala Pelaksana BPBD Provinsi Jawa Barat", "Plt. Kepala Pelaksana BPBD Kabupaten Sukamaju"} {
			inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &county,
				Body: strings.Replace(inputs[0].Body, "Kepala Pelaksana BPBD Sukamaju", o, 1)})
		}
	}
	if !versionBefore(Version, "1.63.0") {
		// From 1.63.0 a classifier between a count and its noun ("dua unit
		// relawan", "sebanyak dua puluh buah") counts that noun.
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
			Body: strings.Replace(inputs[0].Body, "melatih 60 relawan dari 20 desa", "melatih enam puluh orang relawan dari lima belas buah desa", 1)})
	}
	if !versionBefore(Version, "1.64.0") {
		// From 1.64.0 a round word whose range leaves out the figure it
		// counts contradicts it, though it holds another figure's value.
		rate := *brief
		rate.Angka = []Figure{{Nilai: 5, Satuan: "orang", Keterangan: "utusan dari setiap desa"}, {Nilai: 18, Satuan: "desa"}}
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &rate,
			Body: inputs[0].Body + "\n\nPeserta datang dari 18 desa, belasan orang dari setiap desa."})
	}
	if !versionBefore(Version, "1.65.0") {
		// From 1.65.0 the sheet's number written for another group of
		// residents or moved to another time is reported.
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
			Body: strings.Replace(inputs[0].Body, "melatih 60 relawan dari 20 desa", "melatih 60 lansia dari 20 desa", 1) + "\n\nPada 2025, relawan datang dari 20 desa."})
	}
	if !versionBefore(Version, "1.66.0") {
		// From 1.66.0 a requirement of the sheet's service written with
		// another item is a kesalahan, an item asked besides a peringatan.
		service := *brief
		service.Bagaimana = "Warga cukup membawa kartu keluarga (KK) asli atau fotokopinya."
		for _, r := range []string{"Warga wajib membawa akta kelahiran asli.", "Warga cukup membawa KK dan surat pengantar RT.", "Warga cukup membawa fotokopi kartu keluarga."} {
			inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &service, Body: inputs[0].Body + "\n\n" + r})
		}
	}
	if !versionBefore(Version, "1.67.0") {
		// From 1.67.0 a wrong figure in more than two words draws one fix.
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
			Body: strings.Replace(inputs[0].Body, "melatih 60 relawan", "melatih seratus dua puluh lima relawan", 1)})
	}
	if !versionBefore(Version, "1.68.0") {
		// From 1.68.0 the sheet's total written per item is reported.
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
			Body: strings.Replace(inputs[0].Body, "melatih 60 relawan dari 20 desa", "melatih 60 relawan dari setiap desa", 1)})
	}
	if !versionBefore(Version, "1.69.0") {
		// From 1.69.0 a figure in another unit of the same kind converts
		// to the sheet's unit before it is compared.
		dist := *brief
		dist.Angka = []Figure{{Nilai: 42, Satuan: "kilometer"}, {Nilai: 2, Satuan: "hari", Keterangan: "lama pelatihan"}}
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &dist,
			Body: inputs[0].Body + "\n\nJarak desa terjauh 42 meter, atau 42.000 meter. Pelatihan berlangsung dua jam."})
	}
	if !versionBefore(Version, "1.70.0") {
		// From 1.70.0 "di himbau" has the one fix "diimbau", and a hyphen
		// after di- is read by the base.
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief, Body: inputs[0].Body +
			"\n\nRelawan di himbau hadir. Daftar hadir di-catat, discreenshot, lalu diupload panitia."})
	}
	if !versionBefore(Version, "1.71.0") {
		// From 1.71.0 times, ranges, a number opening a sentence, "segera",
		// a relative "di mana", a formal closing and an emphatic degree.
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief, Body: inputs[0].Body +
			"\n\nPelatihan berlangsung pukul 08:00-12.00 WIB, Senin-Rabu, 11-13 Maret. 60 relawan hadir di aula di mana BPBD berkantor. Pelatihan serupa akan segera dibuka. Relawan benar-benar siap. Kegiatan ditutup secara resmi oleh Bupati."})
	}
	if !versionBefore(Version, "1.72.0") {
		// From 1.72.0 an office in lower case before a name takes capitals
		// and names an official.
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
			Body: strings.Replace(inputs[0].Body, "kata Kepala Pelaksana BPBD Sukamaju, Asep Saepudin.", "kata kepala pelaksana dr. Asep Saepudin.", 1)})
	}
	if !versionBefore(Version, "1.73.0") {
		// From 1.73.0 a number after its area code or a word of calling is a
		// phone, a noun with its owner after a split di- is a place, a lead
		// opening with a marked moment and a greeting line are ceremony.
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
			Body: strings.Replace(inputs[0].Body, "SUKAMAJU – ", "SUKAMAJU – Ditandai dengan pemukulan gong, ", 1) +
				"\n\nRelawan yang biasa menelepon (0265) 123456 menyimpan nomor itu di telepon masing-masing.\n\nSalam sehat!"})
	}
	if !versionBefore(Version, "1.74.0") {
		// From 1.74.0 a sheet's warning that officials never ask for a
		// password is practical information a service release must carry.
		otp := *brief
		otp.Bagaimana = "Warga mengirim pesan ke nomor 0812-0000-5678. Admin tidak akan pernah meminta kata sandi atau kode OTP."
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &otp,
			Body: inputs[0].Body + "\n\nWarga dapat mengirim pesan ke nomor 0812-0000-5678."})
	}
	if !versionBefore(Version, "1.75.0") {
		// From 1.75.0 an office followed by its holder's name without a
		// comma names an official; the writer speaking for the office is
		// opinion; a practice's lead "hari ini" beside a later date is a
		// vague time.
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
			Body: strings.Replace(inputs[0].Body, "Kepala Pelaksana BPBD Sukamaju, Asep Saepudin", "Kepala Pelaksana BPBD Kabupaten Sukamaju Asep Saepudin", 1)},
			Input{Headline: inputs[0].Headline, Now: now, Brief: brief, Body: inputs[0].Body +
				"\n\nHal ini membuktikan keseriusan pemerintah daerah. Semoga kegiatan ini bermanfaat. Antusiasme warga terlihat sejak pagi."},
			Input{Headline: inputs[0].Headline, Now: now, Brief: brief, Body: strings.Replace(inputs[0].Body, ", Rabu (11/3/2026),", " hari ini", 1) +
				"\n\nPelatihan berlangsung Rabu (11/3/2026)."})
	}
	if !versionBefore(Version, "1.77.0") {
		// From 1.77.0 a headline's figures are read without its title-case
		// capitals, and the rest of a sheet figure is no new figure.
		inputs = append(inputs, Input{Headline: "50 Relawan Tanggap Banjir Desa Ikuti Pelatihan BPBD", Now: now, Brief: brief,
			Body: inputs[0].Body + "\n\nPeserta datang dari Desa Cijambu dan 19 desa lain."})
	}
	if !versionBefore(Version, "1.78.0") {
		// From 1.78.0 a fraction of a figure is compared with the sheet's
		// part of it.
		parted := *brief
		parted.Angka = []Figure{{Nilai: 60, Satuan: "relawan"}, {Nilai: 12, Satuan: "perempuan", Keterangan: "bagian dari 60 relawan"}}
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &parted,
			Body: inputs[0].Body + "\n\nSebanyak 60 relawan ikut berlatih. Separuh di antaranya adalah perempuan."})
	}
	if !versionBefore(Version, "1.79.0") {
		// From 1.79.0 an office over another body of the sheet's kind, a
		// regency that is not the sheet's and a source first named without
		// office or full name are reported.
		county := *brief
		county.Siapa = []Person{{Nama: "Asep Saepudin", Jabatan: "Kepala Pelaksana BPBD Kabupaten Sukamaju"}, {Nama: "Dedi Kurniawan", Jabatan: "Ketua Tim Siaga Bencana Desa Cijambu"}}
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &county,
			Body: strings.Replace(inputs[0].Body, "Kabupaten Sukamaju melatih", "Kota Sukamaju melatih", 1) +
				"\n\nKetua Tim Siaga Banjir Desa Cijambu, Dedi Kurniawan, ikut berlatih. Dedi menambahkan, relawan Kabupaten Sukasari juga datang."},
			Input{Headline: inputs[0].Headline, Now: now, Brief: &county,
				Body: strings.Replace(inputs[0].Body, "kata Kepala Pelaksana BPBD Sukamaju, Asep Saepudin.", "kata Asep.", 1)})
	}
	if !versionBefore(Version, "1.80.0") {
		// From 1.80.0 an impossible numeric date names itself, relative
		// adverbs ("nantinya", "baru saja") are vague times.
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
			Body: strings.Replace(inputs[0].Body, ", Rabu (11/3/2026),", ", Rabu (11/13/2026),", 1) +
				"\n\nNantinya, petugas yang baru saja dilatih mendatangi desa lain dalam beberapa hari ke depan."})
	}
	if !versionBefore(Version, "1.81.0") {
		// From 1.81.0 a quotation over two paragraphs takes the attribution
		// of either, and a quote paragraph after an attributed one is a saran.
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
			Body: inputs[0].Body + "\n\nAsep mengatakan, \"Relawan dilatih dua hari.\n\n\"Mereka siap menolong warga.\""},
			Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
				Body: inputs[0].Body + "\n\n\"Mereka siap menolong warga.\""})
	}
	if !versionBefore(Version, "1.82.0") {
		// From 1.82.0 a community role of another body is another office, a
		// quote's speaker misspelt is a name error, and a speaker named in
		// the next paragraph is not the quote's.
		said := *brief
		said.Siapa = []Person{brief.Siapa[0], {Nama: "Dedi Kurniawan", Jabatan: "Ketua Tim Siaga Bencana Desa Cijambu"}}
		said.Kutipan = []BriefQuote{{Oleh: "Asep Saepudin", Teks: "Relawan desa adalah orang pertama yang berada di lokasi."}}
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &said,
			Body: inputs[0].Body + "\n\nKetua RT di Desa Cijambu, Dedi Kurniawan, ikut berlatih. \"Relawan desa adalah orang pertama yang berada di lokasi,\" kata Asap."})
	}
	if !versionBefore(Version, "1.83.0") {
		// From 1.83.0 a phone number not in the sheet says so, a practice
		// release without any quote draws one finding, and "imunisasi
		// kejar" is the service's format.
		phoned := *brief
		phoned.Bagaimana = "Warga mengirim pesan ke nomor 0812-0000-5678."
		ruled := *brief
		ruled.Ketentuan = &Requirements{AttributedQuotes: 2}
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &phoned,
			Body: inputs[0].Body + "\n\nWarga dapat mengirim pesan ke nomor 0812-0000-5678 atau menelepon (0265) 123456."},
			Input{Headline: inputs[0].Headline, Now: now, Brief: &ruled,
				Body: "SUKAMAJU – BPBD Kabupaten Sukamaju melatih 60 relawan dari 20 desa di Aula BPBD Sukamaju, Rabu (11/3/2026), dalam pekan imunisasi kejar."})
	}
	if !versionBefore(Version, "1.84.0") {
		// From 1.84.0: the crowd's mood, slogans and degrees as opinion, kata
		// ulang, the body's exclamation mark, an actor-only headline, thanks
		// to God opening the lead, the connector's comma, common-noun capitals.
		inputs = append(inputs, Input{Headline: "Pemkab Sukamaju Terus Tingkatkan Pelayanan kepada Masyarakat", Now: now, Brief: brief,
			Body: strings.Replace(inputs[0].Body, "SUKAMAJU – ", "SUKAMAJU – Dengan mengucap puji syukur, ", 1) +
				"\n\nPara peserta tampak senang. Tak heran, desa desa rawan banjir selalu hadir untuk rakyat. Layanan ini sangat praktis. Ayo, ikut berlatih! Namun peserta dicek oleh para Kepala Desa di sepanjang Sungai itu."})
	}
	if !versionBefore(Version, "1.85.0") {
		// From 1.85.0 a river that is not the sheet's is a wrong place.
		river := *brief
		river.Mengapa = "Desa di sepanjang Sungai Cibeureum rawan banjir."
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: &river,
			Body: inputs[0].Body + "\n\nDesa di sepanjang Sungai Citarum rawan banjir."})
	}
	if !versionBefore(Version, "1.86.0") {
		// From 1.86.0 a share said as one in N is no count of N.
		inputs = append(inputs, Input{Headline: inputs[0].Headline, Now: now, Brief: brief,
			Body: inputs[0].Body + "\n\nKira-kira satu dari empat warga desa itu tinggal di tepi sungai."})
	}
	var all []Report
	for _, in := range inputs {
		all = append(all, Grade(in))
	}
	b, err := json.Marshal(all)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	got := hex.EncodeToString(sum[:8])
	want, known := behaviourHash[Version]
	if !known || want != got {
		t.Fatalf("grader behaviour for Version %q hashes to %s (pinned: %q). If a rule or threshold changed on purpose, raise Version and pin the new hash here.", Version, got, want)
	}
}

// versionBefore reports whether grader version v is older than w; both are
// "major.minor.patch".
func versionBefore(v, w string) bool {
	var a, b [3]int
	fmt.Sscanf(v, "%d.%d.%d", &a[0], &a[1], &a[2])
	fmt.Sscanf(w, "%d.%d.%d", &b[0], &b[1], &b[2])
	for k := range a {
		if a[k] != b[k] {
			return a[k] < b[k]
		}
	}
	return false
}
