// The organisers' matchmaking funnel: the whole expo's stages, and each stage by day.
(function () {
  "use strict";
  var embedded = document.getElementById("matchmaking-data");
  if (!embedded || !window.Chart) return;
  var data = JSON.parse(embedded.textContent);
  var lang = document.documentElement.lang || undefined;
  var dayFormat = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" });
  var colours = ["#0b5394", "#3d85c6", "#e69138", "#6aa84f", "#274e13", "#741b47"];
  var labels = data.stages.map(function (s) { return data.labels[s]; });

  var stages = document.getElementById("chart-matchmaking-stages");
  if (stages) {
    new window.Chart(stages, {
      type: "bar",
      data: { labels: labels, datasets: [{ data: data.stages.map(function (s) { return data.totals[s]; }),
                                           backgroundColor: colours }] },
      options: { indexAxis: "y", responsive: true, maintainAspectRatio: false,
                 plugins: { legend: { display: false } },
                 scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }
  var days = document.getElementById("chart-matchmaking-days");
  if (days) {
    new window.Chart(days, {
      type: "line",
      data: {
        labels: data.by_day.map(function (d) { return dayFormat.format(new Date(d.day + "T00:00:00Z")); }),
        datasets: data.stages.map(function (s, i) {
          return { label: data.labels[s], borderColor: colours[i], backgroundColor: colours[i],
                   data: data.by_day.map(function (d) { return d[s]; }) };
        })
      },
      options: { responsive: true, maintainAspectRatio: false,
                 scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }
})();
