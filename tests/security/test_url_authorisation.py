"""Every URL pattern of the site is either declared public (with the reason) or checked
against anonymous, pending member, approved member, another member and staff.

The list is generated from the URL configuration, so a new URL without an entry fails
`test_every_url_pattern_has_an_authorisation_entry` with a message saying what to add.
"""

import io

import pytest
from django.core.files.base import ContentFile
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from PIL import Image

from tests.members.test_authorisation import MATRIX as MEMBER_MATRIX
from tests.members.test_authorisation import VIEWERS

THIS_FILE = "tests/security/test_url_authorisation.py"

# Whole sections whose own framework guards them; sampled by the tests below.
PREFIX_RULES = {
    "admin/": "Wagtail admin: staff only (anonymous sent to sign in, members refused)",
    "accounts/": "allauth: sign-in, sign-up and reset are open by design; account "
    "management (email, password, two-factor) needs a signed-in user",
}

# Open to anyone, on purpose. Name: why.
PUBLIC = {
    "wagtaildocs_serve": "published documents; Wagtail applies page/collection privacy",
    "wagtaildocs_authenticate_with_password": "password form of a restricted document",
    "newsletter_signup": "anyone may sign up (double opt-in)",
    "newsletter_confirm": "link in the opt-in email, opened by its secret token",
    "newsletter_unsubscribe": "one-click unsubscribe, by its secret token",
    "sitemap": "public pages only",
    "robots_txt": "for crawlers",
    "switch_language": "sets a language cookie",
    "healthz": "load balancer probe; says ok/failing, nothing else",
    "search": "searches published public pages",
    "events:list": "public events (members-only events are filtered out)",
    "events:month": "public events",
    "events:archive": "public events",
    "events:feed": "public events only",
    "events:detail": "members-only events answer 404 to non-members (tested in members)",
    "events:ics": "as events:detail",
    "events:guest_reply": "a public event's reply form for people without an account (POST; "
    "members-only events answer 404: tests/members/test_guest_replies.py)",
    "events:guest_confirm": "the emailed link is the key: an unknown token answers 404",
    "events:guest_cancel": "the emailed link is the key: an unknown token answers 404",
    "programme_calendar": "a published programme's schedule",
    "wagtailcore_authenticate_with_password": "password form of a restricted page",
    "wagtailcore_login": "Wagtail's redirect to the sign-in page",
    "wagtail_serve": "published pages; Wagtail applies view restrictions",
    "site_page": "published pages routed from the site frame; view restrictions applied",
    "programme_apply": "anyone may apply to an open programme (deadline, duplicates and "
    "rate limit enforced; tested in programmes)",
    "application_offer": "opened by the secret token in an offer email; unknown or expired "
    "tokens get a clear page (tested in programmes)",
    "programme_monitoring": "offered once, in the applicant's own session, right after "
    "applying; refused (403) otherwise (tested in programmes)",
    "skill_assessment": "opened by the secret token in a self-assessment email, for that "
    "person and round only; unknown tokens get 404 (tested in programmes)",
}


def _photo_owner_args(owner):
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "teal").save(buffer, "JPEG")
    owner.profile.photo.save("face.jpg", ContentFile(buffer.getvalue()), save=True)
    return [owner.profile.public_id]


def _programme_args(owner):
    """A programme with figures; no viewer below may edit it (staff edits no page)."""
    from home.models import HomePage
    from tests.factories import ProgrammeIndexPageFactory, ProgrammePageFactory

    index = ProgrammeIndexPageFactory(parent=HomePage.objects.first())
    return [ProgrammePageFactory(parent=index, application_deadline=None).pk]


# Rows like tests/members/test_authorisation.MATRIX, for URLs tested nowhere else:
# (url name, how to build its arguments from the owner, method, expected statuses for
# anonymous, pending, approved (the owner), another member, staff).
EXTRA_MATRIX = [
    # A members-only photo: nobody outside sees that it exists.
    ("members:photo", _photo_owner_args, "get", (404, 404, 200, 200, 200)),
    # A programme's funder report and its exports: only staff who may edit the programme
    # (tested with an editor in tests/programmes/test_funder_report.py); others are sent
    # to sign in or, staff without that permission, to the admin's dashboard.
    ("programmes_impact:report", _programme_args, "get", (302, 302, 302, 302, 302)),
    ("programmes_impact:report_csv", _programme_args, "get", (302, 302, 302, 302, 302)),
    ("programmes_impact:report_xlsx", _programme_args, "get", (302, 302, 302, 302, 302)),
]


