"""The one way bench/ and loadtest/ start the site under gunicorn: on loopback, on a
free port (another engineer's server may hold any fixed one), stopped when the block
ends, and only handed over once a path answers 200."""

import contextlib
import http.client
import socket
import subprocess
import sys
import time

APP = "network_site.wsgi:application"


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def gunicorn_command(port: int, workers: int, *, log_level: str = "warning") -> list[str]:
    """The command line: this interpreter's gunicorn, bound to 127.0.0.1 only."""
    return [
        sys.executable,
        "-m",
        "gunicorn",
        APP,
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--log-level",
        log_level,
    ]


def answers(port: int, path: str) -> bool:
    """Whether GET `path` on the server answers 200 now."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        connection.request("GET", path, headers={"Host": "localhost"})
        response = connection.getresponse()
        response.read()
        return response.status == 200
    except (OSError, http.client.HTTPException):
        return False
    finally:
        connection.close()


@contextlib.contextmanager
def gunicorn(
    workers: int, env: dict, *, ready_path: str, output=None, seconds: float = 30, log_name=""
):
    """gunicorn with `workers` workers and environment `env` while the block runs;
    yields (process, port) once `ready_path` answers 200. `output` (an open file,
    named `log_name` in the error) receives its stdout and stderr."""
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 - our own gunicorn, bound to loopback
        gunicorn_command(port, workers), env=env, stdout=output, stderr=output
    )
    try:
        deadline = time.monotonic() + seconds
        while not answers(port, ready_path):
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    "gunicorn did not start" + (f", see {log_name}" if log_name else "")
                )
            time.sleep(0.3)
        yield server, port
    finally:
        server.terminate()
        server.wait(timeout=30)
