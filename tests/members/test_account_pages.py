"""The account pages (issue 19 §3) are the site's own: its header and footer, its words
("Sign in", "Keep me signed in"), labelled fields with their errors beside them, valid
HTML in English and Arabic, and translated."""

import re

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import generate_totp_secret
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.members.factories import PASSWORD, ProfileFactory

LANGUAGES = ("en", "ar")


@pytest.fixture
def member(home_page):
    user = ProfileFactory(display_name="Account Holder").user
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


def signed_in(client, user):
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content


def in_language(client, lang):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang


def anonymous_pages(member):
    unverified = EmailAddress.objects.create(user=member, email="new@example.org", verified=False)
    key = EmailConfirmationHMAC(unverified).key
    uid, token = user_pk_to_url_str(member), default_token_generator.make_token(member)
    return {
        "sign in": reverse("account_login"),
        "sign up": reverse("account_signup"),
        "password reset": reverse("account_reset_password"),
        "password reset sent": reverse("account_reset_password_done"),
        "new password": reverse("account_reset_password_from_key", args=[uid, token]),
        "verification sent": reverse("account_email_verification_sent"),
        "confirm email": reverse("account_confirm_email", args=[key]),
    }


MEMBER_PAGES = {
    "email addresses": "account_email",
    "password change": "account_change_password",
    "authenticator app": "mfa_activate_totp",
}


def assert_site_page(response, w3c, name):
    assert response.status_code == 200, name
    html = response.content.decode()
    assert '<header class="site-header">' in html, name
    assert '<footer class="site-footer">' in html, name
    assert html.count("<h1") == 1, name
    assert w3c(html) == [], name
    # Every visible field has a label.
    for field_id in re.findall(r'<input(?![^>]*type="hidden")[^>]*\sid="([^"]+)"', html):
        assert f'for="{field_id}"' in html, (name, field_id)
    return html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_account_pages_are_in_the_site_frame_and_valid(client, member, w3c, lang):
    in_language(client, lang)
    for name, url in anonymous_pages(member).items():
        response = client.get(url, follow=True)
        html = assert_site_page(response, w3c, name)
        assert f'<html lang="{lang}"' in html, name
    # allauth sets up an authenticator app only once every address is verified.
    EmailAddress.objects.filter(user=member, verified=False).delete()
    signed_in(client, member)
    in_language(client, lang)
    for name, url_name in MEMBER_PAGES.items():
        # A slow run may be asked to confirm the password first: that page is ours too.
        assert_site_page(client.get(reverse(url_name), follow=True), w3c, name)


def test_authenticator_app_setup_is_explained_in_our_words(client, member):
    signed_in(client, member)
    # allauth asks for the password again before a second factor is set up.
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    html = client.get(reverse("mfa_activate_totp")).content.decode()
    assert "<h1>Set up an authenticator app</h1>" in html
    assert 'for="authenticator_secret"' in html and 'name="code"' in html


def test_sign_in_speaks_our_words(client, home_page):
    html = client.get(reverse("account_login")).content.decode()
    assert "<h1>Sign in</h1>" in html
    assert "Keep me signed in" in html
    assert "Sign In" not in html and "Remember Me" not in html


def test_sign_in_in_arabic_is_translated(client, home_page):
    in_language(client, "ar")
    html = client.get(reverse("account_login")).content.decode()
    with translation.override("ar"):
        assert translation.gettext("Keep me signed in") in html
    assert "Keep me signed in" not in html


def test_sign_up_password_help_is_not_a_list_inside_a_paragraph(client, home_page):
    html = client.get(reverse("account_signup")).content.decode()
    assert not re.search(r"<p[^>]*>(?:(?!</p>).)*<ul", html, re.S)
    assert 'class="helptext"' in html


def test_wrong_password_shows_the_error_and_keeps_the_address(client, member):
    response = client.post(reverse("account_login"), {"login": member.email, "password": "nope"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "not correct" in html
    assert f'value="{member.email}"' in html


def test_sign_up_errors_sit_on_their_field(client, home_page):
    response = client.post(
        reverse("account_signup"),
        {"email": "not-an-address", "password1": "x", "password2": "y", "display_name": "A"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    field_input = html.index('name="email"')
    field_start = html.rindex('<div class="form-field', 0, field_input)
    email_field = html[field_start:field_input]
    assert "form-field--error" in email_field and "errorlist" in email_field


def test_two_factor_code_page_is_the_sites_and_valid(client, member, w3c):
    Authenticator.objects.create(
        user=member, type=Authenticator.Type.TOTP, data={"secret": generate_totp_secret()}
    )
    response = client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    html = assert_site_page(client.get(reverse("mfa_authenticate")), w3c, "authenticate")
    assert "Enter your code" in html
