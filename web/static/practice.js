// Writing page: live word and lead counts, and draft autosave every few
// seconds and when the page is left. Without JavaScript the buttons still work.
// A copy of the text stays in this browser with the server draft it was based
// on (data-draft-basis) and whether the server has it yet, so a failed save,
// an ended session or a lost connection never loses what was typed.
(function () {
  "use strict";
  var form = document.getElementById("form-rilis");
  if (!form) return;
  var head = document.getElementById("judul");
  var body = document.getElementById("isi");
  var words = document.getElementById("hitung-kata");
  var lead = document.getElementById("hitung-teras");
  var status = document.getElementById("status-draf");
  var editable = form.dataset.editable === "1";
  var draftURL = form.dataset.draftUrl;
  var tokenField = form.querySelector("input[name=csrf_token]");
  var token = tokenField.value;
  var basis = form.dataset.draftBasis || "";
  var basisBefore = form.dataset.draftBasisBefore || "";
  var oldKey = "bimtek-draf:" + location.pathname;
  var storeKey = "bimtek-draf:" + (form.dataset.owner || "") + ":" + location.pathname;

  // The script's words in the page's language (<html lang>); Indonesian is
  // the default and the key of every entry.
  var english = {
    "kata": "words",
    "teras berita": "lead",
    "(usahakan di bawah 35)": "(aim for under 35)",
    "Masuk lagi": "Sign in again",
    "Teks yang belum tersimpan ke server dipulihkan dari peramban ini; draf akan disimpan otomatis.": "Text not yet saved on the server was restored from this browser; the draft will be saved automatically.",
    "Teks yang belum tersimpan dipulihkan dari peramban ini.": "Unsaved text was restored from this browser.",
    "Draf di server berubah dari perangkat atau tab lain setelah teks di peramban ini ditulis, dan teks di peramban ini belum tersimpan. Formulir menampilkan draf di server. Pilih teks yang ingin dipakai:": "The draft on the server was changed from another device or tab after the text in this browser was written, and the text in this browser is not saved yet. The form shows the server's draft. Choose the text to use:",
    "Pakai teks dari peramban ini": "Use the text from this browser",
    "Teks dari peramban ini dipakai; draf akan disimpan otomatis.": "The text from this browser is used; the draft will be saved automatically.",
    "Pakai draf di server": "Use the server's draft",
    "Draf di server dipakai.": "The server's draft is used.",
    "Draf tersimpan otomatis pukul": "Draft saved automatically at",
    "Draf belum tersimpan; teks disimpan di peramban ini.": "The draft is not saved; the text is kept in this browser.",
    "Draf belum tersimpan ke server (koneksi terputus); teks disimpan di peramban ini.": "The draft is not saved on the server (connection lost); the text is kept in this browser."
  };
  var en = (document.documentElement.lang || "").toLowerCase().indexOf("en") === 0;
  function t(s) { return en && english[s] ? english[s] : s; }

  function countWords(s) {
    var m = s.trim().match(/\S+/g);
    return m ? m.length : 0;
  }
  function update() {
    var text = body.value;
    words.textContent = countWords(text) + " " + t("kata");
    var first = text.trim().split(/\n\s*\n/)[0] || "";
    var n = countWords(first);
    lead.textContent = t("teras berita") + " " + n + " " + t("kata") + (n > 35 ? " " + t("(usahakan di bawah 35)") : "");
  }
  body.addEventListener("input", update);
  update();

  function snapshot() { return head.value + "\u0000" + body.value; }
  function read(key) {
    try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  var pending = false; // a choice between two texts is open: keep the browser's copy as it is
  function keepLocal(unsaved) {
    if (pending) return;
    try { localStorage.setItem(storeKey, JSON.stringify({ h: head.value, b: body.value, basis: basis, unsaved: unsaved })); } catch (e) { /* storage unavailable */ }
  }
  function sameText(k) { return k.h.trim() === head.value.trim() && k.b.trim() === body.value.trim(); }
  function say(text, link) {
    status.textContent = text;
    if (link) {
      var a = document.createElement("a");
      a.href = link;
      a.textContent = t("Masuk lagi");
      status.appendChild(document.createTextNode(" "));
      status.appendChild(a);
    }
  }

  var kept = read(storeKey);
  var legacy = read(oldKey);
  try { localStorage.removeItem(oldKey); } catch (e) { /* ignore */ }
  if (kept && form.dataset.showsDraft === "1" && sameText(kept)) {
    keepLocal(false); // the server has this text
    kept = null;
  }
  if (!editable) return;

  var saved = snapshot(); // what the server has
  function restore(k) {
    head.value = k.h; body.value = k.b; update();
  }
  if (kept && kept.unsaved && (kept.h || kept.b) && !sameText(kept)) {
    if (kept.basis === basis || (basisBefore && kept.basis === basisBefore)) {
      restore(kept);
      keepLocal(true);
      say(t("Teks yang belum tersimpan ke server dipulihkan dari peramban ini; draf akan disimpan otomatis."));
    } else {
      offer(kept);
    }
  } else if (!kept && legacy && !body.value && !head.value && (legacy.h || legacy.b)) {
    restore(legacy);
    keepLocal(true);
    say(t("Teks yang belum tersimpan dipulihkan dari peramban ini."));
  }

  // The server draft changed elsewhere (another device or tab) since this
  // browser's copy was written: show the server's and let the trainee choose.
  function offer(k) {
    pending = true;
    var box = document.createElement("div");
    box.className = "notice";
    box.id = "pilihan-teks";
    box.setAttribute("role", "alert");
    var p = document.createElement("p");
    p.textContent = t("Draf di server berubah dari perangkat atau tab lain setelah teks di peramban ini ditulis, dan teks di peramban ini belum tersimpan. Formulir menampilkan draf di server. Pilih teks yang ingin dipakai:");
    box.appendChild(p);
    function button(label, id, fn) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "btn btn-secondary";
      b.id = id;
      b.textContent = label;
      b.addEventListener("click", function () {
        pending = false;
        fn();
        box.remove();
        head.focus();
      });
      box.appendChild(b);
      box.appendChild(document.createTextNode(" "));
    }
    button(t("Pakai teks dari peramban ini"), "pakai-teks-peramban", function () {
      restore(k);
      keepLocal(true);
      say(t("Teks dari peramban ini dipakai; draf akan disimpan otomatis."));
    });
    button(t("Pakai draf di server"), "pakai-draf-server", function () {
      keepLocal(snapshot() !== saved);
      say(t("Draf di server dipakai."));
    });
    form.insertBefore(box, form.firstChild);
  }

  var busy = false;
  function payload() {
    var d = new FormData();
    d.append("csrf_token", token);
    d.append("pemilik", form.dataset.owner || "");
    d.append("judul", head.value);
    d.append("isi", body.value);
    return d;
  }
  function save(retried) {
    var now = snapshot();
    if (busy || now === saved) return;
    busy = true;
    keepLocal(true);
    var again = false;
    fetch(draftURL, { method: "POST", body: payload(), headers: { "Accept": "application/json", "X-CSRF-Token": token }, credentials: "same-origin" })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j, status: r.status }; }); })
      .then(function (res) {
        if (res.ok) {
          saved = now;
          basis = res.j.basis || basis;
          keepLocal(snapshot() !== saved);
          say(t("Draf tersimpan otomatis pukul") + " " + res.j.saved_at + ".");
        } else if (res.status === 403 && res.j.csrf_token && !retried) {
          // The form token ran out while the page was open: take the new one.
          token = res.j.csrf_token;
          tokenField.value = token;
          again = true;
        } else {
          say(res.j.error || t("Draf belum tersimpan; teks disimpan di peramban ini."), res.status === 401 ? res.j.login_url : "");
        }
      })
      .catch(function () { say(t("Draf belum tersimpan ke server (koneksi terputus); teks disimpan di peramban ini.")); })
      .then(function () {
        busy = false;
        if (again) save(true);
      });
  }
  head.addEventListener("input", function () { keepLocal(true); });
  body.addEventListener("input", function () { keepLocal(true); });
  setInterval(function () { save(false); }, 5000);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden" && snapshot() !== saved) {
      keepLocal(true);
      if (navigator.sendBeacon) { navigator.sendBeacon(draftURL, payload()); }
    }
  });
  form.addEventListener("submit", function () {
    keepLocal(true); // saved once the page after this shows it as the draft
    // One click is one submission: disable the buttons after the first.
    setTimeout(function () { form.querySelectorAll("button").forEach(function (b) { b.disabled = true; }); }, 0);
  });
})();
