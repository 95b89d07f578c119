// The live-activity page: draws applications by day and refreshes every figure every 15 s.
(function () {
  "use strict";
  var section = document.getElementById("activity");
  var embedded = document.getElementById("activity-data");
  if (!section || !embedded) return;
  var chart = null;
  // Counts and days written the page's way ("7,072", "Nov 21, 2026" or "2026年11月21日").
  var lang = document.documentElement.lang || undefined;
  var count = new Intl.NumberFormat(lang);
  var dayFormat = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" });
  function dayLabel(iso) { return dayFormat.format(new Date(iso + "T00:00:00Z")); }

  function drawByDay(days) {
    var canvas = document.getElementById("chart-applications");
    if (!canvas || !window.Chart) return;
    var labels = days.map(function (d) { return dayLabel(d[0]); });
    var values = days.map(function (d) { return d[1]; });
    if (chart) {
      chart.data.labels = labels;
      chart.data.datasets[0].data = values;
      chart.update("none");
      return;
    }
    chart = new window.Chart(canvas, {
      type: "bar",
      data: { labels: labels, datasets: [{ data: values, backgroundColor: "#0b5394" }] },
      options: { responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } },
                 scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }

  function show(data) {
    section.querySelectorAll("[data-figure]").forEach(function (node) {
      var value = data[node.dataset.figure];
      if (typeof value === "string") {
        node.textContent = value;  // written by the server, the reader's way
      } else {
        node.textContent = count.format(value);
      }
    });
    var body = document.querySelector("[data-by-day]");
    if (body) {
      body.textContent = "";
      data.applications_by_day.forEach(function (d) {
        var row = document.createElement("tr");
        var day = document.createElement("th");
        day.scope = "row";
        day.textContent = dayLabel(d[0]);
        var n = document.createElement("td");
        n.className = "num";
        n.textContent = count.format(d[1]);
        row.append(day, n);
        body.append(row);
      });
    }
    drawByDay(data.applications_by_day);
    var stamp = document.querySelector("[data-refreshed]");
    if (stamp) stamp.dataset.at = new Date().toISOString();
  }

  show(JSON.parse(embedded.textContent));
  setInterval(function () {
    fetch(section.dataset.url, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) show(data); })
      .catch(function () {});
  }, 15000);
})();
