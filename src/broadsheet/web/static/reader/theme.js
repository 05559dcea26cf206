/* Broadsheet reader: the theme the reader chose with the header's "Dark mode" switch (reader.js), applied
 * in <head> before the page is first drawn, so a page never flashes in the other theme. With no choice
 * stored, nothing is set and the stylesheet follows the system's prefers-color-scheme. */
(function () {
  "use strict";
  try {
    var theme = JSON.parse(window.localStorage.getItem("broadsheet.theme"));
    if (theme === "dark" || theme === "light") { document.documentElement.setAttribute("data-theme", theme); }
  } catch (e) { /* no storage (private mode) or a bad value: follow the system */ }
})();
