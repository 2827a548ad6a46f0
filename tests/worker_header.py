"""Test-only middleware for sites served from several gunicorn workers: every response
says which worker process answered it (`X-Worker`), cached or not, so that a test can
check that its requests really reached every worker."""

import os


def worker_header(get_response):
    def middleware(request):
        response = get_response(request)
        response["X-Worker"] = str(os.getpid())
        return response

    return middleware
