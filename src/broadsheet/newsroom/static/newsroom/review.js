// The review editor: every item of the page outlined and labelled; each change sent at once as JSON, the
// page's new state coming back. Text from the PDF is only ever set as text (textContent, value).
(function () {
  "use strict";
  const sheet = document.getElementById("sheet");
  if (!sheet) return;
  const $ = (id) => document.getElementById(id);
  const boxes = $("boxes");
  const status = $("status");
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const TEXT_FIELDS = ["kicker", "headline", "subheadline", "byline", "body", "captions"];
  const STEP = 2; // points an arrow key moves a region (Shift: five times as far)

  let data = null;
  let selected = []; // uids, the first one shown in the panel
  let focused = null; // {uid, index}: the region arrow keys move
  let mode = null; // null, "split" or "draw"
  let pending = null; // a region moved by keys, saved after a pause

  const byUid = (uid) => data.items.find((it) => it.uid === uid);
  const scale = () => sheet.clientWidth / data.page.width;

  function say(text, bad) {
    status.textContent = text;
    status.classList.toggle("bad", Boolean(bad));
  }

  async function post(url, body) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(body),
    });
    const answer = await response.json().catch(() => ({ ok: false, error: `the server answered ${response.status}` }));
    if (!answer.ok) {
      say(`Not saved: ${answer.error}`, true);
      return false;
    }
    data = answer;
    selected = selected.filter((uid) => byUid(uid));
    if (focused && !(byUid(focused.uid) && byUid(focused.uid).regions[focused.index])) focused = null;
    render();
    say(`Saved: ${answer.summary}`);
    return true;
  }

  const change = (action, params) => post(sheet.dataset.change, { action, params, page: Number(sheet.dataset.page) });
  const undo = () => post(sheet.dataset.undo, { page: Number(sheet.dataset.page) });

  function place(el, r) {
    const w = data.page.width;
    const h = data.page.height;
    el.style.left = `${(r[0] / w) * 100}%`;
    el.style.top = `${(r[1] / h) * 100}%`;
    el.style.width = `${((r[2] - r[0]) / w) * 100}%`;
    el.style.height = `${((r[3] - r[1]) / h) * 100}%`;
  }

  function renderBoxes() {
    boxes.replaceChildren();
    for (const item of data.items) {
      item.regions.forEach((r, index) => {
        const box = document.createElement("button");
        box.type = "button";
        box.className = "box";
        box.dataset.uid = item.uid;
        box.dataset.index = index;
        box.dataset.kind = item.kind;
        box.setAttribute("aria-label", `${item.kind}: ${item.title}, region ${index + 1} of ${item.regions.length}`);
        box.setAttribute("aria-pressed", selected.includes(item.uid) ? "true" : "false");
        if (selected.includes(item.uid)) box.classList.add("selected");
        place(box, r);
        if (index === 0) {
          const label = document.createElement("span");
          label.className = "label";
          label.textContent = item.kind === "article" ? `article · ${item.title}` : item.kind;
          box.append(label);
        }
        if (focused && focused.uid === item.uid && focused.index === index) {
          const handle = document.createElement("span");
          handle.className = "handle";
          box.append(handle);
        }
        boxes.append(box);
      });
    }
  }

  function renderPanel() {
    const item = selected.length ? byUid(selected[0]) : null;
    $("item-form").hidden = !item;
    $("selection-help").hidden = Boolean(item);
    if (!item) {
      $("panel-title").textContent = "Nothing selected";
      return;
    }
    const more = selected.length > 1 ? ` (and ${selected.length - 1} more selected)` : "";
    $("panel-title").textContent = `${item.kind}: ${item.title}${more}`;
    $("item-type").value = item.kind;
    $("text-fields").hidden = item.kind !== "article";
    for (const name of TEXT_FIELDS) {
      const field = $(`f-${name}`);
      if (document.activeElement !== field) field.value = name === "captions" ? (item.captions || []).join("\n") : item[name] || "";
    }
    const jump = $("jump");
    jump.replaceChildren(new Option("Nowhere (no jump)", ""));
    for (const a of data.articles) {
      if (a.page !== item.page) jump.append(new Option(`Page ${a.page}: ${a.title}`, a.uid));
    }
    jump.value = item.continues_in || "";
    renderRegions(item);
  }

  function regionButton(text, label, onClick) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = text;
    button.setAttribute("aria-label", label);
    button.addEventListener("click", onClick);
    return button;
  }

  function renderRegions(item) {
    const list = $("region-list");
    list.replaceChildren();
    item.regions.forEach((r, i) => {
      const li = document.createElement("li");
      li.classList.toggle("focused", Boolean(focused && focused.uid === item.uid && focused.index === i));
      li.append(`${r.map((v) => Math.round(v)).join(", ")} `);
      const order = (to) => () => {
        const regions = item.regions.slice();
        regions.splice(to, 0, regions.splice(i, 1)[0]);
        change("regions", { uid: item.uid, regions, what: "order" });
      };
      if (i > 0) li.append(regionButton("Up", `Move region ${i + 1} up`, order(i - 1)));
      if (i < item.regions.length - 1) li.append(regionButton("Down", `Move region ${i + 1} down`, order(i + 1)));
      li.append(regionButton("Delete", `Delete region ${i + 1}`, () => deleteRegion(item, i)));
      list.append(li);
    });
  }

  function renderHistory() {
    const list = $("history");
    list.replaceChildren(
      ...data.history.map((entry) => {
        const li = document.createElement("li");
        li.textContent = `${entry.at} ${entry.user}: ${entry.summary}`;
        if (entry.undone) li.classList.add("undone");
        return li;
      }),
    );
    $("undo").disabled = !data.can_undo;
    const version = $("version");
    if (version) version.textContent = data.edition.version;
  }

  function renderToolbar() {
    const articles = selected.filter((uid) => byUid(uid).kind === "article");
    $("merge").disabled = articles.length < 2;
    $("split").disabled = !(selected.length === 1 && articles.length === 1);
    $("delete-item").disabled = selected.length !== 1;
    $("split").setAttribute("aria-pressed", mode === "split" ? "true" : "false");
    $("draw").setAttribute("aria-pressed", mode === "draw" ? "true" : "false");
    sheet.classList.toggle("splitting", mode === "split");
    sheet.classList.toggle("drawing", mode === "draw");
  }

  function render() {
    $("page-image").src = data.page.image;
    renderBoxes();
    renderPanel();
    renderHistory();
    renderToolbar();
  }

  function setMode(next) {
    mode = mode === next ? null : next;
    renderToolbar();
    if (mode === "split") say("Split: click the line of the selected article where the second article starts.");
    if (mode === "draw") say("Draw: drag out a box on the page.");
  }

  function select(uid, index, add) {
    if (add) selected = selected.includes(uid) ? selected.filter((u) => u !== uid) : [...selected, uid];
    else selected = [uid];
    focused = { uid, index };
    render();
    const box = boxes.querySelector(`.box[data-uid="${uid}"][data-index="${index}"]`);
    if (box) box.focus();
  }

  function pointAt(event) {
    const rect = sheet.getBoundingClientRect();
    const s = scale();
    return [(event.clientX - rect.left) / s, (event.clientY - rect.top) / s];
  }

  function deleteRegion(item, index) {
    const regions = item.regions.filter((_, i) => i !== index);
    change("regions", { uid: item.uid, regions, what: "delete" });
  }

  // Clicking a box selects it; in split mode it splits the selected article there.
  boxes.addEventListener("click", (event) => {
    const box = event.target.closest(".box");
    if (!box || dragged) return;
    const uid = box.dataset.uid;
    const index = Number(box.dataset.index);
    if (mode === "split") {
      if (selected[0] !== uid) {
        say("Split: click a region of the selected article.", true);
        return;
      }
      mode = null;
      change("split", { uid, region: index, y: pointAt(event)[1] });
      return;
    }
    select(uid, index, event.shiftKey);
  });

  // Dragging: out a new region in draw mode; a focused region to move it, or its handle to resize it.
  let drag = null;
  let dragged = false;
  sheet.addEventListener("pointerdown", (event) => {
    dragged = false;
    const start = pointAt(event);
    const box = event.target.closest(".box");
    if (mode === "draw") {
      drag = { kind: "draw", start, box: [...start, ...start] };
    } else if (box && focused && box.dataset.uid === focused.uid && Number(box.dataset.index) === focused.index) {
      const region = byUid(focused.uid).regions[focused.index].slice();
      drag = { kind: event.target.classList.contains("handle") ? "resize" : "move", start, region, el: box };
    } else {
      return;
    }
    sheet.setPointerCapture(event.pointerId);
  });
  sheet.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const [x, y] = pointAt(event);
    const dx = x - drag.start[0];
    const dy = y - drag.start[1];
    if (Math.abs(dx) + Math.abs(dy) > 1) dragged = true;
    if (drag.kind === "draw") {
      drag.box = [Math.min(drag.start[0], x), Math.min(drag.start[1], y), Math.max(drag.start[0], x), Math.max(drag.start[1], y)];
      $("drawing").hidden = false;
      place($("drawing"), drag.box);
    } else {
      const r = drag.region;
      drag.box = drag.kind === "move" ? [r[0] + dx, r[1] + dy, r[2] + dx, r[3] + dy] : [r[0], r[1], r[2] + dx, r[3] + dy];
      place(drag.el, drag.box);
    }
  });
  sheet.addEventListener("pointerup", () => {
    const done = drag;
    drag = null;
    $("drawing").hidden = true;
    if (!done || !dragged || !done.box) return;
    if (done.kind === "draw") {
      mode = null;
      const item = selected.length === 1 ? byUid(selected[0]) : null;
      if (item) change("regions", { uid: item.uid, regions: [...item.regions, done.box], what: "draw" });
      else change("add", { page: data.page.number, kind: "article", region: done.box });
    } else {
      const item = byUid(focused.uid);
      const regions = item.regions.map((r, i) => (i === focused.index ? done.box : r));
      change("regions", { uid: item.uid, regions, what: done.kind });
    }
    window.setTimeout(() => (dragged = false), 0);
  });

  function nudge(event) {
    const item = byUid(focused.uid);
    const step = event.shiftKey ? STEP * 5 : STEP;
    const d = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[event.key];
    const r = (pending ? pending.regions : item.regions).map((x) => x.slice());
    const box = r[focused.index];
    if (event.altKey) {
      box[2] += d[0];
      box[3] += d[1];
    } else {
      box[0] += d[0];
      box[2] += d[0];
      box[1] += d[1];
      box[3] += d[1];
    }
    const what = event.altKey ? "resize" : "move";
    window.clearTimeout(pending && pending.timer);
    const el = boxes.querySelector(`.box[data-uid="${item.uid}"][data-index="${focused.index}"]`);
    if (el) place(el, box);
    pending = { regions: r, timer: window.setTimeout(() => savePending(item.uid, what), 400) };
  }

  function savePending(uid, what) {
    const regions = pending.regions;
    pending = null;
    change("regions", { uid, regions, what });
  }

  const typing = (el) => el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT");

  function step(by) {
    if (!data.items.length) return;
    const at = data.items.findIndex((it) => it.uid === selected[0]);
    const next = data.items[(at + by + data.items.length) % data.items.length];
    select(next.uid, 0, false);
  }

  document.addEventListener("keydown", (event) => {
    if (typing(event.target)) return;
    const key = event.key;
    if ((event.ctrlKey || event.metaKey) && key.toLowerCase() === "z") {
      event.preventDefault();
      undo();
      return;
    }
    if (event.ctrlKey || event.metaKey) return;
    if (focused && key.startsWith("Arrow") && event.target.closest && event.target.closest(".box")) {
      event.preventDefault();
      nudge(event);
    } else if (key === "m" && !$("merge").disabled) {
      $("merge").click();
    } else if (key === "s" && !$("split").disabled) {
      setMode("split");
    } else if (key === "d") {
      setMode("draw");
    } else if (key === "u") {
      undo();
    } else if (key === "n" || key === "p") {
      step(key === "n" ? 1 : -1);
    } else if (key === "h" && selected.length) {
      event.preventDefault();
      $("f-headline").focus();
    } else if ((key === "Delete" || key === "Backspace") && focused) {
      event.preventDefault();
      deleteRegion(byUid(focused.uid), focused.index);
    } else if (key === "Escape") {
      mode = null;
      selected = [];
      focused = null;
      render();
      say("");
    }
  });

  $("merge").addEventListener("click", () => change("merge", { uids: selected }));
  $("split").addEventListener("click", () => setMode("split"));
  $("draw").addEventListener("click", () => setMode("draw"));
  $("undo").addEventListener("click", () => undo());
  $("delete-item").addEventListener("click", () => change("delete", { uid: selected[0] }));
  $("item-type").addEventListener("change", (event) => change("retype", { uid: selected[0], kind: event.target.value }));
  $("jump").addEventListener("change", (event) => change("jump", { uid: selected[0], to: event.target.value || null }));
  for (const name of TEXT_FIELDS) {
    const field = $(`f-${name}`);
    field.addEventListener("change", () => change("text", { uid: selected[0], fields: { [name]: field.value } }));
    if (field.tagName === "INPUT") {
      field.addEventListener("keydown", (event) => {
        if (event.key === "Enter") {
          event.preventDefault();
          field.blur();
        }
      });
    }
  }

  fetch(sheet.dataset.json, { headers: { Accept: "application/json" } })
    .then((response) => response.json())
    .then((answer) => {
      data = answer;
      render();
      sheet.dataset.ready = "true";
    });
})();
