package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	"golang.org/x/term"

	"github.com/bimtek/bimtek/internal/auth"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
)

func runUser(e env) int {
	if len(e.args) == 0 || e.args[0] != "create" {
		fmt.Fprintln(e.stderr, "Penggunaan: bimtek user create --email E --name N --role peserta|fasilitator|pimpinan_opd|admin [--opd NAMA-ATAU-ID] [--designated] [--region NAMA]")
		return 2
	}
	var c config
	fs := newFlagSet("user create", e.stderr)
	c.dbFlags(fs, e.getenv)
	email := fs.String("email", "", "email pengguna (wajib)")
	name := fs.String("name", "", "nama lengkap (wajib)")
	role := fs.String("role", "", "peran: peserta, fasilitator, pimpinan_opd, atau admin (wajib)")
	opd := fs.String("opd", "", "nama, singkatan, atau ID OPD")
	designated := fs.Bool("designated", false, "tandai sebagai admin media sosial resmi OPD")
	regionName := fs.String("region", "", "nama pemerintah daerah; wajib bila database belum punya wilayah")
	if err := fs.Parse(e.args[1:]); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "bimtek user create: argumen tidak dikenal: %v\n", fs.Args())
		return 2
	}
	var problems []string
	if !regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`).MatchString(*email) {
		problems = append(problems, "--email wajib berupa alamat email yang valid")
	}
	if strings.TrimSpace(*name) == "" {
		problems = append(problems, "--name wajib diisi")
	}
	r := domain.Role(*role)
	if !r.Valid() {
		problems = append(problems, "--role harus salah satu dari peserta, fasilitator, pimpinan_opd, admin")
	}
	if r == domain.RolePimpinanOPD && *opd == "" {
		problems = append(problems, "--opd wajib untuk peran pimpinan_opd")
	}
	if len(problems) > 0 {
		fmt.Fprintf(e.stderr, "bimtek user create: %s\n", strings.Join(problems, "; "))
		return 2
	}
	password, err := readNewPassword(e)
	if err != nil {
		fmt.Fprintf(e.stderr, "bimtek user create: %v\n", err)
		return 2
	}
	db, code := openAndMigrate(e, c)
	if db == nil {
		return code
	}
	defer db.Close()
	region, err := pickRegion(e, db, *regionName)
	if err != nil {
		fmt.Fprintf(e.stderr, "bimtek user create: %v\n", err)
		return 2
	}
	nu := domain.NewUser{RegionID: region.ID, Email: *email, Name: *name, Role: r, IsDesignatedAdmin: *designated}
	if *opd != "" {
		o, err := db.FindOPD(e.ctx, *opd)
		if err != nil {
			fmt.Fprintf(e.stderr, "bimtek user create: %v\n", err)
			return 2
		}
		nu.OPDID = &o.ID
	}
	if nu.PasswordHash, err = auth.HashPassword(password); err != nil {
		fmt.Fprintf(e.stderr, "bimtek: %v\n", err)
		return 1
	}
	u, err := db.CreateUser(e.ctx, nil, nu)
	if err != nil {
		fmt.Fprintf(e.stderr, "bimtek user create: %v\n", err)
		if domain.ErrorCode(err) == domain.CodeInternal {
			return 1
		}
		return 2
	}
	fmt.Fprintf(e.stdout, "Pengguna dibuat: #%d %s <%s> sebagai %s di %s\n", u.ID, u.Name, u.Email, u.Role.Label(), region.Name)
	return 0
}

// readNewPassword reads the password from stdin when it is not a terminal
// (scripts), otherwise asks twice without echo. Never a flag: flags end up in
// shell history and process lists.
func readNewPassword(e env) (string, error) {
	f, isFile := e.stdin.(*os.File)
	if isFile && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(e.stderr, "Kata sandi: ")
		a, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(e.stderr)
		if err != nil {
			return "", fmt.Errorf("membaca kata sandi: %w", err)
		}
		fmt.Fprint(e.stderr, "Ulangi kata sandi: ")
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(e.stderr)
		if err != nil {
			return "", fmt.Errorf("membaca kata sandi: %w", err)
		}
		if string(a) != string(b) {
			return "", errors.New("kedua kata sandi tidak sama")
		}
		return string(a), auth.ValidatePassword(string(a))
	}
	line, err := bufio.NewReader(io.LimitReader(e.stdin, 4096)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("membaca kata sandi dari stdin: %w", err)
	}
	pw := strings.TrimRight(line, "\r\n")
	if pw == "" {
		return "", errors.New("kata sandi kosong: kirim kata sandi lewat stdin, misalnya: echo 'sandi-rahasia-anda' | bimtek user create …")
	}
	return pw, auth.ValidatePassword(pw)
}

// pickRegion returns the one region, creates it from --region on an empty
// database, or resolves --region when there are several.
func pickRegion(e env, db *store.DB, name string) (domain.Region, error) {
	regions, err := db.Regions(e.ctx)
	if err != nil {
		return domain.Region{}, err
	}
	if name == "" {
		switch len(regions) {
		case 0:
			return domain.Region{}, errors.New("database belum punya wilayah: sebutkan dengan --region \"Pemerintah Kabupaten …\"")
		case 1:
			return regions[0], nil
		}
		return domain.Region{}, errors.New("ada lebih dari satu wilayah: pilih dengan --region")
	}
	for _, r := range regions {
		if strings.EqualFold(r.Name, name) || r.Slug == name {
			return r, nil
		}
	}
	return db.EnsureRegion(e.ctx, slugify(name), name, regionCode(name))
}

func slugify(s string) string {
	s = strings.ToLower(s)
	s = regexp.MustCompile(`[^a-z0-9]+`).ReplaceAllString(s, "-")
	return strings.Trim(s, "-")
}

// regionCode makes a short code for certificate numbers from the words after "Pemerintah Kabupaten/Kota".
func regionCode(name string) string {
	words := strings.Fields(strings.ToUpper(name))
	var b strings.Builder
	for _, w := range words {
		if w == "PEMERINTAH" || w == "KABUPATEN" || w == "KOTA" || w == "PROVINSI" {
			continue
		}
		b.WriteByte(w[0])
	}
	code := b.String()
	if len(words) > 0 && len(code) < 3 {
		last := words[len(words)-1]
		if len(last) >= 3 {
			code = last[:3]
		}
	}
	return code
}
