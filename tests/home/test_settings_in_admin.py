"""Site settings are kept in the site frame's cache: an editor's change in the admin
must still be saved and seen on the next page. The texts readers read live in a
translatable snippet the settings point to."""

from django.contrib.auth import get_user_model
from wagtail.models import Locale, Site

from home.models import SiteSettings, SiteTexts
from home.models.settings import DEFAULT_BRAND_COLOUR

SOCIAL_LINKS = {
    "social_links-TOTAL_FORMS": "0",
    "social_links-INITIAL_FORMS": "0",
    "social_links-MIN_NUM_FORMS": "0",
    "social_links-MAX_NUM_FORMS": "1000",
}


def test_site_settings_saved_in_the_admin_show_on_the_next_page(client, home_page):
    site = Site.objects.get(is_default_site=True)
    client.get(home_page.url)  # the frame is built and cached with the old settings
    admin = get_user_model().objects.create_superuser(email="root@example.org", password="x" * 12)
    client.force_login(admin)
    response = client.post(
        "/admin/snippets/home/sitetexts/add/",
        {
            "organisation_name": "Bridges Network",
            "tagline": "Leaders from every language",
            "footer_text": "Run by volunteers.",
            "newsletter_text": "",
            "locale": Locale.get_default().pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    texts = SiteTexts.objects.get(organisation_name="Bridges Network")
    url = f"/admin/settings/home/sitesettings/{site.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "texts": texts.pk,
            "contact_email": "hello@example.org",
            "newsletter_url": "",
            "brand_colour": DEFAULT_BRAND_COLOUR,  # as the form fills it in
        }
        | SOCIAL_LINKS,
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert SiteSettings.for_site(site).organisation_name == "Bridges Network"
    client.logout()
    html = client.get(home_page.url).content.decode()
    assert "Bridges Network" in html
    assert "Leaders from every language" in html
    assert "Run by volunteers." in html
