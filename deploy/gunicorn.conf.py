"""gunicorn's settings for CareerExpo in production: ``make serve`` and docs/deploy.md.

One gevent worker per process: gunicorn monkey-patches the worker before it makes the
app, so psycopg 3 (which then waits through the patched ``select``), redis-py and
SQLAlchemy's pool all wait cooperatively, and each open socket costs a greenlet and
its buffers (tens of kilobytes) instead of a thread. Scale by running more processes
(each on its own port, sticky behind the load balancer), not more workers: Socket.IO
needs every request of one client to reach the same process.

This file imports nothing of CareerExpo's: what gunicorn's master imports before the
fork is imported unpatched in the worker.
"""

import os
import resource

worker_class = "gevent"
workers = 1
bind = os.environ.get("BIND") or f"127.0.0.1:{os.environ.get('PORT') or '5000'}"
# Open connections one process may hold: sockets (mostly idle) and page requests alike.
worker_connections = int(os.environ.get("WORKER_CONNECTIONS") or 10_000)
# Sockets stay open for hours; a restart gives requests under way this long to finish,
# then closes the sockets, whose clients come back (with back-off) to another process.
graceful_timeout = 10
timeout = 30
keepalive = 5
backlog = 2048
accesslog = os.environ.get("ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL") or "info"


def on_starting(_server):
    """Every socket is a file descriptor: take the hard limit the system allows."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = hard if hard != resource.RLIM_INFINITY else max(soft, 65_536)
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
