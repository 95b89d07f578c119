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
