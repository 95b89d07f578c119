// Every page: the main menu folds behind a "Menu" button on narrow screens. Without this
// script the button stays hidden and the menu is simply open.
document.addEventListener("DOMContentLoaded", function () {
  var nav = document.querySelector(".site-header .nav");
  var button = nav && nav.querySelector(".menu-button");
  var menu = button && document.getElementById(button.getAttribute("aria-controls"));
  if (!menu) return;
  nav.classList.add("menu-folds");
  button.hidden = false;

  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    nav.classList.toggle("menu-open", open);
  }

  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  // Escape closes the menu and gives focus back to its button.
  nav.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      button.focus();
    }
  });
});

// Times are written in Hong Kong time; a reader whose clock differs also sees their own
// beside each moment marked <time data-local>. Readers on Hong Kong's clock see nothing new.
document.addEventListener("DOMContentLoaded", function () {
  var pattern = document.body.dataset.yourTime;
  var times = document.querySelectorAll("time[data-local][datetime]");
  if (!pattern || !times.length || !window.Intl) return;
  // English pages write the day before the month ("4 Dec"), as the server does.
  var lang = document.documentElement.lang || "en";
  var format = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : lang, {
    day: "numeric", month: "short", hour: "numeric", minute: "2-digit", hour12: true,
    timeZoneName: "short"
  });
  var HONG_KONG_OFFSET = -480;  // minutes, as getTimezoneOffset counts them (UTC+8)
  times.forEach(function (time) {
    var moment = new Date(time.getAttribute("datetime"));
    if (isNaN(moment) || moment.getTimezoneOffset() === HONG_KONG_OFFSET) return;
    var local = document.createElement("span");
    local.className = "local-time";
    local.textContent = " (" + pattern.replace("%(time)s", format.format(moment)) + ")";
    time.after(local);
  });
});
