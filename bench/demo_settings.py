"""Settings for Lighthouse on the demo site: the bench settings, with the demo's images
served by Django from MEDIA_ROOT (a deployment serves them from its web server)."""

from bench.settings import *  # noqa: F403

ROOT_URLCONF = "bench.demo_urls"
