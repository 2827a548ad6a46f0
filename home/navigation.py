"""The site header's navigation, fitted to who is reading, without the home app
importing the sections that own the links.

The header has three parts:

- the *main* links everyone sees: the pages editors marked "show in menus" (Programmes,
  Stories…), links other apps add for everyone (Events), then Search;
- the *member* links beside them (the directory; the lead adds Messages here);
- the *personal* menu, "My page" (profile, my events, mentoring, settings, sign out),
  shown as a disclosure (`<details>`) so that it works without JavaScript.

Other apps fill the last two, and may add to the first, through Wagtail's hook
`site_navigation`: a function that receives the request and returns a `SiteNavigation`
(or None). It is called once per page, so it may read at most what the request has not
read yet (the signed-in person's profile, one query).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wagtail import hooks

# Wagtail hook through which apps add links to the header (see the module docstring).
SITE_NAVIGATION_HOOK = "site_navigation"


@dataclass(frozen=True)
class NavItem:
    """One link of the header.

    `order` places a link among the menu pages, which take 10, 20, 30… in their tree
    order; `count` is a number shown beside the label (unread messages), with
    `count_label` its words for screen readers ("3 unread")."""

    label: str
    url: str
    order: int = 100
    count: int | None = None
    count_label: str = ""
    lang: str = ""


@dataclass(frozen=True)
class SiteNavigation:
    """What one app adds to the header for this request."""

    main: list[NavItem] = field(default_factory=list)
    member: list[NavItem] = field(default_factory=list)
    personal: list[NavItem] = field(default_factory=list)
    # The heading of the personal menu ("My page"); the first app that gives one wins.
    personal_label: str = ""
    # Where signing out posts to; shown as a button at the end of the personal menu.
    sign_out_url: str = ""


def site_navigation(request) -> list[SiteNavigation]:
    """Ask every registered app what it adds to the header for this request."""
    parts = []
    for build_navigation in hooks.get_hooks(SITE_NAVIGATION_HOOK):
        part = build_navigation(request)
        if part is not None:
            parts.append(part)
    return parts


def is_current(url: str, path: str) -> bool:
    """Whether the reader is on `url` or below it (a programme under Programmes)."""
    return bool(url) and path.startswith(url)
