"""Error reports (SENTRY_DSN: Sentry or GlitchTip) tell a developer what broke and where,
never who was involved: no email, name, message text, IP address, cookie or body."""

import gzip
import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from network_site.settings.error_tracking import scrub_event, scrub_url

ROOT = Path(__file__).resolve().parents[2]
EMAIL = "amal.haddad@example.org"
NAME = "Amal Haddad"
ADDRESS = "203.0.113.57"
ADDRESS6 = "2001:db8::57"
MESSAGE = "I can meet you at the library on Tuesday, my new flat is near there"
TOKEN = "q7Xk2LmN9pRsTuVw3yZaBcDeFgHiJkLm0nOpQrStUvW"
PROFILE = "3f1c2b9e-8d7a-4c6b-9e5f-0a1b2c3d4e5f"
SECRETS = [EMAIL, NAME, "Amal", ADDRESS, ADDRESS6, MESSAGE, TOKEN, PROFILE, "s3ss10n", "csrf-v"]


def django_event() -> dict:
    """An event as sentry-sdk's Django, logging and SQL integrations build it for a failed
    message between members, with the values an integration could pick up."""
    return {
        "level": "error",
        "platform": "python",
        "server_name": "app1",
        "transaction": "/members/<uuid:public_id>/message/",
        "message": f"Message from {EMAIL} failed",
        "logentry": {
            "message": "Message from %s to %s failed",
            "params": [EMAIL, NAME],
            "formatted": f"Message from {EMAIL} to {NAME} failed",
        },
        "exception": {
            "values": [
                {
                    "type": "IntegrityError",
                    "module": "django.db.utils",
                    "value": "duplicate key value violates unique constraint "
                    '"members_user_email_key"\nDETAIL:  Key (email)=(amal.haddad@example.org)'
                    " already exists.",
                    "stacktrace": {
                        "frames": [
                            {
                                "filename": "members/views.py",
                                "function": "message_member",
                                "lineno": 210,
                                "vars": {"body": MESSAGE, "sender": NAME, "to": EMAIL},
                            }
                        ]
                    },
                }
            ]
        },
        "request": {
            "url": f"https://network.example.org/members/{PROFILE}/message/",
            "method": "POST",
            "query_string": f"next=/members/{PROFILE}/&email={EMAIL}",
            "cookies": {"sessionid": "s3ss10n", "csrftoken": "csrf-v"},
            "data": {"body": MESSAGE, "display_name": NAME},
            "env": {"REMOTE_ADDR": ADDRESS, "SERVER_NAME": "app1", "SERVER_PORT": "8000"},
            "headers": {
                "Host": "network.example.org",
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": "sessionid=s3ss10n; csrftoken=csrf-v",
                "X-Forwarded-For": f"{ADDRESS}, 127.0.0.1",
                "X-Real-Ip": ADDRESS,
                "Referer": f"https://network.example.org/newsletter/confirm/{TOKEN}/",
                "User-Agent": "Mozilla/5.0 (Linux; Android 14)",
                "Authorization": "Basic YW1hbDpwYXNz",
            },
        },
        "user": {"id": "42", "email": EMAIL, "username": NAME, "ip_address": ADDRESS},
        "breadcrumbs": {
            "values": [
                {
                    "category": "query",
                    "message": 'SELECT "members_profile"."id" FROM "members_profile" WHERE '
                    '"members_profile"."public_id" = %s',
                    "data": {"db.params": [PROFILE], "db.system": "postgresql"},
                },
                {
                    "category": "members",
                    "message": f"Sign-in from {ADDRESS} and {ADDRESS6} for {EMAIL}",
                    "data": {"display_name": NAME},
                },
                {
                    "category": "httplib",
                    "data": {
                        "url": f"https://mail.example.org/api?to={EMAIL}",
                        "method": "POST",
                        "status_code": 500,
                    },
                },
            ]
        },
        "extra": {"sys.argv": ["gunicorn"], "sender": NAME},
        "contexts": {"runtime": {"name": "CPython", "version": "3.11.2"}},
        "tags": {"url": "/members/<uuid:public_id>/message/"},
    }


