// Pages give times in Hong Kong time; a visitor whose own clock keeps another zone also
// sees each marked time in theirs ("7:00 PM your time"), from the <time datetime> value.
(function () {
  "use strict";
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var hongKong = new Intl.DateTimeFormat("en", { timeZone: "Asia/Hong_Kong", hour: "numeric", minute: "numeric", day: "numeric" });
  var own = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
    weekday: "short", hour: "numeric", minute: "2-digit", timeZoneName: "short" });
  document.querySelectorAll("time[data-local-time]").forEach(function (node) {
    var moment = new Date(node.getAttribute("datetime"));
    if (isNaN(moment) || !zone || zone === "Asia/Hong_Kong") return;
    var mine = new Intl.DateTimeFormat("en", { hour: "numeric", minute: "numeric", day: "numeric" });
    if (mine.format(moment) === hongKong.format(moment)) return;  // same clock, other name
    var note = document.createElement("span");
    note.className = "local-time";
    note.textContent = " (" + own.format(moment) + ")";
    node.after(note);
  });
})();
