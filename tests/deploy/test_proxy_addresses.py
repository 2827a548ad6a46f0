"""Behind nginx every request comes from nginx: with ALLAUTH_TRUSTED_PROXY_COUNT the rate
limits count the address nginx saw (the last X-Forwarded-For entry), so visitors keep
limits of their own, and a visitor cannot pick a fresh address by sending the header."""

import pytest
from django.urls import reverse

SIGNUP = {
    "password1": "a-long-member-passphrase",
    "password2": "a-long-member-passphrase",
    "display_name": "Newcomer",
    "privacy_consent": "on",
}


def sign_up(client, email, forwarded_for):
    client.logout()
    return client.post(
        reverse("account_signup"),
        dict(SIGNUP, email=email),
        headers={"X-Forwarded-For": forwarded_for},
    )


def newsletter_sign_up(client, email, forwarded_for):
    return client.post(
        reverse("newsletter_signup"),
        {"email": email, "language": "en", "consent": "on"},
        headers={"X-Forwarded-For": forwarded_for},
    )


@pytest.fixture
def one_signup_per_address(settings, home_page):
    settings.ACCOUNT_RATE_LIMITS = {"signup": "1/h/ip"}


def test_behind_one_proxy_two_forwarded_addresses_are_two_clients(
    client, settings, one_signup_per_address
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    assert sign_up(client, "first@example.org", "203.0.113.10").status_code == 302
    assert sign_up(client, "second@example.org", "203.0.113.20").status_code == 302
    # The same visitor again is still limited.
    response = sign_up(client, "third@example.org", "203.0.113.10")
    assert response.status_code == 429


def test_without_a_trusted_proxy_the_header_is_ignored_and_all_share_one_limit(
    client, settings, one_signup_per_address
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    assert sign_up(client, "first@example.org", "203.0.113.10").status_code == 302
    response = sign_up(client, "second@example.org", "203.0.113.20")
    assert response.status_code == 429
    assert "Too many attempts" in response.text


def test_a_visitor_cannot_escape_the_limit_by_sending_its_own_forwarded_header(
    client, settings, one_signup_per_address
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    # nginx appends the address it saw to whatever the visitor sent.
    assert sign_up(client, "first@example.org", "198.51.100.1, 203.0.113.10").status_code == 302
    response = sign_up(client, "second@example.org", "198.51.100.2, 203.0.113.10")
    assert response.status_code == 429


def test_newsletter_limit_counts_each_visitor_behind_the_proxy(client, settings, db):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for number in range(6):
        response = newsletter_sign_up(client, f"r{number}@example.org", f"203.0.113.{number}")
        assert response.status_code == 302, number
    for number in range(5):
        newsletter_sign_up(client, f"s{number}@example.org", "198.51.100.9")
    assert newsletter_sign_up(client, "s6@example.org", "198.51.100.9").status_code == 429
