/* Broadsheet reader. Progressive enhancement over plain HTML pages.
 * Every string that came from a PDF is untrusted: it is only ever set with textContent or as an
 * attribute value, never parsed as HTML. The words the scripts write are the page's, in its interface
 * language: the server puts them in a JSON element (#reader-strings, broadsheet.web.language). */
(function () {
  "use strict";

  var HISTORY_KEY = "broadsheet.history";
  var FONT_KEY = "broadsheet.fontStep";
  var THEME_KEY = "broadsheet.theme";
  var HISTORY_MAX = 200;

  function $(id) { return document.getElementById(id); }

  function load(key, fallback) {
    try {
      var value = JSON.parse(window.localStorage.getItem(key));
      return value === null ? fallback : value;
    } catch (e) { return fallback; }
  }

  function store(key, value) {
    try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode: keep going */ }
  }

  /* ---------- The interface's words, numbers and dates ---------- */

  var strings = null;

  function words() {
    if (strings === null) {
      var node = $("reader-strings");
      try { strings = node ? JSON.parse(node.textContent) : {}; } catch (e) { strings = {}; }
    }
    return strings;
  }

  function digits(value) {
    var set = words().digits || "0123456789";
    return String(value).replace(/[0-9]/g, function (d) { return set.charAt(Number(d)); });
  }

  /* A message with its %(name)s places filled in, as Django's templates fill them. */
  function text(key, values) {
    return String(words()[key] || key).replace(/%\((\w+)\)s/g, function (all, name) {
      return values && name in values ? String(values[name]) : all;
    });
  }

  /* An ISO date (2025-04-20) as the templates write "j F Y", in the interface's month names and digits. */
  function formatDate(iso) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso || ""));
    var months = words().months;
    if (!parts || !months) { return String(iso || ""); }
    return digits(Number(parts[3])) + " " + months[Number(parts[2]) - 1] + " " + digits(parts[1]);
  }

  function el(tag, content, className) {
    var node = document.createElement(tag);
    if (content) { node.textContent = content; }
    if (className) { node.className = className; }
    return node;
  }

  /* ---------- History: what this device has read, newest first ---------- */

  function historyEntries() {
    var entries = load(HISTORY_KEY, []);
    return Array.isArray(entries) ? entries : [];
  }

  function remember(article) {
    var entry = {
      id: article.json, title: article.title, publication: article.publication, date: article.date,
      page: article.page, url: article.page_url + "#article=" + encodeURIComponent(article.key),
      openedAt: new Date().toISOString()
    };
    var rest = historyEntries().filter(function (e) { return e && e.id !== entry.id; });
    store(HISTORY_KEY, [entry].concat(rest).slice(0, HISTORY_MAX));
    renderHistory();
  }

  function renderHistory() {
    var list = $("history-list");
    if (!list) { return; }
    var entries = historyEntries();
    list.replaceChildren();
    entries.forEach(function (e) {
      var item = el("li");
      var link = el("a", String(e.title || text("untitled")));
      link.href = String(e.url || "#");
      link.className = "history-link";
      link.dir = "auto";  // the article's own direction, whatever the interface's
      item.appendChild(link);
      item.appendChild(el("span", text("historyEntry", {
        publication: String(e.publication || ""), date: formatDate(e.date), page: digits(e.page || "")
      }), "muted"));
      list.appendChild(item);
    });
    $("history-empty").hidden = entries.length > 0;
    $("history-clear").hidden = entries.length === 0;
  }

  function toggleHistory(open) {
    var panel = $("history-panel");
    var button = $("history-toggle");
    panel.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    $("history-confirm").hidden = true;
    if (open) { renderHistory(); $("history-title").setAttribute("tabindex", "-1"); $("history-title").focus(); }
    else { button.focus(); }
  }

  function setupHistory() {
    var button = $("history-toggle");
    if (!button) { return; }
    button.hidden = false;
    button.addEventListener("click", function () { toggleHistory($("history-panel").hidden); });
    $("history-close").addEventListener("click", function () { toggleHistory(false); });
    $("history-clear").addEventListener("click", function () {
      $("history-confirm").hidden = false;
      $("history-confirm-no").focus();
    });
    $("history-confirm-no").addEventListener("click", function () {
      $("history-confirm").hidden = true;
      $("history-clear").focus();
    });
    $("history-confirm-yes").addEventListener("click", function () {
      store(HISTORY_KEY, []);
      $("history-confirm").hidden = true;
      renderHistory();
      $("history-title").focus();
    });
    renderHistory();
  }

  /* ---------- Text size, remembered ---------- */

  function applyFont(step) {
    step = Math.max(-3, Math.min(6, step | 0));
    store(FONT_KEY, step);
    document.documentElement.style.setProperty("--story-scale", String(1 + step * 0.125));
    return step;
  }

  function setupFont() {
    var step = applyFont(load(FONT_KEY, 0));
    document.querySelectorAll("[data-font]").forEach(function (b) {
      b.addEventListener("click", function () {
        var delta = Number(b.getAttribute("data-font"));
        step = applyFont(delta === 0 ? 0 : step + delta);
      });
    });
  }

  /* ---------- Dark mode: the system's setting, unless the reader chose otherwise here ---------- */

  function setupTheme() {
    var button = $("theme-toggle");
    var root = document.documentElement;
    var system = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
    if (!button) { return; }
    function systemTheme() { return system && system.matches ? "dark" : "light"; }
    function current() { return root.getAttribute("data-theme") || systemTheme(); }
    function show() { button.setAttribute("aria-pressed", String(current() === "dark")); }
    button.hidden = false;
    button.addEventListener("click", function () {
      var next = current() === "dark" ? "light" : "dark";
      // A choice that is the system's own is forgotten: the page follows the system again from then on.
      if (next === systemTheme()) {
        root.removeAttribute("data-theme");
        try { window.localStorage.removeItem(THEME_KEY); } catch (e) { /* private mode */ }
      } else {
        root.setAttribute("data-theme", next);
        store(THEME_KEY, next);
      }
      show();
    });
    if (system && system.addEventListener) { system.addEventListener("change", show); }
    show();
  }

  window.Broadsheet = { remember: remember, renderHistory: renderHistory, text: text, digits: digits };

  document.addEventListener("DOMContentLoaded", function () {
    setupHistory();
    setupFont();
    setupTheme();
    var story = $("story");
    if (story) {
      fetch(story.getAttribute("data-json")).then(function (r) { return r.json(); }).then(remember)
        .catch(function () { /* offline: nothing to remember */ });
    }
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && !$("history-panel").hidden) { toggleHistory(false); }
    });
  });
})();
