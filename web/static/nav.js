// If the navigation ever becomes narrower than its links (a very long
// translated label), bring the current page's link into view inside it,
// without scrolling the page itself away from where it opened.
(function () {
  "use strict";
  var cur = document.querySelector('.nav a[aria-current="page"]');
  var ul = cur && cur.closest("ul");
  if (!ul || ul.scrollWidth <= ul.clientWidth) return;
  ul.scrollLeft = cur.offsetLeft - (ul.clientWidth - cur.offsetWidth) / 2;
})();

// The address a page is shown at should be one a reload or a shared link
// can repeat. A form the server refused is shown at the address it was sent
// to (data-alamat names the page instead), and a one-time message came with
// parameters in the address (data-sekali names them): put the page's own
// address in their place, so a reload neither sends the form again nor
// shows the message again.
(function () {
  "use strict";
  if (!window.history || !history.replaceState) return;
  var main = document.getElementById("konten");
  var url = new URL(location.href);
  var page = main && main.getAttribute("data-alamat");
  if (page) {
    url = new URL(page + location.hash, location.href); // the form's #anchor still scrolls to its messages
  }
  // A redirect keeps the form's #anchor even when the page it leads to has
  // no such place (a decision's "#galat" on the queue): drop it there.
  if (url.hash && !document.getElementById(decodeURIComponent(url.hash.slice(1)))) {
    url.hash = "";
  }
  document.querySelectorAll("[data-sekali]").forEach(function (el) {
    el.getAttribute("data-sekali").split(" ").forEach(function (name) {
      if (name) url.searchParams.delete(name);
    });
  });
  if (url.href !== location.href) {
    history.replaceState(history.state, "", url.pathname + url.search + url.hash);
  }
})();
