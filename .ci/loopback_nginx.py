"""The shipped nginx site file (deploy/nginx/acn.conf) run on loopback, for the checks
that need a real nginx: .ci/deploy-check (a stand-in app behind it) and .ci/smoke (the
whole deployment behind it). Standard library only: deploy-check runs without the venv.

Nothing under /etc/nginx is read or touched: the site file is copied into a temporary
folder with its paths and ports moved there, inside a minimal nginx.conf of our own.
"""

import contextlib
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE_FILE = ROOT / "deploy" / "nginx" / "acn.conf"
UPSTREAM = "upstream acn_app {"


def find_nginx() -> str | None:
    return shutil.which("nginx") or (
        "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
    )


def _replaced(text: str, pairs: list[tuple[str, str]]) -> str:
    """Each line that is replaced must be there, so that a change to the shipped file
    cannot slip past the checks that rely on it."""
    for old, new in pairs:
        if old not in text:
            sys.exit(f"{SITE_FILE} no longer has {old!r}; update .ci/loopback_nginx.py")
        text = text.replace(old, new)
    return text


def site_file_for(tmp: Path, listen_port: int, app_ports: list[int], root: Path | None = None):
    """The shipped site file with its paths and ports moved: nginx listens on
    127.0.0.1:`listen_port` in front of the app servers on `app_ports` (one `server` line
    each, as README "More than one app server" says), serving files from `root`
    (default `tmp`/var, standing for /var/lib/acn)."""
    return site_files_for(tmp, [(listen_port, app_ports, root or tmp / "var")])


def site_files_for(tmp: Path, fronts: list[tuple[int, list[int], Path]]) -> str:
    """Like site_file_for, with several server blocks: one per (listen port, app server
    ports, root), each with its own upstream, sharing the file's http-level lines (the
    log format and its map) once."""
    text = SITE_FILE.read_text()
    if UPSTREAM not in text:
        sys.exit(f"{SITE_FILE} no longer has {UPSTREAM!r}; update .ci/loopback_nginx.py")
    shared, _, per_front = text.partition(UPSTREAM)
    per_front = UPSTREAM + per_front
    blocks = [_replaced(shared, [("/var/log/nginx/", f"{tmp}/log/")])]
    for number, (listen_port, app_ports, root) in enumerate(fronts):
        name = "acn_app" if len(fronts) == 1 else f"acn_app_{number}"
        servers = "\n    ".join(f"server 127.0.0.1:{port} fail_timeout=0;" for port in app_ports)
        blocks.append(
            _replaced(
                per_front,
                [
                    (UPSTREAM, f"upstream {name} {{"),
                    ("http://acn_app;", f"http://{name};"),
                    ("root /var/lib/acn;", f"root {root};"),
                    ("/var/log/nginx/", f"{tmp}/log/"),
                    ("listen 80;", f"listen 127.0.0.1:{listen_port};"),
                    ("listen [::]:80;", ""),
                    ("server 127.0.0.1:8000 fail_timeout=0;", servers),
                ],
            )
        )
    return "\n".join(blocks)


def nginx_conf(tmp: Path) -> str:
    """A minimal nginx.conf that includes `tmp`/acn.conf, with every path under `tmp`."""
    return f"""
worker_processes 1;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/log/error.log;
events {{ worker_connections 256; }}
http {{
    types {{
        text/html html; text/css css; text/plain txt; application/javascript js;
        image/jpeg jpg; image/png png; image/webp webp; image/avif avif;
        image/svg+xml svg; application/pdf pdf; font/woff2 woff2;
    }}
    default_type application/octet-stream;
    client_body_temp_path {tmp}/temp/body;
    proxy_temp_path {tmp}/temp/proxy;
    fastcgi_temp_path {tmp}/temp/fastcgi;
    uwsgi_temp_path {tmp}/temp/uwsgi;
    scgi_temp_path {tmp}/temp/scgi;
    include {tmp}/acn.conf;
}}
"""


def write_config(tmp: Path, site: str) -> Path:
    """acn.conf and nginx.conf under `tmp`, readable by nginx's workers (nobody)."""
    for folder in ("log", "temp"):
        (tmp / folder).mkdir(exist_ok=True)
    (tmp / "acn.conf").write_text(site)
    conf = tmp / "nginx.conf"
    conf.write_text(nginx_conf(tmp))
    for path in (tmp / "acn.conf", conf):
        path.chmod(0o644)
    return conf


def nginx_test(nginx: str, tmp: Path, conf: Path) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603
        [nginx, "-t", "-p", str(tmp), "-c", str(conf), "-e", str(tmp / "log/error.log")],
        capture_output=True,
        text=True,
        check=False,
    )


def port_free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as probe:
        return probe.connect_ex((host, port)) != 0


def wait_for_port(port: int, seconds: float = 10, process=None) -> bool:
    """True once something listens on 127.0.0.1:`port`; False after `seconds`, or as soon
    as `process` (a Popen) has ended."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not port_free(port):
            return True
        if process is not None and process.poll() is not None:
            return False
        time.sleep(0.1)
    return False


def stop(process, seconds: float = 10) -> None:
    """SIGTERM (nginx's fast shutdown, gunicorn's graceful one), then SIGKILL."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextlib.contextmanager
def running_nginx(nginx: str, tmp: Path, conf: Path, ports: list[int]):
    """nginx in the foreground (daemon off), so that this script owns it and stops it,
    whatever happens; yields the Popen once every port in `ports` answers, or None."""
    command = [nginx, "-p", str(tmp), "-c", str(conf), "-e", str(tmp / "log/error.log")]
    server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)  # noqa: S603
    try:
        started = all(wait_for_port(port, process=server) for port in ports)
        yield server if started and server.poll() is None else None
    finally:
        stop(server)
        if server.stderr:
            print(server.stderr.read(), end="")
