package grading

import (
	"strings"
	"testing"
)

// Offices, regions and first mentions that grader 1.76.0 let through (the
// QA adversary's "Offices" list): another office of the sheet person's own
// body (Sekretaris, Kepala Bidang …), the head of another body of the same
// kind (Kepala Dinas Sosial, Kader Posyandu Mawar), a regency or city that
// is not the sheet's, and a source first named without office or full name.

var bodyOfficeMutations = []officeMutation{
	{name: "the secretary of the sheet's dinas for its head", rule: "jabatan-bertentangan", sev: SevKesalahan, msg: "adalah Kepala Dinas", edits: map[string][]edit{
		pImun:  {{"Kepala Dinas Kesehatan Kabupaten Sukamaju, dr. Rahmat", "Sekretaris Dinas Kesehatan Kabupaten Sukamaju, dr. Rahmat", "Sekretaris Dinas Kesehatan"}},
		pKTP:   {{"Kepala Di", "Sekretaris Di", "Sekretaris Di"}},
		pAduan: {{"Kepala Dinas Komunikasi dan Informatika Kabupaten Sukamaju, Siti", "Sekretaris Dinas Komunikasi dan Informatika Kabupaten Sukamaju, Siti", "Sekretaris Dinas"}},
	}},
	{name: "a head of a division of the sheet's body, a long office", rule: "jabatan-bertentangan", sev: SevKesalahan, msg: "adalah Kepala", edits: map[string][]edit{
		pImun:   {{"Kepala Dinas Kesehatan Kabupaten Sukamaju, dr. Rahmat", "Kepala Bidang Pencegahan dan Pengendalian Penyakit Dinas Kesehatan Kabupaten Sukamaju, dr. Rahmat", "Kepala Bidang Pencegahan"}},
		pKTP:    {{"Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sukamaju, Rina", "Kepala Bidang Pelayanan Pendaftaran Penduduk Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sukamaju, Rina", "Kepala Bidang Pelayanan"}},
		pAduan:  {{"Kepala Dinas Komunikasi dan Informatika Kabupaten Sukamaju, Siti", "Kepala Bidang Informasi dan Komunikasi Publik Dinas Komunikasi dan Informatika Kabupaten Sukamaju, Siti", "Kepala Bidang Informasi"}},
		pBanjir: {{"Kepala Pelaksana BPBD Kabupaten Sukamaju, Asep", "Kepala Bidang Kedaruratan dan Logistik BPBD Kabupaten Sukamaju, Asep", "Kepala Bidang Kedaruratan"}},
	}},
	{name: "the head of another dinas", rule: "jabatan-bertentangan", sev: SevKesalahan, msg: "adalah Kepala", edits: map[string][]edit{
		pImun: {{"Kepala Dinas Kesehatan Kabupaten Sukamaju, dr. Rahmat", "Kepala Dinas Sosial Kabupaten Sukamaju, dr. Rahmat", "Kepala Dinas Sosial"}},
		// The first edit only names the passage; one of the others applies.
		pKTP: {{"Kabupaten Sukamaju, Rina", "Kabupaten Sukamaju, Rina", "Kepala Dinas Sosial"},
			{"Kepala Disdukcapil Kabupaten Sukamaju, Rina", "Kepala Dinas Sosial Kabupaten Sukamaju, Rina", optional},
			{"Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sukamaju, Rina", "Kepala Dinas Sosial Kabupaten Sukamaju, Rina", optional}},
		pAduan:  {{"Kepala Dinas Komunikasi dan Informatika Kabupaten Sukamaju, Siti", "Kepala Dinas Pendidikan Kabupaten Sukamaju, Siti", "Kepala Dinas Pendidikan"}},
		pBanjir: {{"Kepala Pelaksana BPBD Kabupaten Sukamaju, Asep", "Kepala Dinas Sosial Kabupaten Sukamaju, Asep", "Kepala Dinas Sosial"}},
	}},
	{name: "the head of another dinas, short", rule: "jabatan-bertentangan", sev: SevKesalahan, msg: "adalah Kepala", edits: map[string][]edit{
		pImun:  {{"Kepala Dinas Kesehatan Kabupaten Sukamaju, dr. Rahmat", "Kepala Dinsos Kabupaten Sukamaju, dr. Rahmat", "Kepala Dinsos"}},
		pAduan: {{"Kepala Dinas Komunikasi dan Informatika Kabupaten Sukamaju, Siti", "Kepala Dinas PUPR Kabupaten Sukamaju, Siti", "Kepala Dinas PUPR"}},
	}},
	{name: "the head of another dinas after the name", rule: "jabatan-bertentangan", sev: SevKesalahan, msg: "adalah Kepala Dinas Kesehatan", edits: map[string][]edit{
		pImun: {{"kata Kepala Dinas Kesehatan Kabupaten Sukamaju, dr. Rahmat Hidayat.", "kata dr. Rahmat Hidayat selaku Kepala Dinas Sosial Kabupaten Sukamaju.", "Kepala Dinas Sosial"}},
	}},
	{name: "another office in lower case before the name", rule: "jabatan-bertentangan", sev: SevKesalahan, msg: "adalah Kepala Dinas Kesehatan", edits: map[string][]edit{
		pImun: {{"kata Kepala Dinas Kesehatan Kabupaten Sukamaju, dr. Rahmat Hidayat.", "kata sekretaris dinas kesehatan dr. Rahmat Hidayat.", "sekretaris dinas kesehatan"}},
	}},
	{name: "the head of another team of the same kind", rule: "jabatan-bertentangan", sev: SevKesalahan, msg: "Ketua Tim Siaga Bencana Desa Cijambu", edits: map[string][]edit{
		pBanjir: {{"Ketua Tim Siaga Bencana Desa Cijambu, Dedi", "Ketua Tim Siaga Banjir Desa Cijambu, Dedi", "Ketua Tim Siaga Banjir"}},
	}},
	{name: "a role of another posyandu", rule: "jabatan-bertentangan", sev: SevKesalahan, msg: "Kader Posyandu Melati", edits: map[string][]edit{
		pImun: {{"Kader Posyandu Melati, Desa Sukasari, Euis", "Kader Posyandu Mawar, Desa Sukasari, Euis", "Kader Posyandu Mawar"}},
	}},
	{name: "a role of another posyandu, its village left out", rule: "jabatan-bertentangan", sev: SevKesalahan, msg: "Kader Posyandu Melati", edits: map[string][]edit{
		pImun: {{"Kader Posyandu Melati, Desa Sukasari, Euis", "Kader Posyandu Mawar, Euis", "Kader Posyandu Mawar"}},
	}},
	{name: "a role of another posyandu after the name", rule: "jabatan-bertentangan", sev: SevKesalahan, msg: "Kader Posyandu Melati", edits: map[string][]edit{
		pImun: {{"Kader Posyandu Melati, Desa Sukasari, Euis Komalasari,", "Euis Komalasari, kader Posyandu Mawar,", "kader Posyandu Mawar"}},
	}},
	{name: "another regency for the sheet's agency", rule: "tempat-bertentangan", sev: SevKesalahan, msg: "Kabupaten Sukamaju", edits: map[string][]edit{
		pImun:   {{"Kabupaten Sukamaju membuka pekan", "Kabupaten Sukasari membuka pekan", "Kabupaten Sukasari"}},
		pKTP:    {{"Kabupaten Sukamaju membuka layanan", "Kabupaten Sukasari membuka layanan", "Kabupaten Sukasari"}},
		pBanjir: {{"Kabupaten Sukamaju melatih", "Kabupaten Cikadu melatih", "Kabupaten Cikadu"}},
		pAduan:  {{"akun media sosial Pemkab Sukamaju", "akun media sosial Pemkab Sukasari", "Pemkab Sukasari"}},
	}},
	{name: "a regency's name the sheet never uses, in the lead", rule: "tempat-bertentangan", sev: SevKesalahan, msg: "Kabupaten Sukamaju", edits: map[string][]edit{
		pKTP: {{"Kabupaten Sukamaju membuka layanan", "Kab. Sukamulya membuka layanan", "Kab. Sukamulya"}},
	}},
	{name: "the sheet's regency written as a city", rule: "tempat-bertentangan", sev: SevKesalahan, msg: "Kabupaten Sukamaju", edits: map[string][]edit{
		pImun:   {{"Kabupaten Sukamaju membuka pekan", "Kota Sukamaju membuka pekan", "Kota Sukamaju"}},
		pKTP:    {{"Kabupaten Sukamaju membuka layanan", "Kota Sukamaju membuka layanan", "Kota Sukamaju"}},
		pBanjir: {{"Kabupaten Sukamaju melatih", "Kota Sukamaju melatih", "Kota Sukamaju"}},
		pAduan:  {{"akun media sosial Pemkab Sukamaju", "akun media sosial Pemkot Sukamaju", "Pemkot Sukamaju"}},
	}},
	{name: "a source first named by the short name alone", rule: "narasumber-tanpa-identitas", sev: SevPeringatan, msg: "jabatan dan nama lengkap", edits: map[string][]edit{
		pBanjir: {{"kata Kepala Pelaksana BPBD Kabupaten Sukamaju, Asep Saepudin.", "kata Asep.", "Asep"}},
		pImun:   {{"Kader Posyandu Melati, Desa Sukasari, Euis Komalasari, me", "Euis me", "Euis"}},
	}},
	{name: "a source first named by the short name alone, before the quote", rule: "narasumber-tanpa-identitas", sev: SevPeringatan, msg: "jabatan dan nama lengkap", edits: map[string][]edit{
		pBanjir: {{"Kepala Pelaksana BPBD Kabupaten Sukamaju, Asep Saepudin, menekankan", "Asep menekankan", "Asep"}},
	}},
	{name: "a source first named without the office", rule: "narasumber-tanpa-identitas", sev: SevPeringatan, msg: "belum memuat jabatan narasumber", edits: map[string][]edit{
		pKTP:   {{"Camat Cikadu, Asep Saepulloh, me", "Asep Saepulloh me", "Asep Saepulloh"}},
		pAduan: {{"Kepala Dinas Komunikasi dan Informatika Kabupaten Sukamaju, Siti Nurhalimah, me", "Siti Nurhalimah me", "Siti Nurhalimah"}},
	}},
	{name: "a source first named without the full name", rule: "narasumber-tanpa-identitas", sev: SevPeringatan, msg: "nama lengkap", edits: map[string][]edit{
		pKTP:    {{"Camat Cikadu, Asep Saepulloh,", "Camat Cikadu, Asep,", "Asep"}},
		pImun:   {{"Kader Posyandu Melati, Desa Sukasari, Euis Komalasari,", "Kader Posyandu Melati, Desa Sukasari, Euis,", "Euis"}},
		pBanjir: {{"Ketua Tim Siaga Bencana Desa Cijambu, Dedi Kurniawan,", "Ketua Tim Siaga Bencana Desa Cijambu, Dedi,", "Dedi"}},
	}},
	{name: "a source named by the short name before the introduction", rule: "narasumber-tanpa-identitas", sev: SevPeringatan, msg: "Siti Nurhalimah", edits: map[string][]edit{
		pAduan: {{"Kanal aduan ini sudah tersambung dengan 42 OPD.", "Menurut Siti, kanal aduan ini sudah tersambung dengan 42 OPD.", "Siti"}},
	}},
	{name: "a source named only by the office", rule: "narasumber-tanpa-identitas", sev: SevPeringatan, msg: "disebut tanpa nama", edits: map[string][]edit{
		pImun: {{"Kepala Dinas Kesehatan Kabupaten Sukamaju, dr. Rahmat Hidayat, meminta", "Kepala Dinas meminta", "Kepala Dinas"}, {"kata Rahmat.", "katanya.", ""}},
		pKTP:  {{"Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sukamaju, Rina Marlinawati, mengatakan", "Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sukamaju mengatakan", "Kepala Dinas Kependudukan"}, {"kata Rina.", "katanya.", ""}},
	}},
}

