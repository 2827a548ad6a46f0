"""Steps the journeys share: signing in as a person would, and opening the admin."""

from tests.browser.conftest import DESKTOP, open_page


def sign_in(page, base_url, email):
    from home.demo import DEMO_PASSWORD

    page.goto(base_url + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_load_state()


def open_admin(browser, live_server, email):
    """A second browser window, signed in to the Wagtail admin as `email`.

    Returns the page and the list of requests it made to other hosts.
    """
    elsewhere = []
    page = open_page(browser, live_server, elsewhere, DESKTOP)
    sign_in(page, live_server.url, email)
    assert "/admin/" in page.url, f"{email} did not land in the admin"
    return page, elsewhere