# The only admin addresses anyone may open: what the sign-in page itself needs.
ADMIN_OPEN = {
    "wagtailadmin_login": "sends people to the site's sign-in page",
    "wagtailadmin_javascript_catalog": "the admin's interface translations (no data)",
    "wagtailadmin_sprite": "the admin's icons (no data)",
}


def walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}{pattern.name}" if pattern.name else None
            yield prefix + str(pattern.pattern), name


def all_patterns():
    return list(walk(get_resolver().url_patterns))


def covered_names():
    return set(PUBLIC) | {row[0] for row in MEMBER_MATRIX} | {row[0] for row in EXTRA_MATRIX}


def test_every_url_pattern_has_an_authorisation_entry():
    covered = covered_names()
    missing = []
    for route, name in all_patterns():
        if route.startswith(tuple(PREFIX_RULES)):
            continue
        if name is None or name not in covered:
            missing.append(f"  {route!r} (name {name!r})")
    assert not missing, (
        "These URL patterns have no authorisation entry:\n"
        + "\n".join(missing)
        + f"\nAdd each one either to PUBLIC in {THIS_FILE} with the reason it is open to "
        "anyone, or as a row (url name, arguments, method, expected status for anonymous, "
        "pending, approved, another, staff) to MATRIX in tests/members/test_authorisation.py "
        f"or EXTRA_MATRIX in {THIS_FILE}. A pattern without a name needs one first."
    )


def test_no_entry_names_a_url_that_no_longer_exists():
    names = {name for _route, name in all_patterns()}
    assert covered_names() - names == set()


@pytest.mark.parametrize(("url_name", "build_args", "method", "expected"), EXTRA_MATRIX)
def test_extra_matrix(client, viewers, url_name, build_args, method, expected):
    url = reverse(url_name, args=build_args(viewers["approved"]))
    for viewer_kind, status in zip(VIEWERS, expected, strict=True):
        client.logout()
        if viewers[viewer_kind]:
            client.force_login(viewers[viewer_kind])
        response = getattr(client, method)(url)
        assert response.status_code == status, (viewer_kind, url, response.status_code)


ARGUMENT_FREE_PUBLIC = [
    "newsletter_signup",
    "sitemap",
    "robots_txt",
    "healthz",
    "search",
    "events:list",
    "events:month",
    "events:archive",
    "events:feed",
]


@pytest.mark.parametrize("url_name", ARGUMENT_FREE_PUBLIC)
def test_public_urls_open_to_anyone(client, home_page, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 200, (url_name, response.status_code)


def _argument_free_urls(prefix):
    urls = []
    for route, name in all_patterns():
        if not route.startswith(prefix) or name is None or name in ADMIN_OPEN:
            continue
        try:
            urls.append(reverse(name))
        except NoReverseMatch:
            continue
    return sorted(set(urls))


def test_every_argument_free_admin_url_is_closed_to_anonymous_and_members(client, viewers):
    urls = _argument_free_urls("admin/")
    assert len(urls) > 50  # the walk found the admin
    opened = []
    for viewer_kind in ("anonymous", "pending", "approved"):
        client.logout()
        if viewers[viewer_kind]:
            client.force_login(viewers[viewer_kind])
        for url in urls:
            response = client.get(url)
            if response.status_code < 300:
                opened.append((viewer_kind, url, response.status_code))
            if viewer_kind == "anonymous" and response.status_code == 302:
                assert "login" in response["Location"], (url, response["Location"])
    assert not opened


def test_admin_opens_for_staff(client, viewers):
    client.force_login(viewers["staff"])
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


@pytest.mark.parametrize(
    "url_name",
    ["account_email", "account_change_password", "mfa_index"],
)
def test_account_management_needs_sign_in(client, home_page, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
