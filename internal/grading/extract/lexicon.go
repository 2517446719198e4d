package extract

import "strings"

// Lexicons are generic Indonesian vocabulary: titles, honorifics, heads of
// organisation and place names, province and country names, function words.
// They are written as space-separated lists and loaded into maps once.

func wordSet(lists ...string) map[string]bool {
	m := make(map[string]bool)
	for _, l := range lists {
		for _, w := range strings.Fields(l) {
			m[w] = true
		}
	}
	return m
}

// phraseSet maps the first word of each multi-word phrase to the remaining
// words of every phrase that starts with it; phrases are separated by commas.
func phraseSet(list string) map[string][][]string {
	m := make(map[string][][]string)
	for _, p := range strings.Split(list, ",") {
		ws := strings.Fields(strings.ToLower(p))
		if len(ws) == 0 {
			continue
		}
		m[ws[0]] = append(m[ws[0]], ws[1:])
	}
	return m
}

// titleWords are positions and ranks that stand before a name.
var titleWords = wordSet(`
presiden wapres wakil menteri menko mendagri menkes menlu menhan menkeu menag mendikbud
mendikbudristek menpora menparekraf mensos menaker menhub mentan menkominfo menkumham
menpan-rb menpan menteri-menteri menkopolhukam menkopolkam menkokesra menko-pmk menkeu
gubernur wagub bupati wabup walikota wali wawali camat lurah kades sekdes sekda sekjen
sekretaris direktur dirut direksi manajer ketua ketum waketum anggota rektor dekan kajari
kajati kejari jaksa hakim koordinator kasubag kasubbag kabag kabid kasi kasie kasat kadis
kaban kadinkes kalak kaur kadus kapolri kapolda kapolres kapolresta kapolrestabes kapolsek
kasatreskrim kasatlantas kasatpolpp kasatpol kabareskrim kapuspen kadiv kasubdit dirlantas
dirreskrimum dirreskrimsus dandim danrem pangdam danramil danlanud danyon danlantamal
panglima kasad kasal kasau jenderal letjen mayjen brigjen kolonel kol letkol mayor kapten
lettu letda serma serka sertu serda praka pratu kopda kopka bripka brigadir briptu bripda
aipda aiptu ipda iptu akp akbp kompol kombes irjen komjen laksamana laksda laksma marsekal
marsma marsda plt plh pj pjs penjabat pelaksana asisten deputi kabiro karo inspektur
perdana raja ratu sultan pangeran paus uskup kardinal ustaz ustadz kiai kyai pendeta pastor
romo bhikkhu juru jubir pelatih pengamat peneliti dosen guru komisaris ceo presdir pendiri
bendahara dubes duta konsul senator legislator kepala kades kapus kasudin wamen wakapolri
wakapolda wakapolres wakasat kanit kapolsek wadir dirjen sesditjen sesjen irjen kakanwil
kakankemenag kakan kabalai kaperwil ketua-ketua mantan eks calon almarhum almarhumah
`)

// jurisdictionTitles take a region name right after them ("Bupati Pandeglang").
var jurisdictionTitles = wordSet(`gubernur wagub bupati wabup walikota wali wawali camat lurah
kades kapolres kapolresta kapolda kapolsek dandim danrem kajari kajati sekda kadis kalak kaban`)

// honorifics stand before a personal name ("H.", "dr.", "Tb", "KH", "Ny.").
var honorifics = wordSet(`h hj dr drg ir prof drs dra kh tb ny nyonya tuan bapak pak ibu bu sdr sdri
saudara saudari mr mrs ms haji hajah hajjah raden rm gus kang mas mbak teuku tgk cut andi daeng
gusti apt ust habib syekh syaikh sheikh syeikh tengku tubagus nyai ki nn`)

// degreeParts are academic degrees written after a name ("S.Pd.", "M.Si").
var degreeParts = wordSet(`s pd si sh se mm mh mt st kom kes ag hum sos ip ak psi ked sp fil sn ikom
mpd msi ssi spd skom mkes mba msc phd ma ba bsc`)

