// Review page enhancements. Everything works without this file: the
// facilitator can type the passage into "Kutipan" and press the buttons.
// With it, selecting text in the release fills the comment form, the final
// score follows the rubric as it is typed, and typed scores survive the
// reload after adding a comment.
(function () {
  "use strict";

  // Code points, as the server counts offsets (a JS string counts UTF-16 units).
  function cp(s) { return Array.from(s).length; }

  // Reference numbers inside the marked text are links, not text of the release.
  function inRef(node, container) {
    for (var n = node.parentNode; n && n !== container; n = n.parentNode) {
      if (n.classList && n.classList.contains("ref")) return true;
    }
    return false;
  }

  function textNodes(container) {
    var out = [], w = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    while (w.nextNode()) {
      if (!inRef(w.currentNode, container)) out.push(w.currentNode);
    }
    return out;
  }

  // offsetOf turns a DOM boundary point into a code-point offset in the field's text.
  function offsetOf(container, node, off) {
    var r = document.createRange();
    r.setStart(container, 0);
    r.setEnd(node, off);
    var n = 0, nodes = textNodes(container);
    for (var i = 0; i < nodes.length; i++) {
      var t = nodes[i];
      if (t === node) return n + cp(t.data.slice(0, off));
      if (r.comparePoint(t, t.length) !== 0) break; // this text ends after the boundary
      n += cp(t.data);
    }
    return n;
  }

  function fieldText(container) {
    return textNodes(container).map(function (t) { return t.data; }).join("");
  }

  function containerOf(node) {
    var el = node.nodeType === 1 ? node : node.parentNode;
    return el && el.closest ? el.closest(".review-text") : null;
  }

  var form = document.getElementById("form-komentar");
  if (form) {
    var field = document.getElementById("komentar-bagian");
    var quote = document.getElementById("kutipan");
    var start = document.getElementById("kutipan-awal");
    var end = document.getElementById("kutipan-akhir");
    var body = document.getElementById("komentar-isi");

    var fromSelection = function () {
      var sel = window.getSelection();
      if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
      var range = sel.getRangeAt(0);
      var c = containerOf(range.startContainer);
      if (!c || c !== containerOf(range.endContainer)) return; // across judul and isi: ignore
      var s = offsetOf(c, range.startContainer, range.startOffset);
      var e = offsetOf(c, range.endContainer, range.endOffset);
      var chars = Array.from(fieldText(c));
      // Leading and trailing spaces are not part of the passage.
      while (s < e && /\s/.test(chars[s])) s++;
      while (e > s && /\s/.test(chars[e - 1])) e--;
      if (s >= e) return;
      field.value = c.getAttribute("data-field");
      quote.value = chars.slice(s, e).join("");
      start.value = String(s);
      end.value = String(e);
      body.focus();
    };
    document.querySelectorAll(".review-text").forEach(function (c) {
      c.addEventListener("mouseup", fromSelection);
      c.addEventListener("touchend", function () { setTimeout(fromSelection, 0); });
      c.addEventListener("keyup", function (ev) { if (ev.shiftKey) fromSelection(); });
    });
    // A quote typed by hand is searched for by the server; stale offsets would win otherwise.
    var clear = function () { start.value = ""; end.value = ""; };
    quote.addEventListener("input", clear);
    field.addEventListener("change", clear);
  }

  var rubric = document.getElementById("form-keputusan");
  if (!rubric) return;
  var inputs = Array.prototype.slice.call(rubric.querySelectorAll("input[type=number][data-weight]"));
  var out = document.getElementById("nilai-akhir");

  // The same final score the server computes (finalScore in review.go):
  // invalid entries count as the automatic score; nothing changed is the
  // automatic total; a capped total keeps its cap.
  var recompute = function () {
    var sum = 0, wsum = 0, changed = false;
    inputs.forEach(function (el) {
      var w = Number(el.getAttribute("data-weight")), auto = Number(el.getAttribute("data-auto"));
      var v = el.value.trim() === "" ? auto : Number(el.value);
      if (!Number.isInteger(v) || v < 0 || v > 100) v = auto;
      if (v !== auto) changed = true;
      sum += v * w;
      wsum += w;
    });
    if (!out) return;
    if (wsum === 0 || !changed) { out.value = out.getAttribute("data-auto-total"); return; }
    var mean = Math.round(sum / wsum), cap = Number(out.getAttribute("data-cap") || 0);
    out.value = String(cap > 0 ? Math.round(mean * cap / 100) : mean);
  };

  // Typed scores and reasons are kept per version and lock in this tab only.
  var key = rubric.getAttribute("data-draft");
  var fields = Array.prototype.slice.call(rubric.querySelectorAll("input[type=number], textarea"));
  var store = null;
  try { store = window.sessionStorage; } catch (e) { store = null; }
  var save = function () {
    if (!store || !key) return;
    var data = {};
    fields.forEach(function (el) { data[el.name] = el.value; });
    try { store.setItem(key, JSON.stringify(data)); } catch (e) { /* storage full or blocked: nothing to keep */ }
  };
  // The server's values win when it sent the form back with messages: they
  // are what was typed, so they are kept for the next reload (adding a
  // comment after a refused decision must not lose them).
  if (store && key && rubric.querySelector(".field-error")) {
    save();
  } else if (store && key) {
    try {
      var kept = JSON.parse(store.getItem(key) || "null");
      if (kept) fields.forEach(function (el) { if (typeof kept[el.name] === "string") el.value = kept[el.name]; });
    } catch (e) { /* unreadable: start from the page */ }
  }
  // Nothing is dropped on submit: a refused decision comes back to this key,
  // and a decision that went through moves the lock, so the key is not used again.
  rubric.addEventListener("input", function () { recompute(); save(); });
  recompute();
})();
