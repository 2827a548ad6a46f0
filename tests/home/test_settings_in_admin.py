"""Site settings are kept in the site frame's cache: an editor's change in the admin
must still be saved and seen on the next page."""

from django.contrib.auth import get_user_model
from wagtail.models import Site

from home.models import SiteSettings


def test_site_settings_saved_in_the_admin_show_on_the_next_page(client, home_page):
    site = Site.objects.get(is_default_site=True)
    client.get(home_page.url)  # the frame is built and cached with the old settings
    admin = get_user_model().objects.create_superuser(email="root@example.org", password="x" * 12)
    client.force_login(admin)
    url = f"/admin/settings/home/sitesettings/{site.pk}/"
    form = client.get(url)
    assert form.status_code == 200
    response = client.post(
        url,
        {
            "organisation_name": "Bridges Network",
            "tagline": "Leaders from every language",
            "contact_email": "hello@example.org",
            "newsletter_url": "",
            "social_links-TOTAL_FORMS": "0",
            "social_links-INITIAL_FORMS": "0",
            "social_links-MIN_NUM_FORMS": "0",
            "social_links-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert SiteSettings.for_site(site).organisation_name == "Bridges Network"
    client.logout()
    assert "Bridges Network" in client.get(home_page.url).content.decode()