// bodyOfficeNearForms are correct ways to write what the mutations above
// break.
var bodyOfficeNearForms = map[string][]officeNearForm{
	pImun: {
		{nil, []edit{{"Kepala Dinas Kesehatan Kabupaten Sukamaju, dr. Rahmat", "Kepala Dinkes Kabupaten Sukamaju, dr. Rahmat", ""}}},
		{nil, []edit{{"Kader Posyandu Melati, Desa Sukasari, Euis", "Kader Posyandu Melati Desa Sukasari Euis", ""}}},
		{nil, []edit{{"Kader Posyandu Melati, Desa Sukasari, Euis", "Kader Posyandu Melati, Euis", ""}}},
		{nil, []edit{{"Kader Posyandu Melati, Desa Sukasari, Euis Komalasari,", "Euis Komalasari, kader Posyandu Melati di Desa Sukasari,", ""}}},
		{nil, []edit{{"Kader Posyandu Melati, Desa Sukasari, Euis Komalasari,", "Euis Komalasari, kader Posyandu Melati, Desa Sukasari,", ""}}},
		{nil, []edit{{"Kabupaten Sukamaju membuka pekan", "Kabupaten Sukamaju, Provinsi Jawa Barat, membuka pekan", ""}}},
	},
	pKTP: {
		{nil, []edit{{"Kepala Disdukcapil Kabupaten Sukamaju, Rina", "Kepala Dinas Dukcapil Kabupaten Sukamaju, Rina", ""}}},
		{nil, []edit{{"Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sukamaju, Rina", "Kepala Dinas Dukcapil Kabupaten Sukamaju, Rina", ""}}},
		{nil, []edit{{"Kabupaten Sukamaju membuka layanan", "Kab. Sukamaju membuka layanan", ""}}},
		{nil, []edit{{"Camat Cikadu, Asep Saepulloh,", "Camat Cikadu Asep Saepulloh", ""}}},
	},
	pAduan: {
		{nil, []edit{{"Kepala Dinas Komunikasi dan Informatika Kabupaten Sukamaju, Siti", "Kepala Dinas Kominfo Kabupaten Sukamaju, Siti", ""}}},
		{nil, []edit{{"Kepala Dinas Komunikasi dan Informatika Kabupaten Sukamaju, Siti", "Kepala Diskominfo Kabupaten Sukamaju, Siti", ""}}},
		{nil, []edit{{"akun media sosial Pemkab Sukamaju", "akun media sosial Pemerintah Kabupaten Sukamaju", ""}}},
		// The office in the lead, the full introduction at the quote.
		{nil, []edit{{"Bupati Sukamaju, H. Dadang Kurnia, meluncurkan", "Bupati Sukamaju meluncurkan", ""}, {"kata Dadang.", "kata Bupati Sukamaju, H. Dadang Kurnia.", ""}}},
		{nil, []edit{{"Kepala Dinas Komunikasi dan Informatika Kabupaten Sukamaju, Siti Nurhalimah, me", "Siti Nurhalimah, Kepala Dinas Komunikasi dan Informatika Kabupaten Sukamaju, me", ""}}},
	},
	pBanjir: {
		{nil, []edit{{"Kepala Pelaksana BPBD Kabupaten Sukamaju, Asep", "Kepala Pelaksana Badan Penanggulangan Bencana Daerah Kabupaten Sukamaju, Asep", ""}}},
		{nil, []edit{{"Kepala Pelaksana BPBD Kabupaten Sukamaju, Asep Saepudin, menekankan", "Asep Saepudin selaku Kepala Pelaksana BPBD Kabupaten Sukamaju menekankan", ""}}},
		{nil, []edit{{"Ketua Tim Siaga Bencana Desa Cijambu, Dedi Kurniawan,", "Ketua Tim Siaga Bencana Desa Cijambu Dedi Kurniawan", ""}}},
		// A later short mention after the full one.
		{nil, []edit{{"ujar Dedi.", "ujar Dedi. Dedi menambahkan, timnya akan melatih warga lain.", ""}}},
	},
}

