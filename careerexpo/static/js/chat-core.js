// The chat client both the booth page and the staff console use.
// Nothing is lost: every room remembers the last message id it showed, and on every
// (re)connect the client joins again and asks for the history after that id; a send
// keeps its client_id until acknowledged and is sent again after a reconnect, which
// the server stores only once. Reconnections back off with jitter (below). Message
// bodies are inserted as text, never as HTML.
(function () {
  "use strict";

  function newClientId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  function CareerChat(panel, strings) {
    this.panel = panel;
    this.strings = strings;
    // Hong Kong time, to the minute, the page's way ("2:25 PM", "下午2:25").
    this.timeFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
      timeZone: "Asia/Hong_Kong", hour: "numeric", minute: "2-digit" });
    this.me = { id: Number(panel.dataset.userId), moderator: panel.dataset.moderator === "true" };
    this.rooms = new Set();
    this.pending = new Map();  // client_id -> {room, body, form}
    this.handlers = {};
    this.template = panel.querySelector("[data-message-template]");
    // When a server restarts, every client it held comes back at once: each waits a
    // random share of an exponentially growing delay (1 s, 2 s, 4 s… up to 30 s, ±50%),
    // so the reconnections spread out instead of arriving together. A handshake the
    // server turns away (429: too many sockets from this address) is retried the same way.
    this.socket = window.io("/chat", {
      reconnectionDelay: 1000, reconnectionDelayMax: 30000, randomizationFactor: 0.5 });
    var self = this;
    this.socket.on("connect", function () {
      self.rooms.forEach(function (room) { self.join(room); });
      self.pending.forEach(function (item, clientId) { self.emitSend(item, clientId); });
      self.emitLocal("connected");
    });
    this.socket.on("disconnect", function () { self.emitLocal("disconnected"); });
    this.socket.on("connect_error", function () { self.emitLocal("disconnected"); });
    this.socket.on("message", function (message) { self.render(message); });
    this.socket.on("message_deleted", function (data) {
      var item = self.panel.querySelector('[data-id="' + Number(data.id) + '"]');
      if (item) item.remove();
    });
  }

  CareerChat.prototype.on = function (name, handler) {
    (this.handlers[name] = this.handlers[name] || []).push(handler);
    return this;
  };

  CareerChat.prototype.emitLocal = function (name, data) {
    (this.handlers[name] || []).forEach(function (h) { h(data); });
  };

  CareerChat.prototype.lastSeen = function (room) {
    return Number(sessionStorage.getItem("careerexpo-chat-last:" + room) || 0);
  };

  CareerChat.prototype.remember = function (room, id) {
    if (id > this.lastSeen(room)) sessionStorage.setItem("careerexpo-chat-last:" + room, id);
  };

  CareerChat.prototype.listFor = function (room) {
    var lists = this.panel.querySelectorAll("[data-messages]");
    for (var i = 0; i < lists.length; i++) if (lists[i].dataset.messages === room) return lists[i];
    return null;
  };

  // A count in words, by the page's plural rules: {"one": "{n} visitor here", "other": …}.
  var pluralRules = new Intl.PluralRules(document.documentElement.lang || undefined);
  CareerChat.plural = function (forms, n) {
    var form = forms[pluralRules.select(n)] || forms.other;
    return form.replace("{n}", new Intl.NumberFormat(document.documentElement.lang || undefined).format(n));
  };

  CareerChat.prototype.render = function (message) {
    var list = this.listFor(message.room);
    if (!list || list.querySelector('[data-id="' + message.id + '"]')) return;
    var item = this.template.content.firstElementChild.cloneNode(true);
    item.dataset.id = message.id;
    item.dataset.sender = message.sender.id;
    var role = message.sender.role === "employer" ? this.strings.staff
      : message.sender.role === "organiser" ? this.strings.organiser : "";
    item.querySelector("[data-sender]").textContent = message.sender.name + (role ? " (" + role + ")" : "");
    var time = item.querySelector("[data-time]");
    time.dateTime = message.sent_at;
    time.textContent = this.timeFormat.format(new Date(message.sent_at));
    item.querySelector("[data-body]").textContent = message.body;
    if (this.me.moderator && message.sender.id !== this.me.id) this.addModeration(item, message);
    var after = null;
    list.querySelectorAll("[data-id]").forEach(function (other) {
      if (!after && Number(other.dataset.id) > message.id) after = other;
    });
    list.insertBefore(item, after);
    list.scrollTop = list.scrollHeight;
    this.remember(message.room, message.id);
  };

  CareerChat.prototype.addModeration = function (item, message) {
    var self = this;
    var remove = document.createElement("button");
    remove.type = "button";
    remove.className = "link-button";
    remove.textContent = this.strings.delete;
    remove.addEventListener("click", function () {
      self.socket.emit("delete_message", { message_id: message.id }, function () {});
    });
    var mute = document.createElement("button");
    mute.type = "button";
    mute.className = "link-button";
    mute.textContent = this.strings.mute;
    mute.addEventListener("click", function () {
      self.socket.emit("mute", { booth_id: Number(self.panel.dataset.boothId), user_id: message.sender.id },
        function (ack) { if (ack && ack.ok) mute.textContent = self.strings.muted; });
    });
    item.querySelector(".who").append(" ", remove, " ", mute);
  };

  CareerChat.prototype.join = function (room, done) {
    var self = this;
    this.rooms.add(room);
    this.socket.emit("join", { room: room }, function (ack) {
      if (!ack || !ack.ok) { self.emitLocal("error", { room: room, error: ack && ack.error }); return; }
      var seen = self.lastSeen(room);
      ack.history.forEach(function (m) { self.render(m); });
      if (seen) {
        self.socket.emit("history", { room: room, after_id: seen }, function (more) {
          if (more && more.ok) more.messages.forEach(function (m) { self.render(m); });
        });
      }
      if (done) done(ack);
    });
  };

  CareerChat.prototype.leave = function (room) {
    this.rooms.delete(room);
    this.socket.emit("leave", { room: room }, function () {});
  };

  CareerChat.prototype.emitSend = function (item, clientId) {
    var self = this;
    this.socket.emit("send", { room: item.room, body: item.body, client_id: clientId }, function (ack) {
      if (!self.pending.has(clientId)) return;
      self.pending.delete(clientId);
      var error = item.form.querySelector("[data-error]");
      if (ack && ack.ok) {
        self.render(ack.message);
        if (error) error.textContent = "";
      } else if (error) {
        error.textContent = (ack && ack.error) || self.strings.failed;
        item.form.elements.body.value = item.body;
      }
    });
  };

  CareerChat.prototype.bindForm = function (form) {
    var self = this;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var body = form.elements.body.value;
      if (!body.trim() || !form.dataset.send) return;
      var clientId = newClientId();
      var item = { room: form.dataset.send, body: body, form: form };
      self.pending.set(clientId, item);
      form.elements.body.value = "";
      if (self.socket.connected) self.emitSend(item, clientId);
    });
    form.elements.body.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
    });
  };

  CareerChat.strings = function () {
    var node = document.getElementById("chat-strings");
    return node ? JSON.parse(node.textContent) : {};
  };

  window.CareerChat = CareerChat;
})();