// orgHeads start the name of an organisation.
var orgHeads = wordSet(`dinas badan kementerian kementrian kemenko lembaga komisi dewan majelis mahkamah
pengadilan kejaksaan kepolisian direktorat ditjen biro sekretariat inspektorat pemerintah
pemerintahan puskesmas rsud rs rsu rsia polres polresta polrestabes polda polsek polri kodim korem
kodam koramil tni pt cv bank universitas institut sekolah akademi politeknik fakultas jurusan
partai yayasan koperasi perusahaan persatuan perhimpunan ikatan himpunan asosiasi federasi
komite forum gerakan front organisasi serikat aliansi paguyuban karang satuan satpol tim 
harian koran majalah radio televisi grup group klub kabinet angkatan pasukan brigade
batalyon resimen divisi korps kesatuan perum perumda pdam bumd otoritas konsil ombudsman
unit upt uptd subbagian pengurus pb kelompok
 kanwil pusat lapas rutan pemkab pemkot pemprov pemda pemdes 
sma smp sd smk smpn sman smkn sdn man mts min madrasah pesantren ponpes stikes stie stmik
uin iain stain  palang  bumdes dekranasda tp pkk kwarcab kwarda
kwarnas pramuka   kepaniteraan `)

// orgAcronyms are government bodies written as mixed-case or known acronyms.
var orgAcronyms = wordSet(`dinkes dinsos disdik diskominfo kominfo disdukcapil dispora disparbud
disbudpar dispar disnaker disdagkop disperindag disparpora disdikbud disnakertrans dishub disperindag disperkim dispertan distan diskes 
bappeda bapenda bappenas bapanas pemkab pemkot pemprov pemdes pemda polres polresta polrestabes
polsek polda polri kodim korem kodam koramil lanud lantamal setda setwan setkab setneg kemenkes
kemendagri kemenag kemendikbud kemendikbudristek kemenkeu kemenlu kemenhan kemensos kemenpora
kemenparekraf kemenkominfo kemnaker kemenaker kemenhub kementan kemendes kemenkumham kemenpan
kemenperin kemendag kemenko kemenkopolhukam kemenkomarves kemen-pupr kemenpupr kemlu kemdikbud
bawaslu bulog basarnas bnpb bnn bnnk bnnp baznas damkar disdamkar inspektorat puskesmas rsud
dprd dpr mpr kpu kpk bpbd bpk bpkp bps bmkg bpjs bpom bkkbn bkn bkpsdm bpkad bpkd bpprd
dlh dpmptsp dpmd dpmpd dkp dkpp dppkbp3a dp3a dinsosp3a satpolpp dpupr pupr dpkp disperkimtan
kpud kpps ppk pps panwaslu kesbangpol bakesbangpol diskopukm diskop dinkop dispenda dispendik
diskanla dislutkan dkukmp ormas lsm pmi mui nu pbnu muhammadiyah kadin hipmi pgri pwi ajb
kpid kpi ojk bi lps bei bumn pln pdam pertamina telkom kai pelni garuda`)

// placeHeads are nouns that name a place when a proper name follows.
var placeHeads = wordSet(`kabupaten kab kota kotamadya provinsi prov propinsi kecamatan kec desa
kelurahan kel kampung kp dusun jalan jl jln gang gg komplek kompleks perumahan perum blok gedung
aula balai pendopo pendapa alun-alun lapangan masjid musala mushola musholla langgar gereja pura
vihara klenteng stadion gor bandara bandar pelabuhan terminal stasiun pasar mal plaza hotel
wisma graha gelanggang spbu spbe taman hutan pantai pulau kepulauan gunung bukit sungai danau teluk selat
laut samudra samudera tanjung lembah kawasan wilayah distrik istana restoran kafe kantor
markas mako asrama kampus museum monumen tugu jembatan bendungan waduk embung situ kebun candi
keraton kraton benteng menara apartemen ruang ruangan auditorium arena sirkuit lapas rutan
pondok rumah sentra pulau-pulau jalur bundaran simpang perempatan dermaga bukit-bukit
 lingkungan rt rw nagari gampong banjar  stadiun tpu tps tpa
  `)

// placeAcronyms are regions written as acronyms.
var placeAcronyms = wordSet(`dki diy ntt ntb jabar jateng jatim sumut sumbar sumsel kalbar kalteng kalsel
kaltim kaltara sulut sulteng sulsel sultra sulbar malut kepri babel jabodetabek jabotabek as uea
ri nkri`)

