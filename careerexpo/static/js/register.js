// Registration: the company fields are shown only to someone registering as an employer.
// Without this script they stay in view, marked "employers only", and the server ignores
// them for job seekers.
document.addEventListener("DOMContentLoaded", function () {
  var choice = document.querySelector("[data-role-choice]");
  var groups = document.querySelectorAll("[data-for-role]");
  if (!choice || !groups.length) return;

  function update() {
    var checked = choice.querySelector("input[type=radio]:checked");
    var role = checked ? checked.value : "";
    groups.forEach(function (group) {
      var shown = group.dataset.forRole === role;
      group.hidden = !shown;
      group.disabled = !shown;  // nothing hidden is sent
    });
  }

  choice.addEventListener("change", update);
  update();
});
