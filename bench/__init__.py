"""The performance benchmark (`make bench`): builds a small and a large dataset, measures
queries and latency per URL, serves the site with gunicorn for requests per second,
and runs Lighthouse when Chromium and npx are present. Not part of the site itself:
nothing in the apps imports it. See README "Performance"."""

import hashlib
from pathlib import Path


def fingerprint() -> str:
    """Changes when bench/data.py (what a dataset holds) changes: a dataset built by an
    earlier run is reused only while it matches."""
    return hashlib.sha256((Path(__file__).parent / "data.py").read_bytes()).hexdigest()[:16]