// regionPhrases are Indonesian provinces, major islands, countries and
// continents, in Indonesian spelling.
var regionPhrases = phraseSet(`
aceh, sumatera utara, sumatera barat, sumatera selatan, sumatra utara, sumatra barat, sumatra selatan,
riau, kepulauan riau, jambi, bengkulu, bangka belitung, kepulauan bangka belitung, lampung, banten,
dki jakarta, jakarta, jawa barat, jawa tengah, jawa timur, di yogyakarta, yogyakarta, jogja, jogjakarta,
bali, nusa tenggara barat, nusa tenggara timur, kalimantan barat, kalimantan tengah,
kalimantan selatan, kalimantan timur, kalimantan utara, sulawesi utara, sulawesi tengah,
sulawesi selatan, sulawesi tenggara, sulawesi barat, gorontalo, maluku, maluku utara, papua,
papua barat, papua barat daya, papua tengah, papua pegunungan, papua selatan, jawa, sumatera,
sumatra, kalimantan, sulawesi, madura, lombok, sumbawa, flores, timor, borneo, nusantara,
indonesia, malaysia, singapura, brunei, brunei darussalam, thailand, filipina, vietnam, laos, kamboja,
myanmar, timor leste, jepang, china, cina, tiongkok, korea, korea selatan, korea utara, taiwan,
hong kong, mongolia, india, pakistan, bangladesh, sri lanka, nepal, bhutan, maladewa, afghanistan,
iran, irak, suriah, lebanon, yordania, jordania, israel, palestina, arab saudi, saudi arabia, yaman,
oman, uni emirat arab, qatar, kuwait, bahrain, turki, mesir, libya, tunisia, aljazair, maroko,
sudan, sudan selatan, ethiopia, etiopia, somalia, kenya, uganda, tanzania, rwanda, nigeria, ghana,
senegal, kamerun, kongo, angola, zambia, zimbabwe, mozambik, namibia, botswana, afrika selatan,
madagaskar, mali, niger, chad, sierra leone, liberia, pantai gading, guinea, eritrea, gabon,
inggris, britania raya, skotlandia, irlandia, prancis, perancis, jerman, belanda, belgia,
luksemburg, swiss, austria, italia, spanyol, portugal, yunani, denmark, norwegia, swedia,
finlandia, islandia, polandia, ceko, slowakia, hongaria, rumania, bulgaria, serbia, kroasia,
bosnia, slovenia, albania, makedonia, montenegro, kosovo, ukraina, belarus, rusia, estonia,
latvia, lituania, georgia, armenia, azerbaijan, kazakhstan, uzbekistan, turkmenistan,
kirgistan, tajikistan, amerika, amerika serikat, kanada, meksiko, kuba, jamaika, haiti,
guatemala, honduras, panama, kosta rika, nikaragua, el salvador, kolombia, venezuela, ekuador,
peru, bolivia, brasil, brazil, chili, argentina, paraguay, uruguay, australia, selandia baru,
papua nugini, fiji, samoa, tonga, vanuatu, asia, eropa, afrika, amerika latin, amerika utara,
amerika selatan, oseania, antartika, timur tengah, asia tenggara, asia timur, asia selatan,
asia tengah, eropa barat, eropa timur, afrika utara, pasifik, atlantik, hindia, vatikan, monako,
siprus, malta, kashmir, gaza, tepi barat, yerusalem, hawaii, alaska, tibet, siberia, skandinavia,
balkan, kaukasus, semenanjung korea, laut china selatan`)

// nonEntityCaps are capitalised words or acronyms that name no person, place or
// organisation (time zones, documents, diseases, events, holidays).
var nonEntityCaps = wordSet(`wib wita wit ktp kk nik npwp sim stnk skck covid covid-19 corona sars
dbd hiv aids tbc ispa pns asn ppk apbd apbn apbdes pad bbm hp sms tv umkm ukm ikm hut pon
psbb ppkm odgj odp pdp otg km kg mw kwh rp usd idr us$ phk kkn ham sdm sda it ai wifi led lcd
pc ok oke cctv gps qr pdf pr ceo cfo gdp pdb ipm nilai pilkada pilkades pileg pilpres pemilu
bimtek diklat rakor rakornas rakerda raker musrenbang musda munas muktamar mukernas kongres
festival lomba seminar webinar workshop lokakarya sosialisasi ramadan ramadhan lebaran idulfitri
idul fitri adha iduladha natal imlek nyepi waisak tuhan allah swt saw nabi islam
kristen katolik hindu buddha budha konghucu muslim  medsos instagram facebook
twitter tiktok youtube whatsapp wa telegram google internet website web online daring luring
e-ktp e-ktp tki tkw wni wna ttg ttd ybs dll dsb dst dkk nb ps st ln rsvp pt-pt sd-smp kip kis
pkh bpnt blt bst sktm kur sppt pbb-p2 sertifikat ktp-el ptm pjj bos bop
ebola malaria flu h5n1 mers antraks polio campak difteri rabies kl sk klb ruu uu perpu perppu
keppres inpres perpres permen ad/art rapbn apbnp apbn-p rapbd bi-rate sbi ihsg lpg elpiji tdl
gdp roe roa nim npl ldr cpo tbs iptek capres cawapres cagub cawagub cabup cawabup caleg
kukm kumkm spm lks ppdb sbmptn unbk un usbn  mou pmk pmt   dapil `)

