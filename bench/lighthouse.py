"""Lighthouse scores (mobile, simulated throttling) for a few pages of the demo site
(`manage.py load_demo`, with its images), when Chromium and npm are present. Lighthouse
is installed from the npm registry into var/bench/node (never committed); the site is
served by gunicorn on loopback from var/bench/demo.sqlite3 and var/bench/demo-media."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from bench import load

CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
NODE_DIR = Path("var/bench/node")
FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run --disable-quic"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
DEMO_DATABASE = Path("var/bench/demo.sqlite3")
DEMO_MEDIA = Path("var/bench/demo-media")


def demo_site() -> tuple[str, dict, dict]:
    """The demo database (loaded once, then reused) and the pages to audit."""
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="bench.demo_settings",
        DATABASE_URL=f"sqlite:///{DEMO_DATABASE.resolve()}",
        MEDIA_ROOT=str(DEMO_MEDIA.resolve()),
    )
    env.pop("REDIS_URL", None)
    for command in (["migrate", "--no-input", "-v", "0"], ["load_demo", "--force"]):
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *command], env=env, check=True, capture_output=True
        )
    script = (
        "import django, json; django.setup();"
        "from programmes.models import ProgrammePage; from stories.models import StoryPage;"
        "p = ProgrammePage.objects.live().filter(locale__language_code='en').first();"
        "s = StoryPage.objects.live().filter(locale__language_code='en').first();"
        "print(json.dumps({'programme': p.url, 'story': s.url}))"
    )
    found = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script], env=env, check=True, capture_output=True, text=True
    )
    built = json.loads(found.stdout.strip().splitlines()[-1])
    pages = {
        "home": "/en/",
        "programme": built["programme"],
        "story": built["story"],
        "events": "/en/events/",
    }
    return env["DATABASE_URL"], pages, {"MEDIA_ROOT": env["MEDIA_ROOT"]}


def run(pages=None) -> dict:
    if not (shutil.which("npm") and Path(CHROME).exists()):
        return {"skipped": {"reason": "needs npm and /usr/bin/chromium"}}
    binary = NODE_DIR / "node_modules/.bin/lighthouse"
    if not binary.exists():
        NODE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(  # noqa: S603, S607
            ["npm", "install", "--silent", "--prefix", str(NODE_DIR), "lighthouse@12"], check=True
        )
    database_url, demo_pages, extra_env = demo_site()
    pages = pages or demo_pages
    scores = {}
    with load.serving(database_url, settings="bench.demo_settings", extra_env=extra_env):
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
                scores[name]["url"] = path
            else:
                scores[name] = {"error": "lighthouse wrote no report"}
    return scores
