"""Lighthouse scores (mobile, simulated throttling) for a few pages, when Chromium and
npx are present. Lighthouse is installed from the npm registry into var/bench/node
(never committed); the site is served by gunicorn on loopback."""

import json
import os
import shutil
import subprocess
from pathlib import Path

from bench import load

CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
NODE_DIR = Path("var/bench/node")
FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run --disable-quic"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def run(database_url, pages=None) -> dict:
    if not (shutil.which("npm") and Path(CHROME).exists()):
        return {"skipped": {"reason": "needs npm and /usr/bin/chromium"}}
    binary = NODE_DIR / "node_modules/.bin/lighthouse"
    if not binary.exists():
        NODE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(  # noqa: S603, S607
            ["npm", "install", "--silent", "--prefix", str(NODE_DIR), "lighthouse@12"], check=True
        )
    built = json.loads(Path("var/bench/urls.json").read_text())
    pages = pages or {
        "home": "/en/",
        "programme": built["programme"],
        "story": built["story"],
        "events": "/en/events/",
    }
    scores = {}
    with load.serving(database_url):
        for name, path in pages.items():
            out = NODE_DIR / f"lighthouse-{name}.json"
            subprocess.run(  # noqa: S603
                [
                    str(binary),
                    f"http://localhost:{load.PORT}{path}",
                    "--quiet",
                    f"--chrome-flags={FLAGS}",
                    "--output=json",
                    f"--output-path={out}",
                    "--only-categories=" + ",".join(CATEGORIES),
                ],
                env=dict(os.environ, CHROME_PATH=CHROME),
                check=False,
                timeout=180,
            )
            if out.exists():
                report = json.loads(out.read_text())
                scores[name] = {k: report["categories"][k]["score"] for k in CATEGORIES}
            else:
                scores[name] = {"error": "lighthouse wrote no report"}
    return scores
