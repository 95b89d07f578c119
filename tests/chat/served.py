"""CareerExpo served as in production, in its own process: ``make serve``'s gunicorn with
``deploy/gunicorn.conf.py`` (one gevent worker) on a free loopback port."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
GUNICORN_CONF = ROOT / "deploy" / "gunicorn.conf.py"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServedApp:
    """``start()``, ``restart()`` (a graceful stop, then a new server on the same port) and
    ``stop()``; ``url`` stays the same across restarts."""

    def __init__(self, database_uri: str, folder: Path, **settings):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = folder / "gunicorn.log"
        env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "FLASK_APP")}
        env.update(CAREEREXPO_ENV="testing", DATABASE_URL=database_uri,
                   CV_FOLDER=str(folder / "cvs"), UPLOAD_FOLDER=str(folder / "uploads"),
                   SEARCH_INDEX_DIR=str(folder / "search-index"), PORT=str(self.port))
        env.update({key: str(value) for key, value in settings.items()})
        self.env = env
        self.process = None

    def start(self) -> "ServedApp":
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                # A short grace on restart: sockets are closed a second after the signal.
                [sys.executable, "-m", "gunicorn", "-c", str(GUNICORN_CONF),
                 "--graceful-timeout", "1", "careerexpo:create_app()"],
                cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while True:
            assert self.process.poll() is None, f"the server exited:\n{self.tail()}"
            try:
                if requests.get(self.url + "/healthz", timeout=2).ok:
                    return self
            except requests.RequestException:
                pass
            assert time.monotonic() < deadline, f"the server did not start:\n{self.tail()}"
            time.sleep(0.1)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def errors(self) -> list[str]:
        """The tracebacks the server logged."""
        try:
            text = self.log.read_text(errors="replace")
        except OSError:
            return []
        return [line for line in text.splitlines() if line.startswith("Traceback")]
