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
  // The page shows whether staff are online in one place (the booth's header), and it
  // follows the same presence events as everything below, so nothing disagrees with it.
  var staffStatus = document.querySelector("[data-staff-status]");
  var presenceListeners = [];
  chat.socket.on("presence", function (p) {
    if (p.room !== lobby) return;
    presence.textContent = window.CareerChat.plural(t.visitors, p.visitors);
    if (staffStatus) {
      var online = p.staff_online > 0;
      staffStatus.classList.toggle("live", online);
      staffStatus.querySelector("[data-staff-text]").textContent =
        online ? staffStatus.dataset.online : staffStatus.dataset.offline;
      staffStatus.querySelector(".dot").hidden = !online;
    }
    presenceListeners.forEach(function (listener) { listener(p.staff_online); });
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
  // One state decides every line the candidate reads, so no two lines contradict.
  var state = { stage: "idle", staffOnline: null, position: null, seconds: 0, patient: true };
  var privateBody = form.querySelector("textarea");

  function say(text) { queue.hidden = !text; queue.textContent = text || ""; }

  function render() {
    var nobody = state.staffOnline === 0;
    leaveNote.hidden = true;
    if (state.stage === "waiting") {
      if (nobody || !state.patient) { say(""); leaveNote.hidden = false; }
      else if (state.position > 0) {
        var minutes = Math.max(1, Math.round(state.seconds / 60));
        say(t.place.replace("%(position)s", state.position).replace("%(minutes)s", minutes));
      } else say(t.stillWaiting);
    } else if (state.stage === "chatting") {
      say(nobody ? t.staffLeft : t.accepted);
    } else if (state.stage === "ended") {
      say(t.ended);
    }
  }

  presenceListeners.push(function (staffOnline) {
    state.staffOnline = staffOnline;
    render();
  });

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
    state.patient = true;
    if (waiting) {
      patienceTimer = setTimeout(function () { state.patient = false; render(); },
        Number(panel.dataset.patience) * 1000);
    }
  }

  function waitAt(position, seconds) {
    state.stage = position > 0 ? "waiting" : "chatting";
    state.position = position;
    state.seconds = seconds;
    render();
  }

  privateBox.querySelector("[data-request-chat]").addEventListener("click", function () {
    var share = privateBox.querySelector("[data-share-profile]").checked;
    chat.socket.emit("request_chat", { booth_id: boothId, share_profile: share }, function (ack) {
      if (!ack || !ack.ok) { say((ack && ack.error) || t.failed); return; }
      if (typeof ack.staff_online === "number") state.staffOnline = ack.staff_online;
      openConversation(ack.conversation_id, ack.queue_position > 0);
      waitAt(ack.queue_position, ack.estimated_wait_seconds);
      // The button just pressed is gone: go to the box for the first message.
      privateBody.focus();
    });
  });

  chat.socket.on("queue_position", function (p) {
    if (current === "conversation:" + p.conversation_id) waitAt(p.queue_position, p.estimated_wait_seconds);
  });
  chat.socket.on("chat_accepted", function (p) {
    if (current !== "conversation:" + p.conversation_id) openConversation(p.conversation_id, false);
    clearTimeout(patienceTimer);
    state.stage = "chatting";
    state.patient = true;
    if (!state.staffOnline) state.staffOnline = 1;  // whoever accepted is online
    render();
  });
  chat.socket.on("chat_ended", function (p) {
    if (current !== "conversation:" + p.conversation_id) return;
    state.stage = "ended";
    render();
    form.hidden = true;
    requestBox.hidden = false;
  });

  privateBox.querySelectorAll("[data-open-conversation]").forEach(function (button) {
    button.addEventListener("click", function () {
      openConversation(Number(button.dataset.openConversation), false);
      form.hidden = button.dataset.status === "closed";
      state.stage = button.dataset.status === "closed" ? "ended"
        : button.dataset.status === "waiting" ? "waiting" : "chatting";
      render();
      privateBody.focus();
    });
    if (button.dataset.status !== "closed" && !current) {
      var waiting = button.dataset.status === "waiting";
      openConversation(Number(button.dataset.openConversation), waiting);
      state.stage = waiting ? "waiting" : "chatting";
      render();
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
