package web

import (
	"context"
	"html"
	"html/template"
	"strings"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
)

// navFor appends to items the navigation of a role; the server checks
// access on every route regardless of what the navigation shows. (The
// caller's array holds them: a page view allocates nothing for them.)
func (s *Server) navFor(ctx context.Context, items []NavItem, u *domain.User, current string) []NavItem {
	if u == nil {
		return items
	}
	items = append(items, NavItem{Label: "Beranda", Href: "/beranda"}) // Indonesian; topHTML translates
	switch u.Role {
	case domain.RolePeserta:
		items = append(items, NavItem{Label: "Jadwal", Href: "/jadwal"}, NavItem{Label: "Sertifikat", Href: "/sertifikat"})
	// A pimpinan OPD's Beranda is their OPD's page: no second link to it.
	case domain.RoleFasilitator:
		items = append(items, s.reviewNav(ctx, u))
	case domain.RoleAdmin:
		items = append(items, NavItem{Label: "Kepatuhan OPD", Href: "/kepatuhan"}, NavItem{Label: "OPD", Href: "/admin/opd"}, NavItem{Label: "Pengguna", Href: "/admin/pengguna"},
			NavItem{Label: "Angkatan", Href: "/admin/angkatan"}, s.reviewNav(ctx, u), NavItem{Label: "Sertifikat", Href: "/admin/sertifikat"},
			NavItem{Label: "Kesesuaian nilai", Href: "/admin/kesesuaian"}, NavItem{Label: "Token API", Href: "/admin/token"})
	}
	items = append(items, s.noticeNav(ctx, u), NavItem{Label: "Akun saya", Href: "/akun"})
	for i := range items {
		items[i].Current = items[i].Href == current
	}
	return items
}

// topHTML writes the page header: who is logged in with the logout button
// and the navigation, or the login link.
func topHTML(l i18n.Lang, u *domain.User, csrf string, nav []NavItem) template.HTML {
	var b strings.Builder
	b.Grow(1024)
	b.WriteString(`<header class="top">
  <div class="wrap top-in">
    <a class="brand" href="/">Bimtek<span class="brand-sub"> · `)
	b.WriteString(i18n.T(l, "Admin Media Sosial OPD"))
	b.WriteString(`</span></a>
`)
	if u == nil {
		b.WriteString(`    <a class="btn btn-small" href="/masuk">`)
		b.WriteString(i18n.T(l, "Masuk"))
		b.WriteString(`</a>
  </div>
</header>`)
		return template.HTML(b.String())
	}
	b.WriteString(`    <div class="who">
      <span class="who-name">`)
	b.WriteString(html.EscapeString(u.Name))
	b.WriteString(`</span>
      <span class="who-role">`)
	b.WriteString(html.EscapeString(i18n.T(l, u.Role.Label())))
	b.WriteString(`</span>
      <form method="post" action="/keluar" class="inline">
        <input type="hidden" name="csrf_token" value="`)
	b.WriteString(html.EscapeString(csrf))
	b.WriteString(`">
        <button type="submit" class="link-btn">`)
	b.WriteString(i18n.TC(l, "header", "Keluar"))
	b.WriteString(`</button>
      </form>
    </div>
  </div>
  <nav class="nav" aria-label="`)
	b.WriteString(i18n.T(l, "Navigasi utama"))
	b.WriteString(`">
    <ul class="wrap">
      `)
	for _, it := range nav {
		b.WriteString(`<li><a href="`)
		b.WriteString(html.EscapeString(it.Href))
		b.WriteString(`"`)
		if it.Current {
			b.WriteString(` aria-current="page"`)
		}
		b.WriteString(`>`)
		b.WriteString(html.EscapeString(navLabel(l, it.Label)))
		b.WriteString(`</a></li>`)
	}
	b.WriteString(`
    </ul>
  </nav>
</header>`)
	return template.HTML(b.String())
}

// navLabel translates a navigation label; a count after it ("Antrean
// penilaian (3)") stays as it is.
func navLabel(l i18n.Lang, label string) string {
	rest := ""
	if i := strings.LastIndex(label, " ("); i > 0 && strings.HasSuffix(label, ")") {
		label, rest = label[:i], label[i:]
	}
	return i18n.TC(l, "nav", label) + rest
}
