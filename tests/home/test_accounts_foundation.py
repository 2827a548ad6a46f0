"""Accounts exist from the start: people sign in with their email at /accounts/."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user(
        email="editor@example.org", password="a-long-passphrase", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Editors"))
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def test_sign_in_page_is_served_at_accounts_login(client, home_page):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert 'name="login"' in response.text
    assert 'name="password"' in response.text


def test_editor_signs_in_with_email_and_reaches_the_admin(client, editor, home_page):
    response = client.post(
        reverse("account_login"),
        {"login": "editor@example.org", "password": "a-long-passphrase"},
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_wrong_password_is_refused_with_a_message(client, editor, home_page):
    response = client.post(
        reverse("account_login"),
        {"login": "editor@example.org", "password": "wrong-passphrase"},
    )
    assert response.status_code == 200
    assert "not correct" in response.text
    assert client.get("/admin/").status_code == 302


def test_admin_sends_anonymous_visitors_to_the_sign_in_page(client, home_page):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
