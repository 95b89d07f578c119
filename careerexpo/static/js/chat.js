// The booth page's chat panel: the public lobby, and a candidate's private chat.
(function () {
  "use strict";
  var panel = document.getElementById("chat");
  if (!panel || !window.io || !window.CareerChat) return;
  var t = window.CareerChat.strings();
  var chat = new window.CareerChat(panel, t);
  var boothId = Number(panel.dataset.boothId);
  var lobby = panel.dataset.room;
  var presence = panel.querySelector("[data-presence]");

  panel.querySelectorAll("form[data-send]").forEach(function (form) { chat.bindForm(form); });
  chat.join(lobby);
  chat.on("disconnected", function () { presence.textContent = t.reconnecting; });
  chat.on("error", function (e) {
    var form = panel.querySelector('form[data-send="' + e.room + '"]');
    var target = form ? form.querySelector("[data-error]") : null;
    if (target) target.textContent = e.error || t.failed;
  });
  chat.socket.on("presence", function (p) {
    if (p.room !== lobby) return;
    presence.textContent = window.CareerChat.plural(t.visitors, p.visitors) + " · " +
      (p.staff_online ? t.staffOnline : t.noStaff);
  });

  var privateBox = panel.querySelector("[data-private]");
  if (!privateBox) return;
  var requestBox = privateBox.querySelector("[data-request]");
  var queue = privateBox.querySelector("[data-queue]");
  var leaveNote = privateBox.querySelector("[data-leave-message]");
  var conversationBox = privateBox.querySelector("[data-conversation]");
  var list = conversationBox.querySelector("[data-messages]");
  var form = conversationBox.querySelector("form");
  var current = null;
  var patienceTimer = null;

  function openConversation(id, waiting) {
    var room = "conversation:" + id;
    if (current === room) return;
    if (current) chat.leave(current);
    current = room;
    list.dataset.messages = room;
    list.textContent = "";
    form.dataset.send = room;
    conversationBox.hidden = false;
    requestBox.hidden = true;
    chat.join(room);
    clearTimeout(patienceTimer);
    if (waiting) {
      patienceTimer = setTimeout(function () { leaveNote.hidden = false; },
        Number(panel.dataset.patience) * 1000);
    }
  }

  function showPlace(position, seconds) {
    queue.hidden = false;
    var minutes = Math.max(1, Math.round(seconds / 60));
    queue.textContent = position > 0
      ? t.place.replace("%(position)s", position).replace("%(minutes)s", minutes)
      : t.chatting;
  }

  privateBox.querySelector("[data-request-chat]").addEventListener("click", function () {
    var share = privateBox.querySelector("[data-share-profile]").checked;
    chat.socket.emit("request_chat", { booth_id: boothId, share_profile: share }, function (ack) {
      if (!ack || !ack.ok) { queue.hidden = false; queue.textContent = (ack && ack.error) || t.failed; return; }
      openConversation(ack.conversation_id, ack.queue_position > 0);
      showPlace(ack.queue_position, ack.estimated_wait_seconds);
      leaveNote.hidden = ack.staff_online > 0 || ack.queue_position === 0;
    });
  });

  chat.socket.on("queue_position", function (p) {
    if (current === "conversation:" + p.conversation_id) showPlace(p.queue_position, p.estimated_wait_seconds);
  });
  chat.socket.on("chat_accepted", function (p) {
    if (current !== "conversation:" + p.conversation_id) openConversation(p.conversation_id, false);
    clearTimeout(patienceTimer);
    leaveNote.hidden = true;
    queue.hidden = false;
    queue.textContent = t.accepted;
  });
  chat.socket.on("chat_ended", function (p) {
    if (current !== "conversation:" + p.conversation_id) return;
    queue.textContent = t.ended;
    form.hidden = true;
    requestBox.hidden = false;
  });

  privateBox.querySelectorAll("[data-open-conversation]").forEach(function (button) {
    button.addEventListener("click", function () {
      openConversation(Number(button.dataset.openConversation), false);
      form.hidden = button.dataset.status === "closed";
    });
    if (button.dataset.status !== "closed" && !current) {
      openConversation(Number(button.dataset.openConversation), button.dataset.status === "waiting");
      queue.hidden = false;
      queue.textContent = button.dataset.status === "waiting" ? t.stillWaiting : t.accepted;
    }
  });

  privateBox.querySelectorAll("[data-apply-job]").forEach(function (button) {
    button.addEventListener("click", function () {
      var result = privateBox.querySelector("[data-apply-result]");
      var url = panel.dataset.applyUrl.replace(/\/0$/, "/" + button.dataset.applyJob);
      fetch(url, { method: "POST", headers: { "X-CSRFToken": panel.dataset.csrf },
                   credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (data) {
          result.textContent = data.ok ? data.message : data.error;
          if (data.ok) button.disabled = true;
        })
        .catch(function () { result.textContent = t.failed; });
    });
  });
})();
