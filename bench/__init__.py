"""The performance benchmark (`make bench`): builds a small and a large dataset, measures
queries and latency per URL, serves the site with gunicorn for requests per second,
and runs Lighthouse when Chromium and npx are present. Not part of the site itself:
nothing in the apps imports it. See README "Performance"."""
