// The staff console: the booth's queue, accepting chats, replying, the candidate's context.
(function () {
  "use strict";
  var panel = document.getElementById("chat");
  if (!panel || !window.io || !window.CareerChat) return;
  var t = window.CareerChat.strings();
  var chat = new window.CareerChat(panel, t);
  var lobby = panel.dataset.room;
  var presence = panel.querySelector("[data-presence]");
  var queueList = panel.querySelector("[data-queue-list]");
  var mine = panel.querySelector("[data-conversation-list]");
  var box = panel.querySelector("[data-conversation]");
  var list = box.querySelector("[data-messages]");
  var form = box.querySelector("form");
  var contextBox = box.querySelector("[data-context]");
  var current = null;

  panel.querySelectorAll("form[data-send]").forEach(function (f) { chat.bindForm(f); });
  chat.join(lobby);
  chat.on("disconnected", function () { presence.textContent = t.reconnecting; });
  chat.socket.on("presence", function (p) {
    if (p.room === lobby) presence.textContent = window.CareerChat.plural(t.visitors, p.visitors);
  });

  function text(tag, value) {
    var node = document.createElement(tag);
    node.textContent = value;
    return node;
  }

  function showContext(id) {
    contextBox.textContent = "";
    fetch(panel.dataset.contextUrl.replace(/\/0\/context$/, "/" + id + "/context"),
          { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        box.querySelector("[data-conversation-title]").textContent = data.candidate.name;
        var applied = document.createElement("ul");
        data.applications.forEach(function (a) {
          var item = document.createElement("li");
          var label = a.job + " — " + a.status_label;
          if (a.url) { var link = text("a", label); link.href = a.url; item.append(link); }
          else item.textContent = label;
          applied.append(item);
        });
        contextBox.append(text("h3", t.applied));
        contextBox.append(data.applications.length ? applied : text("p", t.noApplications));
        if (data.profile) {
          contextBox.append(text("h3", t.shared));
          [data.profile.headline, data.profile.highest_degree, data.profile.skills]
            .filter(Boolean).forEach(function (v) { contextBox.append(text("p", v)); });
          if (data.profile.cv_url) {
            var cv = text("a", t.cv); cv.href = data.profile.cv_url; contextBox.append(cv);
          }
        } else {
          contextBox.append(text("p", t.notShared));
        }
      });
  }

  function openConversation(id, name) {
    var room = "conversation:" + id;
    if (current && current !== room) chat.leave(current);
    current = room;
    list.dataset.messages = room;
    list.textContent = "";
    form.dataset.send = room;
    form.hidden = false;
    box.hidden = false;
    box.dataset.conversationId = id;
    chat.join(room);
    showContext(id);
  }

  function addMine(id, name) {
    var item = document.createElement("li");
    var button = text("button", name);
    button.type = "button";
    button.className = "link-button";
    button.dataset.openConversation = id;
    button.addEventListener("click", function () { openConversation(id); });
    item.append(button);
    mine.append(item);
  }

  mine.querySelectorAll("[data-open-conversation]").forEach(function (button) {
    button.addEventListener("click", function () {
      openConversation(Number(button.dataset.openConversation));
    });
  });

  // A booked meeting's conversation, opened from "My meetings".
  if (panel.dataset.openConversation) openConversation(Number(panel.dataset.openConversation));

  chat.socket.on("queue", function (q) {
    queueList.textContent = "";
    if (!q.waiting.length) { queueList.append(text("li", t.queueEmpty)); return; }
    q.waiting.forEach(function (w) {
      var item = document.createElement("li");
      item.append(text("span", w.candidate.name + " "));
      var accept = text("button", t.accept);
      accept.type = "button";
      accept.className = "button";
      accept.addEventListener("click", function () {
        chat.socket.emit("accept", { conversation_id: w.conversation_id }, function (ack) {
          if (!ack || !ack.ok) { item.append(text("span", " " + ((ack && ack.error) || t.failed))); return; }
          addMine(w.conversation_id, w.candidate.name);
          openConversation(w.conversation_id);
        });
      });
      item.append(accept);
      queueList.append(item);
    });
  });

  box.querySelector("[data-end-chat]").addEventListener("click", function () {
    var id = Number(box.dataset.conversationId);
    chat.socket.emit("end_chat", { conversation_id: id }, function (ack) {
      if (ack && ack.ok) {
        form.hidden = true;
        var entry = mine.querySelector('[data-open-conversation="' + id + '"]');
        if (entry) entry.parentElement.remove();
      }
    });
  });
})();
