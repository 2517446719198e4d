// On phones the navigation scrolls sideways: bring the current page's link into view.
(function () {
  "use strict";
  var cur = document.querySelector('.nav a[aria-current="page"]');
  if (cur && cur.scrollIntoView) cur.scrollIntoView({ block: "nearest", inline: "center" });
})();