func TestBodyOfficeMutations(t *testing.T) { runOfficeMutations(t, bodyOfficeMutations) }

func TestBodyOfficeNearForms(t *testing.T) { runOfficeNearForms(t, bodyOfficeNearForms) }

// TestRegionBesideEvent: a region named beside the event ("warga Kabupaten
// Garut") is a fact outside the sheet, a peringatan, not a contradiction.
func TestRegionBesideEvent(t *testing.T) {
	p := loadPractices(t)[pKTP]
	for _, dir := range []string{"sound", "sound2"} {
		h, b := releaseFile(t, dir, pKTP)
		mh, mb, ok := applyEdits(h, b, []edit{{"Warga lanjut usia dan", "Sebagian warga bekerja di Kabupaten Garut. Warga lanjut usia dan", ""}})
		if !ok {
			t.Fatalf("%s: edit does not apply", dir)
		}
		in := p.input(mh, mb)
		found := false
		for _, f := range Grade(in).Findings {
			if strings.Contains(f.Passage(in.Headline, in.Body), "Garut") {
				found = true
				if f.Severity != SevPeringatan || f.Rule != "fakta-di-luar-lembar" {
					t.Errorf("%s: %s %s on %q, want fakta-di-luar-lembar peringatan", dir, f.Rule, f.Severity, f.Passage(in.Headline, in.Body))
				}
			}
		}
		if !found {
			t.Errorf("%s: Kabupaten Garut drew nothing", dir)
		}
	}
}

