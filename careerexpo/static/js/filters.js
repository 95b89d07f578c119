// Re-run the search as soon as a filter or the sort order changes; the form works without it.
document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("job-search");
  if (!form) return;
  // On a narrow screen the filters would push every result below the fold: fold them,
  // unless some are chosen (then the reader sees what narrows the list).
  var panel = form.querySelector(".facet-panel");
  if (panel && window.matchMedia("(max-width: 50rem)").matches &&
      !panel.querySelector("input[type=checkbox]:checked")) {
    panel.open = false;
  }
  form.addEventListener("change", function (event) {
    if (event.target.matches("input[type=checkbox], select")) {
      var page = form.querySelector("input[name=page]");
      if (page) page.remove();
      form.submit();
    }
  });
});
