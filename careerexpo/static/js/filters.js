// Re-run the search as soon as a filter or the sort order changes; the form works without it.
document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("job-search");
  if (!form) return;
  form.addEventListener("change", function (event) {
    if (event.target.matches("input[type=checkbox], select")) {
      var page = form.querySelector("input[name=page]");
      if (page) page.remove();
      form.submit();
    }
  });
});
