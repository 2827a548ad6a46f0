"""Optional error tracking: `SENTRY_DSN` sends errors to Sentry or GlitchTip, scrubbed.

The people this site serves may be at risk if who they are or where they are leaks, so
an error report carries what a developer needs (the exception, where in the code, the
kind of request) and nothing about a person: no email address, name, message text, IP
address, cookie, request body or local variable. The SDK is told to collect none of it
(`send_default_pii=False`, no request bodies, no local variables), and `scrub_event`
removes what could still slip through, from every event and every performance trace.
`sentry_sdk` is imported only when a DSN is set.
"""

import ipaddress
import re
from typing import Any
from urllib.parse import parse_qsl, urlsplit, urlunsplit

FILTERED = "[Filtered]"
# Request headers that say nothing about who sent the request.
SAFE_HEADERS = {
    "accept",
    "accept-encoding",
    "accept-language",
    "content-length",
    "content-type",
    "host",
    "x-forwarded-proto",
}
# Breadcrumb and span data worth keeping (the rest can hold query parameters or bodies).
SAFE_DATA_KEYS = {"method", "status_code", "reason", "url", "http.method", "db.system"}

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])")
IPV6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])")
# PostgreSQL repeats the offending value: `Key (email)=(someone@example.org) already exists`.
KEY_VALUE = re.compile(r"(Key \([^)]*\)=\().*?(\)(?: already exists| is not present|$))")
UUID = re.compile(r"^[0-9a-fA-F]{8}-?(?:[0-9a-fA-F]{4}-?){3}[0-9a-fA-F]{12}$")
# Runs of letters and digits that no page slug has: tokens, keys, signatures (mixed case
# or `_`/`:` with a digit, as secrets.token_urlsafe and allauth make them; or 20 and more
# lowercase letters and digits without a hyphen, as Django's password reset tokens).
TOKEN_RUN = re.compile(
    r"(?=[A-Za-z0-9_:-]*\d)(?=[A-Za-z0-9_:-]*[A-Z_:])[A-Za-z0-9_:-]{16,}"
    r"|(?=[a-z0-9]*\d)[a-z0-9]{20,}"
)


def start_error_tracking(dsn: str, environment: str, traces_sample_rate: float) -> None:
    """Turn error tracking on when a DSN is given; do nothing (and import nothing) else."""
    if not dsn:
        return
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        traces_sample_rate=traces_sample_rate,
        before_send=scrub_event,
        before_send_transaction=scrub_event,
    )


def scrub_event(event: dict[str, Any], hint: dict[str, Any] | None = None) -> dict[str, Any]:
    """Remove everything that could identify a person from a Sentry event (in place)."""
    event.pop("user", None)
    if isinstance(event.get("request"), dict):
        event["request"] = _scrub_request(event["request"])
    for exception in _values(event.get("exception")) + _values(event.get("threads")):
        for frame in (exception.get("stacktrace") or {}).get("frames") or []:
            frame.pop("vars", None)
    logentry = event.get("logentry")
    if isinstance(logentry, dict):
        # The template stays (`"Reply to %s failed"`); the values it was filled with go.
        logentry.pop("params", None)
        logentry.pop("formatted", None)
    for crumb in _values(event.get("breadcrumbs")):
        _keep_safe_data(crumb)
    for span in event.get("spans") or []:
        _keep_safe_data(span)
    event.pop("extra", None)
    return _scrub_strings(event)


def _values(container: Any) -> list[dict[str, Any]]:
    if isinstance(container, dict):
        container = container.get("values")
    return [item for item in container or [] if isinstance(item, dict)]


def _scrub_request(request: dict[str, Any]) -> dict[str, Any]:
    """Method, the URL with its tokens and ids blanked, the parameter names, safe headers.
    No body, cookies, query values or server environment (REMOTE_ADDR)."""
    kept: dict[str, Any] = {"method": request.get("method")}
    if request.get("url"):
        kept["url"] = scrub_url(request["url"])
    query = request.get("query_string")
    if query and isinstance(query, str):
        kept["query_string"] = "&".join(
            f"{name}={FILTERED}" for name, _value in parse_qsl(query, keep_blank_values=True)
        )
    headers = request.get("headers")
    if isinstance(headers, dict):
        kept["headers"] = {
            name: value for name, value in headers.items() if name.lower() in SAFE_HEADERS
        }
    return kept


def scrub_url(url: str) -> str:
    """The URL without query or fragment, and with every path segment that is an id or a
    token (`/members/<uuid>/`, `/newsletter/confirm/<token>/`) replaced."""
    parts = urlsplit(url)
    segments = [
        "[id]" if UUID.match(segment) else ("[token]" if TOKEN_RUN.search(segment) else segment)
        for segment in parts.path.split("/")
    ]
    return urlunsplit((parts.scheme, parts.netloc, "/".join(segments), "", ""))


def _keep_safe_data(item: dict[str, Any]) -> None:
    data = item.get("data")
    if isinstance(data, dict):
        item["data"] = {
            key: scrub_url(value) if key == "url" and isinstance(value, str) else value
            for key, value in data.items()
            if key in SAFE_DATA_KEYS
        }


def _scrub_strings(value: Any) -> Any:
    if isinstance(value, str):
        return scrub_text(value)
    if isinstance(value, dict):
        return {key: _scrub_strings(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub_strings(item) for item in value]
    return value


def scrub_text(text: str) -> str:
    """Email addresses, IP addresses and the values PostgreSQL quotes, blanked."""
    text = EMAIL.sub(FILTERED, text)
    text = KEY_VALUE.sub(rf"\g<1>{FILTERED}\g<2>", text)
    text = IPV4.sub(lambda match: _if_address(match.group(0)), text)
    return IPV6.sub(lambda match: _if_address(match.group(0)), text)


def _if_address(candidate: str) -> str:
    """Blank `candidate` only if it really is an IP address (not a time like 12:30:05)."""
    try:
        ipaddress.ip_address(candidate)
    except ValueError:
        return candidate
    return FILTERED
