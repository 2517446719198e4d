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
