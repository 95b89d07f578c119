"""Signing out over HTTP ends the sockets of that sign-in, and only those."""

import time

import pytest
import socketio

from tests import factories
from tests.chat.conftest import NAMESPACE


def test_signing_out_over_http_disconnects_the_socket(connect, booth):
    user = factories.candidate()
    leaving = connect(user)
    other_device = connect(user)
    response = leaving.http.post(f"{leaving.base_url}/auth/logout", allow_redirects=False)
    assert response.status_code == 302
    deadline = time.monotonic() + 5
    while leaving.sio.connected and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not leaving.sio.connected
    assert other_device.sio.connected
    assert other_device.call("join", {"room": booth.room})["ok"]


def _wait_until_closed(client, seconds=5.0):
    deadline = time.monotonic() + seconds
    while client.sio.connected and time.monotonic() < deadline:
        time.sleep(0.05)


def test_a_socket_opened_with_an_ended_sign_in_is_refused(connect, chat_server):
    user = factories.candidate()
    signed_out = connect(user)
    copied_cookies = dict(signed_out.http.cookies)
    signed_out.http.post(f"{signed_out.base_url}/auth/logout", allow_redirects=False)
    _wait_until_closed(signed_out)

    thief = socketio.Client(reconnection=False)
    cookie = "; ".join(f"{k}={v}" for k, v in copied_cookies.items())
    with pytest.raises(socketio.exceptions.ConnectionError):
        thief.connect(chat_server.url, namespaces=[NAMESPACE], transports=["polling"],
                      headers={"Cookie": cookie,
                               "User-Agent": signed_out.http.headers["User-Agent"]},
                      wait_timeout=3)
    thief.disconnect()


def test_signing_out_everywhere_closes_every_devices_sockets(connect, booth):
    user = factories.candidate()
    laptop, phone = connect(user), connect(user)

    response = phone.http.post(f"{phone.base_url}/auth/account/sign-out-everywhere",
                               allow_redirects=False)

    assert response.status_code == 302
    _wait_until_closed(laptop)
    _wait_until_closed(phone)
    assert not laptop.sio.connected and not phone.sio.connected


def test_deleting_the_account_closes_every_devices_sockets(connect):
    user = factories.candidate()
    laptop, phone = connect(user), connect(user)

    response = phone.http.post(f"{phone.base_url}/me/privacy/delete",
                               data={"delete-password": factories.PASSWORD},
                               allow_redirects=False)

    assert response.status_code == 302
    _wait_until_closed(laptop)
    _wait_until_closed(phone)
    assert not laptop.sio.connected and not phone.sio.connected