// speechVerbs after a capitalised word mark it as a person ("Irna menambahkan").
var speechVerbs = wordSet(`mengatakan menambahkan menjelaskan menyampaikan mengungkapkan menegaskan
menuturkan menyebutkan menyatakan mengakui mengimbau menghimbau meminta berharap berpesan menilai
memaparkan menerangkan mengaku membenarkan menyebut mengklaim menyerukan mengingatkan mengajak
mendorong mengapresiasi memastikan menuding mengatakannya menanggapi mengemukakan bertanya
menjawab menceritakan mengimbuhkan melanjutkan mengutarakan menandaskan menekankan menyarankan
mengusulkan mengkritik menyayangkan menyambut mengucapkan berkata bercerita berujar mengharapkan
menginstruksikan memerintahkan menargetkan mencontohkan membeberkan mengisahkan menyinggung`)

// attribVerbs before a name attribute speech to it ("kata Irna", "ujar Rahmat").
var attribVerbs = wordSet(`kata ujar ucap tutur jelas ungkap tegas pungkas imbuh terang sebut tandas
lanjut papar tambah sambung seru tukas tanya timpal urai beber kilah klaim aku harap pinta ajak
imbau himbau tulis menurut sapa tuturnya kata-nya jawab balas cetus ucapnya bilang`)