// TestOfficeBodies checks the body an office serves against the sheet's.
func TestOfficeBodies(t *testing.T) {
	for _, c := range []struct {
		got, sheet string
		other      bool
	}{
		{"Kepala Dinas Sosial Kabupaten Sukamaju", "Kepala Dinas Kesehatan Kabupaten Sukamaju", true},
		{"Kepala Dinsos", "Kepala Dinas Kesehatan Kabupaten Sukamaju", true},
		{"Kepala Dinkes Kabupaten Sukamaju", "Kepala Dinas Kesehatan Kabupaten Sukamaju", false},
		{"Kepala Dinas Kesehatan Sukamaju", "Kepala Dinas Kesehatan Kabupaten Sukamaju", false},
		{"Kepala Disdukcapil", "Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sukamaju", false},
		{"Kepala Dinas Dukcapil", "Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sukamaju", false},
		{"Kepala Dinas Perhubungan", "Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sukamaju", true},
		{"Kepala Dinas Kominfo", "Kepala Dinas Komunikasi dan Informatika Kabupaten Sukamaju", false},
		{"Kepala Dinas PUPR", "Kepala Dinas Komunikasi dan Informatika Kabupaten Sukamaju", true},
		{"Kepala Pelaksana Badan Penanggulangan Bencana Daerah", "Kepala Pelaksana BPBD Kabupaten Sukamaju", false},
		{"Kader Posyandu Mawar", "Kader Posyandu Melati, Desa Sukasari", true},
		{"Kader Posyandu Melati", "Kader Posyandu Melati, Desa Sukasari", false},
		{"Ketua Tim Siaga Banjir Desa Cijambu", "Ketua Tim Siaga Bencana Desa Cijambu", true},
		{"Kepala Puskesmas Cikadu", "Kepala Dinas Kesehatan Kabupaten Sukamaju", false}, // another kind: roleDiffers'
		{"Camat Cikadu", "Camat Cikadu", false},
	} {
		if got := otherBody(tokenize(c.got, len([]rune(c.got))), c.sheet); got != c.other {
			t.Errorf("otherBody(%q, %q) = %v, want %v", c.got, c.sheet, got, c.other)
		}
	}
}

