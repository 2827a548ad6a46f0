"""Staff hold everyone's data: with STAFF_REQUIRE_MFA they need 2FA before the admin."""

from allauth.mfa.models import Authenticator
from django.urls import reverse


def test_staff_without_two_factor_are_sent_to_set_it_up(client, staff, settings):
    settings.STAFF_REQUIRE_MFA = True
    client.force_login(staff)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_staff_with_two_factor_reach_the_admin(client, staff, settings):
    from allauth.mfa.totp.internal.auth import generate_totp_secret

    from tests.members.test_staff_second_factor import sign_in

    settings.STAFF_REQUIRE_MFA = True
    secret = generate_totp_secret()
    Authenticator.objects.create(user=staff, type=Authenticator.Type.TOTP, data={"secret": secret})
    sign_in(client, staff, totp_secret=secret)
    assert client.get("/admin/").status_code == 200


def test_without_the_setting_staff_reach_the_admin_at_once(client, staff, settings):
    settings.STAFF_REQUIRE_MFA = False
    client.force_login(staff)
    assert client.get("/admin/").status_code == 200


def test_every_member_can_open_two_factor_settings(client, approved_member):
    client.force_login(approved_member)
    response = client.get(reverse("mfa_index"))
    assert response.status_code == 200
    assert reverse("mfa_activate_totp") in response.text
