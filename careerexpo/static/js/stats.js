// Draws the stats dashboard's charts with Chart.js (static/vendor/chartjs) from the
// figures the page embeds as JSON (#stats-chart-data). The table beside each chart
// holds the same numbers, so the page reads fully without script or sight.
(function () {
  "use strict";

  // Okabe-Ito colours: told apart with the common kinds of colour blindness.
  var PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
                 "#F0E442", "#000000"];
  var BAR = "#0b5394";

  function options(spec, reduceMotion) {
    var doughnut = spec.kind === "doughnut";
    var result = {
      responsive: true,
      maintainAspectRatio: false,
      animation: reduceMotion ? false : { duration: 400 },
      plugins: { legend: { display: doughnut, position: "bottom" } }
    };
    if (!doughnut) {
      var valueAxis = { beginAtZero: true, ticks: { precision: 0 } };
      result.indexAxis = spec.kind === "hbar" ? "y" : "x";
      result.scales = spec.kind === "hbar" ? { x: valueAxis } : { y: valueAxis };
    }
    return result;
  }

  function draw(spec, reduceMotion) {
    var canvas = document.getElementById("chart-" + spec.id);
    if (!canvas) return;
    var doughnut = spec.kind === "doughnut";
    new window.Chart(canvas, {
      type: doughnut ? "doughnut" : "bar",
      data: {
        labels: spec.labels,
        datasets: [{
          label: spec.unit,
          data: spec.values,
          backgroundColor: doughnut ? PALETTE.slice(0, spec.values.length) : BAR
        }]
      },
      options: options(spec, reduceMotion)
    });
    canvas.setAttribute("data-chart", "drawn");
  }

  document.addEventListener("DOMContentLoaded", function () {
    var block = document.getElementById("stats-chart-data");
    if (!block || !window.Chart) return;
    var figures = JSON.parse(block.textContent);
    var reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    window.Chart.defaults.color = "#1b1f24";
    window.Chart.defaults.font.family = window.getComputedStyle(document.body).fontFamily;
    figures.charts.forEach(function (spec) { draw(spec, reduceMotion); });
  });
})();
