// Live per-page progress of an edition being built: asks the server every second, reloads when it is done.
(function () {
  "use strict";
  const section = document.getElementById("progress");
  if (!section) return;
  const list = document.getElementById("page-progress");
  const summary = document.getElementById("progress-summary");

  function show(data) {
    list.replaceChildren(...data.pages.map((row) => {
      const item = document.createElement("li");
      item.dataset.state = row.state;
      item.textContent = `Page ${row.page}: ${row.state}`;
      return item;
    }));
    summary.textContent = `${data.done} of ${data.pages.length} pages done`;
  }

  async function poll() {
    try {
      const response = await fetch(section.dataset.url, { headers: { Accept: "application/json" } });
      if (response.ok) {
        const data = await response.json();
        if (data.status !== "processing") {
          window.location.reload();
          return;
        }
        show(data);
      }
    } catch (e) {
      // the server is restarting: try again
    }
    window.setTimeout(poll, 1000);
  }
  window.setTimeout(poll, 1000);
})();