// The QA adversary's office and attribution items of this session (O3,
// O6, O8 and the office said in the name's sentence).
var qaOfficeMutations = []officeMutation{
	{name: "a community role of another body", rule: "jabatan-bertentangan", sev: SevKesalahan, msg: "Ketua Tim Siaga Bencana", edits: map[string][]edit{
		pBanjir: {{"Ketua Tim Siaga Bencana Desa Cijambu, Dedi", "Ketua RT di Desa Cijambu, Dedi", "Ketua RT di Desa Cijambu"}},
	}},
	{name: "another river than the sheet's", rule: "tempat-bertentangan", sev: SevKesalahan, msg: "Sungai Cibeureum", edits: map[string][]edit{
		pBanjir: {{"di sepanjang Sungai Cibeureum", "di sepanjang Sungai Citarum", "Sungai Citarum"}},
	}},
	{name: "the quoted speaker's short name misspelt", rule: "nama-bertentangan", sev: SevKesalahan, msg: "Rina Marlinawati", edits: map[string][]edit{
		pKTP: {{"kata Rina.", "kata Rini.", "Rini"}},
	}},
	{name: "the quoted speaker's short name misspelt, a long name", rule: "nama-bertentangan", sev: SevKesalahan, msg: "Rahmat Hidayat", edits: map[string][]edit{
		pImun: {{"kata Rahmat.", "kata Rohmat.", "Rohmat"}},
	}},
}

var qaOfficeNearForms = map[string][]officeNearForm{
	// The office of a sheet person attributes the quote: "kata Bupati".
	pAduan: {{nil, []edit{{"kata Dadang.", "kata Bupati.", ""}}}},
	// Another river beside the sheet's, not where the sheet writes its own.
	pBanjir: {{nil, []edit{{"Cibeureum,", "Cibeureum, yang bermuara di Sungai Citanduy,", ""}}}},
	pKTP: {
		// The office said in the sentence that first names him.
		{nil, []edit{{"Camat Cikadu, Asep Saepulloh, me", "Asep Saepulloh adalah Camat Cikadu. Ia me", ""}}},
	},
}

func TestQAOfficeMutations(t *testing.T) { runOfficeMutations(t, qaOfficeMutations) }

func TestQAOfficeNearForms(t *testing.T) { runOfficeNearForms(t, qaOfficeNearForms) }

// TestMisspeltSpeakerOnce: a misspelt speaker's name is one finding, the
// name's, not also a quote put in another's mouth.
func TestMisspeltSpeakerOnce(t *testing.T) {
	p := loadPractices(t)[pImun]
	h, b := releaseFile(t, "sound2", pImun)
	mh, mb, ok := applyEdits(h, b, []edit{{"kata Rahmat.", "kata Rohmat.", ""}})
	if !ok {
		t.Fatal("edit does not apply")
	}
	in := p.input(mh, mb)
	n := 0
	for _, f := range Grade(in).Findings {
		if SeverityRank(f.Severity) > SeverityRank(SevSaran) {
			n++
			if f.Rule != "nama-bertentangan" {
				t.Errorf("%s %s on %q: %s", f.Rule, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d findings above saran, want 1", n)
	}
}