def test_scrubbed_event_keeps_what_broke_and_where_but_no_one_in_it():
    scrubbed = scrub_event(django_event(), {})
    text = json.dumps(scrubbed)
    for secret in SECRETS:
        assert secret not in text, secret
    # What a developer needs is still there.
    exception = scrubbed["exception"]["values"][0]
    assert exception["type"] == "IntegrityError"
    assert "Key (email)=([Filtered]) already exists" in exception["value"]
    assert exception["stacktrace"]["frames"][0]["function"] == "message_member"
    assert scrubbed["request"] == {
        "method": "POST",
        "url": "https://network.example.org/members/[id]/message/",
        "query_string": "next=[Filtered]&email=[Filtered]",
        "headers": {
            "Host": "network.example.org",
            "Content-Type": "application/x-www-form-urlencoded",
        },
    }
    assert scrubbed["logentry"] == {"message": "Message from %s to %s failed"}
    assert scrubbed["transaction"] == "/members/<uuid:public_id>/message/"
    assert "user" not in scrubbed
    query, sign_in, http = scrubbed["breadcrumbs"]["values"]
    assert query["data"] == {"db.system": "postgresql"}
    assert sign_in["message"] == "Sign-in from [Filtered] and [Filtered] for [Filtered]"
    assert http["data"] == {
        "url": "https://mail.example.org/api",
        "method": "POST",
        "status_code": 500,
    }
    assert scrubbed["contexts"]["runtime"]["version"] == "3.11.2"


def test_urls_lose_tokens_and_ids_but_keep_page_slugs():
    assert scrub_url(f"https://x.example.org/newsletter/unsubscribe/{TOKEN}/") == (
        "https://x.example.org/newsletter/unsubscribe/[token]/"
    )
    assert scrub_url("/accounts/confirm-email/MQ:1tXq9Z:aB3dEfGhIjKlMnOpQrStUvWxYz/") == (
        "/accounts/confirm-email/[token]/"
    )
    assert scrub_url("/accounts/password/reset/key/4-cnqjz4-5a2f8c9d1e0b3f6a7c8d/") == (
        "/accounts/password/reset/key/[token]/"
    )
    assert scrub_url("/en/programmes/community-leadership-2025/apply/?email=a@b.org") == (
        "/en/programmes/community-leadership-2025/apply/"
    )


def environment(**extra) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "SENTRY_DSN"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="network_site.settings.production",
        SECRET_KEY="a-production-like-secret-" + "k3y" * 20,
        WAGTAILADMIN_BASE_URL="https://network.example.org",
        CSRF_TRUSTED_ORIGINS="https://network.example.org",
    )
    env.update(extra)
    return env


def run_python(code: str, **env) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment(**env),
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_without_a_dsn_the_sdk_is_not_even_imported():
    result = run_python("import django, sys; django.setup(); print('sentry_sdk' in sys.modules)")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


class Receiver(BaseHTTPRequestHandler):
    """A stand-in Sentry on loopback: keeps every envelope it is sent."""

    envelopes: list[bytes] = []

    def do_POST(self):  # noqa: N802 (the http.server API)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        self.envelopes.append(body)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


def test_with_a_dsn_a_real_report_reaches_the_server_scrubbed():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Receiver.envelopes = []
    try:
        code = (
            "import django, logging, sentry_sdk; django.setup()\n"
            "logging.getLogger('members').warning('Reply from %s', "
            f"{EMAIL!r})\n"
            "try:\n"
            f"    raise LookupError('no profile for {EMAIL} from {ADDRESS}')\n"
            "except LookupError:\n"
            "    sentry_sdk.capture_exception()\n"
            "sentry_sdk.flush(10)\n"
        )
        port = server.server_address[1]
        result = run_python(code, SENTRY_DSN=f"http://publickey@127.0.0.1:{port}/1")
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 0, result.stderr
    received = b"\n".join(Receiver.envelopes).decode()
    assert '"type":"LookupError"' in received.replace(" ", "")
    assert "no profile for [Filtered] from [Filtered]" in received
    assert EMAIL not in received
    assert ADDRESS not in received
