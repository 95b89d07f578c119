"""Signing out over HTTP ends the sockets of that sign-in, and only those."""

import time

from tests import factories


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