// commonWords are frequent words that start sentences or fill titles and
// organisation names; capitalised, they still name no one.
var commonWords = wordSet(`
ia dia beliau mereka kami kita saya aku anda engkau kamu kalian ini itu tersebut sang si para
yang dan atau tetapi tapi namun serta lalu kemudian selanjutnya sementara sedangkan padahal
meski meskipun walaupun walau jika kalau bila apabila ketika saat sejak setelah sebelum
sesudah selama hingga sampai agar supaya untuk bagi dari ke di pada dalam oleh dengan tanpa
tentang terhadap mengenai menurut seperti sebagai karena sebab akibat sehingga maka jadi
adapun apalagi bahkan juga pun hanya cuma sudah telah akan sedang masih belum tidak tak bukan
jangan harus wajib perlu dapat bisa boleh mampu ingin mau hendak ada adalah merupakan ialah
yaitu yakni salah satu dua tiga empat lima enam tujuh delapan sembilan sepuluh seratus seribu
beberapa banyak sedikit semua seluruh setiap tiap masing-masing berbagai sejumlah sebanyak
sekitar kurang lebih hampir sekali sangat amat paling terlalu cukup begitu demikian begini
pertama kedua ketiga keempat terakhir selain kecuali termasuk antara lain hal soal kali kala
kini sekarang nanti tadi dulu dahulu kemarin besok lusa hari pekan minggu bulan tahun waktu
pagi siang sore malam baru lama sama beda lain apa siapa mana kapan mengapa bagaimana berapa
kenapa ya tidak oh wah nah tentu memang justru malah tetap terus lagi saja pula kok sih dong
ayo mari silakan silahkan tolong mohon terima kasih selamat pasalnya sebelumnya sesudahnya
   bertempat guna demi  kendati biarpun
warga masyarakat penduduk rakyat pemerintah petugas peserta pengunjung panitia relawan
pegawai karyawan pekerja siswa mahasiswa pelajar guru dosen anak orang ibu bapak keluarga
pihak tim kelompok acara kegiatan program layanan pelayanan rapat pertemuan upacara kunjungan
jadwal data informasi berita kabar laporan surat dokumen aturan peraturan kebijakan keputusan
undang-undang perda perbup pergub instruksi edaran imbauan himbauan pengumuman bantuan dana
anggaran biaya harga nilai jumlah angka total hasil target capaian realisasi kasus korban
bencana banjir longsor gempa kebakaran kecelakaan penyakit wabah pandemi virus vaksin vaksinasi
obat rumah jalan kantor sekolah desa kota daerah wilayah negara dunia nasional internasional
lokal pusat umum khusus utama baru besar kecil tinggi rendah baik buruk penting resmi aktif
akun media sosial digital elektronik publik politik ekonomi hukum sosial budaya agama
pendidikan kesehatan pertanian perikanan kelautan peternakan perkebunan kehutanan perdagangan
perindustrian koperasi pariwisata kebudayaan perhubungan komunikasi informatika keuangan
pertahanan keamanan perencanaan pembangunan penanggulangan bencana kependudukan pencatatan
sipil pemberdayaan perempuan perlindungan keluarga berencana lingkungan hidup perumahan
permukiman transmigrasi pekerjaan penataan ruang riset teknologi tinggi agraria tata investasi
penanaman modal usaha milik dalam luar negeri energi sumber daya mineral tenaga kerja pemuda
olahraga humas eksekutif pelaksana harian operasional pelayanan pengawasan perizinan terpadu
satu pintu statistik persandian pangan ketahanan kearsipan perpustakaan arsip administrasi
keluarga kesejahteraan rakyat pemerintahan umum bagian bidang seksi urusan sub protokol
kepegawaian aparatur reformasi birokrasi kabinet perekonomian kemaritiman manusia koordinator
kajian hubungan masyarakat dewan perwakilan daerah provinsi kabupaten negara republik
kesatuan bangsa pemilihan pengawas penyelenggara pengembangan pembinaan penelitian penerapan
pengkajian pemberantasan narkotika korupsi penyidik penyelidik lalu lintas reserse kriminal
khusus umum intelijen operasi pengamanan kebersihan pertamanan pemadam kebakaran penyelamatan
damkar air minum listrik gas minyak jalan raya angkutan darat udara laut sungai pelabuhan
sekretariat sekretaris direktur kepala wakil ketua anggota staf ahli asisten deputi
utama madya muda pratama senior junior
politisi politikus tentara serangan bersaudara pasukan militer polisi aparat pejabat tokoh kader
pengurus ketua-ketua pimpinan pemimpin presiden-wakil pasangan koalisi oposisi partai-partai
kandidat calon capres kubu massa demonstran pengunjuk rasa pendukung simpatisan relawan-relawan
investor pengusaha pedagang pembeli konsumen nasabah pasien dokter perawat bidan petani nelayan
buruh sopir pengemudi penumpang wisatawan turis atlet pemain pelatih penonton suporter
dpp dpw dpc dpd fraksi bidang departemen seksi divisi pansel timses subbidang
gedung kantor lokasi tempat lahan tanah air udara laut darat kawasan zona titik area
pesawat kapal kereta mobil motor bus truk kendaraan senjata bom roket rudal
paket stok pasokan jadwal lapak antrean bantuan sembako beras minyak gula telur
kota-kota negara-negara bank-bank perusahaan-perusahaan
produk barang jasa saham obligasi pasar harga inflasi ekspor impor utang kredit pajak
sidang paripurna pelantikan peresmian peluncuran penutupan pembukaan deklarasi kampanye debat
tahapan hasil survei jajak pendapat elektabilitas popularitas suara kursi
sejarah budaya seni musik film lagu buku novel foto gambar video
tentang mengenai terkait menyusul jelang menjelang usai seusai sesudah 
alasan tujuan maksud harapan rencana usulan permintaan tuntutan gugatan laporan
berdasarkan sesuai seiring sejalan terlebih apalagi sebaliknya 
  
 menkum menkumham menko polhukam kesra perekonomian marves
`)

// aux are auxiliaries and adverbs that open a predicate ("harus memiliki").
var aux = wordSet(`harus wajib akan telah sudah sedang tengah masih dapat bisa perlu ingin siap segera
kembali resmi terus tidak belum tak juga pun mulai baru hendak mau mampu sempat berhasil
langsung segera lantas kemudian lalu pernah bakal kerap sering selalu  turut ikut
`)

