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


# A focus indicator a person can see: a drawn outline, or a box shadow standing in for one.
FOCUS_IS_VISIBLE = """el => {
    const s = getComputedStyle(el);
    const drawn = c => c && !/rgba\\(.*,\\s*0\\)$/.test(c) && c !== 'transparent';
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
        && drawn(s.outlineColor);
    return outline || (s.boxShadow !== 'none' && drawn(s.boxShadow));
}"""


def tab_to(page, matches, unmarked, limit=80):
    """Press Tab until the focused element satisfies the JavaScript predicate `matches`.

    Every element that receives focus on the way is checked for a visible focus
    indicator; the ones without are added to `unmarked`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate_handle("document.activeElement")
        if focused.evaluate("el => el === document.body"):
            continue  # focus left the page for the browser's own controls
        if not focused.evaluate(FOCUS_IS_VISIBLE):
            unmarked.append(focused.evaluate("el => el.outerHTML.slice(0, 120)"))
        if focused.evaluate(matches):
            return focused
    raise AssertionError(f"never reached {matches} with the keyboard")
