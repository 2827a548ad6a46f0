"""The address a request came from, counted the same way by every rate limit."""

from allauth.core.internal.httpkit import get_client_ip
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The visitor's own address: behind our proxies (`ALLAUTH_TRUSTED_PROXY_COUNT`) the
    one the outermost proxy saw, else the connection's. allauth's limits on sign-ups and
    logins count this address, so ours do too: REMOTE_ADDR alone would be the proxy's,
    and every visitor would share one limit."""
    return get_client_ip(request) or ""