// baseVerbs are common verbs used without an affix, mostly in headlines
// ("Dinkes Buka Layanan", "Wajib Miliki Medsos").
var baseVerbs = wordSet(`buka tutup gelar latih luncurkan resmikan serahkan salurkan bagikan imbau
himbau ajak minta dorong tinjau kunjungi terima raih capai bentuk bangun tanam beri berikan
sosialisasikan sambut lepas lantik kukuhkan tetapkan umumkan sahkan tandatangani teken
gandeng jalin perkuat tingkatkan genjot percepat pastikan siapkan sediakan miliki wajibkan
canangkan lakukan laksanakan adakan selenggarakan ikuti hadiri datangi sambangi dampingi
awasi periksa tangkap amankan bekuk ringkus tertibkan razia bongkar pantau cek data catat
datang tiba pergi pulang ikut hadir naik turun masuk keluar kirim bawa lihat jadi bantu beli
jual bayar pakai gunakan manfaatkan optimalkan maksimalkan kembangkan perbaiki renovasi
bersihkan tolak dukung apresiasi ingatkan larang izinkan targetkan rampungkan selesaikan
tuntaskan usulkan ajukan paparkan jelaskan sampaikan buat bikin cari temukan evakuasi
padamkan tanggulangi cegah antisipasi waspadai kejar incar rebut menangi juarai sabet boyong
tampilkan pamerkan promosikan kenalkan perkenalkan`)

// verbStop are words that look like meN-/di-/ber-/ter- verbs but are not.
var verbStop = wordSet(`mereka media meja merah medis mesin menteri menit merdeka mental meter metode menu
meski meskipun memang melalui menurut mengenai menuju  mentah megah melati meriah
mewah merek metro mesjid menara mei medali melayu memori mekanisme menantu mengapa mentri
medsos mekar  dinas diri dialog digital direktur diskusi distribusi dimana dini dingin
dinding disiplin diare diagnosa dia dikau diskon dinamika diploma diplomat dirut disabilitas
distrik divisi dividen dirgahayu dinkes diskominfo disdik dishub dispar dinsos diesel diet
berita beras berat berbagai berkas bersama berdasarkan beruang berlian berikut beranda berkat
berupa beserta berapa beribu beratus berkah  terhadap terkait termasuk terutama
terakhir tertentu terbaik terbesar tersebut terus terima teritorial terminal teroris terapi
teras ternak teratas terbanyak tertinggi terendah terkecil terlalu terpadu 
tersendiri tertulis terpencil terdepan terlebih tergolong terbilang terlepas terutama
bersamaan sebagaimana berdasar `)

// Token flags: every lexicon a token belongs to, found with one map lookup
// per token instead of one per rule.
const (
	fDateStart uint32 = 1 << iota
	fNonEntity
	fHonor
	fTitle
	fOrgHead
	fOrgAcr
	fPlaceHead
	fPlaceAcr
	fCommon
	fRegion
	fIslamic   // islamicPeriods
	fManner    // mannerWords
	fHeadLower // headlineLower
)

var lexFlags = func() map[string]uint32 {
	m := make(map[string]uint32)
	set := func(words map[string]bool, f uint32) {
		for w := range words {
			m[w] |= f
		}
	}
	set(dateStarters, fDateStart)
	for w := range weekdays {
		m[w] |= fDateStart
	}
	for w := range monthsFull {
		m[w] |= fDateStart
	}
	set(periods, fDateStart)
	set(numberWords, fDateStart)
	set(dayParts, fDateStart)
	set(nonEntityCaps, fNonEntity)
	set(honorifics, fHonor)
	set(titleWords, fTitle)
	set(orgHeads, fOrgHead)
	set(orgAcronyms, fOrgAcr)
	set(placeHeads, fPlaceHead)
	set(placeAcronyms, fPlaceAcr)
	set(commonWords, fCommon)
	for w := range regionPhrases {
		m[w] |= fRegion
	}
	set(islamicPeriods, fIslamic)
	set(mannerWords, fManner)
	set(headlineLower, fHeadLower)
	return m
}()

// dateStarters are the words a date expression may start with, besides
// numbers, weekdays, months, periods and number words.
var dateStarters = wordSet(`hari tanggal tgl bulan bln pukul pkl jam tahun thn th dekade era periode
musim abad kemarin besok lusa semalam esok tadi nanti akhir awal pertengahan sepekan seminggu
sebulan setahun sehari sewindu dasawarsa baru-baru belakangan akhir-akhir belum tempo beberapa
setiap tiap saban tiap-tiap`)
