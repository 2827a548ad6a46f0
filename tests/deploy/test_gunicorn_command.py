"""bench/ and loadtest/ start the site with one gunicorn command, on loopback only."""

import socket
import sys

from bench.server import free_port, gunicorn_command


def test_gunicorn_binds_to_loopback_with_the_workers_asked_for():
    command = gunicorn_command(8610, 3)
    assert command[:3] == [sys.executable, "-m", "gunicorn"]
    assert "network_site.wsgi:application" in command
    assert command[command.index("--bind") + 1] == "127.0.0.1:8610"
    assert command[command.index("--workers") + 1] == "3"
    assert command[command.index("--log-level") + 1] == "warning"


def test_free_port_is_one_nothing_listens_on():
    port = free_port()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", port))
