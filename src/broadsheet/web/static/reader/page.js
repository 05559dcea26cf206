/* The page view: deep zoom with OpenSeadragon over IIIF tiles, article regions, the article panel.
 * Untrusted text is only set with textContent. Without this script the page is an image with links. */
(function () {
  "use strict";

  function $(id) { return document.getElementById(id); }

  var reader, panel, current = null, opener = null, loading = null;
  var query = new URLSearchParams(window.location.search).get("q") || "";

  /* The reader's search words travel with the URLs the panel loads and links, so hits are marked. */
  function withQuery(url) {
    return query ? url + (url.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(query) : url;
  }

  function regions(key) {
    return Array.prototype.filter.call(document.querySelectorAll(".region"), function (r) {
      return key === undefined || r.getAttribute("data-key") === key;
    });
  }

  function mark(key, className, on) {
    regions().forEach(function (r) { r.classList.toggle(className, on && r.getAttribute("data-key") === key); });
  }

  /* Text, or its segments (odd ones are search hits) as text nodes and <mark> elements: never HTML. */
  function setMarked(node, text, segments) {
    node.replaceChildren();
    (segments || [text || ""]).forEach(function (part, i) {
      if (!part) { return; }
      if (i % 2) {
        var hit = document.createElement("mark");
        hit.textContent = part;
        node.appendChild(hit);
      } else {
        node.appendChild(document.createTextNode(part));
      }
    });
  }

  function setText(id, text, segments) {
    var node = $(id);
    setMarked(node, text, segments);
    node.hidden = !text;
  }

  /* The interface's words (reader.js reads them from the page); the key itself if that script is missing. */
  function say(key, values) {
    return window.Broadsheet ? window.Broadsheet.text(key, values) : key;
  }

  function jumpLink(key, link) {
    var a = document.createElement("a");
    a.href = link.url;
    a.textContent = say(key, { page: window.Broadsheet ? window.Broadsheet.digits(link.page) : link.page });
    a.addEventListener("click", function (e) {
      if (String(link.page) === reader.getAttribute("data-page")) { e.preventDefault(); openArticle(link.json); }
    });
    return a;
  }

  function fillList(id, tag, texts, segments) {
    var node = $(id);
    node.replaceChildren();
    (texts || []).forEach(function (text, i) {
      var item = document.createElement(tag);
      setMarked(item, text, segments && segments[i]);
      node.appendChild(item);
    });
  }

  function fill(data) {
    var marks = data.highlight || {};
    setText("panel-kicker", data.kicker, marks.kicker);
    setText("panel-headline", data.title, marks.title);
    setText("panel-subheadline", data.subheadline, marks.subheadline);
    setText("panel-byline", data.byline, marks.byline);
    fillList("panel-body", "p", data.paragraphs, marks.paragraphs);
    fillList("panel-captions", "li", data.captions, marks.captions);
    var captions = $("panel-captions");
    captions.hidden = !(data.captions || []).length;
    var jumps = $("panel-jumps");
    jumps.replaceChildren();
    if (data.continues_in) { jumps.appendChild(jumpLink("continuedOn", data.continues_in)); }
    if (data.continued_from) { jumps.appendChild(jumpLink("continuedFrom", data.continued_from)); }
    jumps.hidden = !jumps.childNodes.length;
    $("panel-link").href = withQuery(data.url);
    $("panel-prev").disabled = !data.previous;
    $("panel-next").disabled = !data.next;
  }

  function openArticle(jsonUrl, from) {
    if (current && current.json === jsonUrl) { return Promise.resolve(); }
    if (from) { opener = from; }
    loading = jsonUrl;
    return fetch(withQuery(jsonUrl)).then(function (r) {
      if (!r.ok) { throw new Error("article not found"); }
      return r.json();
    }).then(function (data) {
      if (loading !== jsonUrl) { return; }
      current = data;
      fill(data);
      panel.hidden = false;
      reader.classList.add("panel-open");
      mark(data.key, "active", true);
      window.history.replaceState(null, "", "#article=" + encodeURIComponent(data.key));
      panel.scrollTop = 0;
      panel.focus();
      if (window.Broadsheet) { window.Broadsheet.remember(data); }
    }).catch(function () { $("panel-status").textContent = say("notLoaded"); });
  }

  function closeArticle() {
    if (panel.hidden) { return; }
    panel.hidden = true;
    reader.classList.remove("panel-open");
    mark(null, "active", false);
    current = null;
    loading = null;
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
    var back = opener && document.body.contains(opener) && opener.offsetParent !== null ? opener : null;
    (back || regions().filter(function (r) { return r.tabIndex >= 0; })[0] || $("main")).focus();
  }

  function openFromHash() {
    var match = /^#article=(.+)$/.exec(window.location.hash);
    if (!match) { return; }
    var key = decodeURIComponent(match[1]);
    var region = regions(key)[0];
    var link = region || document.querySelector('.article-link[data-key="' + CSS.escape(key) + '"]');
    if (link) { openArticle(link.getAttribute("data-json"), region); }
  }

  function bindRegion(r) {
    r.addEventListener("click", function (e) {
      e.preventDefault();
      openArticle(r.getAttribute("data-json"), r);
    });
    ["mouseenter", "focus"].forEach(function (t) {
      r.addEventListener(t, function () { mark(r.getAttribute("data-key"), "hover", true); });
    });
    ["mouseleave", "blur"].forEach(function (t) {
      r.addEventListener(t, function () { mark(null, "hover", false); });
    });
  }

  function regionAt(x, y) {
    return regions().filter(function (r) {
      var rx = Number(r.getAttribute("data-x")), ry = Number(r.getAttribute("data-y"));
      return x >= rx && y >= ry && x <= rx + Number(r.getAttribute("data-w")) && y <= ry + Number(r.getAttribute("data-h"));
    })[0];
  }

  /* The screen image, kept in <noscript> so that deep zoom's readers never download it: shown where deep zoom
   * cannot be (its script did not load, or the tiles could not be opened). Its markup is the server's own. */
  function showScreenImage(canvas) {
    var fallback = canvas.querySelector("noscript");
    if (!fallback || canvas.querySelector("img")) { return; }
    var img = new DOMParser().parseFromString(fallback.textContent, "text/html").querySelector("img");
    if (img) { canvas.insertBefore(document.importNode(img, false), fallback); }
  }

  /* Zoom in, out and back to the whole page: plain buttons, so keyboards and screen readers have them as any
   * other; shown once deep zoom is open. */
  function zoomControls(viewer) {
    var controls = $("zoom-controls");
    if (!controls) { return; }
    var zoom = function (factor) { viewer.viewport.zoomBy(factor); viewer.viewport.applyConstraints(); };
    $("zoom-in").addEventListener("click", function () { zoom(viewer.zoomPerClick); });
    $("zoom-out").addEventListener("click", function () { zoom(1 / viewer.zoomPerClick); });
    $("zoom-home").addEventListener("click", function () { viewer.viewport.goHome(); });
    controls.hidden = false;
  }

  function startDeepZoom() {
    var canvas = $("page-canvas");
    if (!canvas) { return; }
    if (!window.OpenSeadragon) { showScreenImage(canvas); return; }
    var ratio = canvas.clientHeight / canvas.clientWidth;
    var viewerEl = $("viewer");
    viewerEl.classList.add("deep-zoom");
    var viewer = window.OpenSeadragon({
      element: viewerEl, tileSources: reader.getAttribute("data-info"),
      showNavigationControl: false, // the page's own buttons (zoomControls): OpenSeadragon's fetch 15 pictures
      visibilityRatio: 0.5, gestureSettingsMouse: { clickToZoom: false }, gestureSettingsTouch: { clickToZoom: false },
      placeholderFillStyle: "#f4f1ea",
      // only the level that fits the view is fetched at first, not every coarser one on the way to it
      immediateRender: true
    });
    viewer.addHandler("open", function () {
      var size = viewer.world.getItemAt(0).getContentSize();
      ratio = size.y / size.x;
      regions().forEach(function (r) {
        var rect = new window.OpenSeadragon.Rect(Number(r.getAttribute("data-x")), Number(r.getAttribute("data-y")) * ratio,
          Number(r.getAttribute("data-w")), Number(r.getAttribute("data-h")) * ratio);
        r.removeAttribute("style");
        viewer.addOverlay({ element: r, location: rect });
      });
      canvas.hidden = true;
      zoomControls(viewer);
      viewerEl.setAttribute("data-ready", "true");
    });
    viewer.addHandler("open-failed", function () {
      viewer.destroy();
      viewerEl.classList.remove("deep-zoom");
      showScreenImage(canvas);
    });
    viewer.addHandler("canvas-click", function (e) {
      if (!e.quick) { return; }
      var pt = viewer.viewport.pointFromPixel(e.position);
      var hit = regionAt(pt.x, pt.y / ratio);
      if (hit) { openArticle(hit.getAttribute("data-json"), hit); }
    });
  }

  // The open article's address, absolute (what Copy link copies and Share hands on).
  function articleUrl() {
    return new URL(current ? current.url : $("panel-link").getAttribute("href"), window.location.href).href;
  }

  function neighbour(which) {
    if (current && current[which]) { openArticle(current[which].json); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    reader = $("reader");
    panel = $("article-panel");
    if (!reader || !panel) { return; }
    regions().forEach(bindRegion);
    document.querySelectorAll(".article-link").forEach(function (a) {
      a.addEventListener("click", function (e) { e.preventDefault(); openArticle(a.getAttribute("data-json"), a); });
    });
    $("panel-close").addEventListener("click", closeArticle);
    $("panel-prev").addEventListener("click", function () { neighbour("previous"); });
    $("panel-next").addEventListener("click", function () { neighbour("next"); });
    $("panel-print").addEventListener("click", function () { window.print(); });
    $("panel-copy").addEventListener("click", function () {
      var url = articleUrl();
      var done = function () { $("panel-status").textContent = say("linkCopied"); };
      if (navigator.clipboard) { navigator.clipboard.writeText(url).then(done, function () { window.prompt(say("copyPrompt"), url); }); }
    });
    if (navigator.share) {
      $("panel-share").hidden = false;
      $("panel-share").addEventListener("click", function () {
        var url = articleUrl();
        navigator.share({ title: current ? current.headline || "" : document.title, url: url }).catch(function () {});
      });
    }
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && !panel.hidden && $("history-panel").hidden) { closeArticle(); }
    });
    window.addEventListener("hashchange", openFromHash);
    startDeepZoom();
    openFromHash();
  });
})();
