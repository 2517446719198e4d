// Writing page: live word and lead counts, and draft autosave every few
// seconds and when the page is left. Without JavaScript the buttons still work.
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
  var token = form.querySelector("input[name=csrf_token]").value;
  var storeKey = "bimtek-draf:" + location.pathname;

  function countWords(s) {
    var m = s.trim().match(/\S+/g);
    return m ? m.length : 0;
  }
  function update() {
    var text = body.value;
    words.textContent = countWords(text) + " kata";
    var first = text.trim().split(/\n\s*\n/)[0] || "";
    var n = countWords(first);
    lead.textContent = "teras berita " + n + " kata" + (n > 35 ? " (usahakan di bawah 35)" : "");
  }
  body.addEventListener("input", update);
  update();
  if (!editable) return;

  // Offer back text kept in this browser when the server has none newer.
  try {
    var kept = JSON.parse(localStorage.getItem(storeKey) || "null");
    if (kept && !body.value && !head.value && (kept.h || kept.b)) {
      head.value = kept.h; body.value = kept.b; update();
      status.textContent = "Teks yang belum tersimpan dipulihkan dari peramban ini.";
    }
  } catch (e) { /* storage unavailable */ }

  var saved = head.value + "\u0000" + body.value;
  var busy = false;
  function snapshot() { return head.value + "\u0000" + body.value; }
  function keepLocal() {
    try { localStorage.setItem(storeKey, JSON.stringify({ h: head.value, b: body.value })); } catch (e) { /* ignore */ }
  }
  function payload() {
    var d = new FormData();
    d.append("csrf_token", token);
    d.append("judul", head.value);
    d.append("isi", body.value);
    return d;
  }
  function save() {
    var now = snapshot();
    if (busy || now === saved) return;
    busy = true;
    keepLocal();
    fetch(draftURL, { method: "POST", body: payload(), headers: { "Accept": "application/json", "X-CSRF-Token": token }, credentials: "same-origin" })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j, status: r.status }; }); })
      .then(function (res) {
        if (res.ok) { saved = now; status.textContent = "Draf tersimpan otomatis pukul " + res.j.saved_at + "."; }
        else { status.textContent = res.j.error || "Draf belum tersimpan."; }
      })
      .catch(function () { status.textContent = "Draf belum tersimpan ke server (koneksi terputus); teks disimpan di peramban ini."; })
      .then(function () { busy = false; });
  }
  setInterval(save, 5000);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden" && snapshot() !== saved) {
      keepLocal();
      if (navigator.sendBeacon) { navigator.sendBeacon(draftURL, payload()); }
    }
  });
  form.addEventListener("submit", function () {
    keepLocal();
    // One click is one submission: disable the buttons after the first.
    setTimeout(function () { form.querySelectorAll("button").forEach(function (b) { b.disabled = true; }); }, 0);
  });
})();
