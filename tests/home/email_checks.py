"""What every email the site sends must be, checked on one rendered email.

`problems(html, text, language, validate=w3c)` lists what is wrong, so a failing test
says what to fix: invalid HTML (the `validate` function given, the W3C checker in the
tests), SVG, style sheets, web fonts or images from anywhere but the site itself, the
wrong `lang` or `dir`, a missing text part or one that does not say what the HTML says.
"""

import re
from collections import Counter

from bs4 import BeautifulSoup
from django.conf import settings

ARABIC = re.compile(r"[\u0600-\u06FF]")


def visible_words(html: str) -> Counter:
    """The words a reader sees in the HTML part (not the logo band, which the text
    part leaves out on purpose)."""
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup.select("head, style, script, [data-text=skip]"):
        hidden.decompose()
    return Counter(re.findall(r"\w+", soup.get_text(" ")))


def problems(html: str, text: str, language: str, validate=None) -> list[str]:
    found = []
    if validate is not None:
        found += [f"invalid HTML: {error}" for error in validate(html)]
    lowered = html.lower()
    for needle, why in [
        ("<svg", "SVG (mail clients drop it)"),
        ("<link", "a linked style sheet or font"),
        ("<style", "a <style> element (styles must be inline)"),
        ("@import", "an imported style sheet"),
        ("@font-face", "a web font"),
        ("fonts.googleapis", "a web font"),
        ("<script", "a script"),
    ]:
        if needle in lowered:
            found.append(f"contains {why}")
    site = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    for source in re.findall(r"""\ssrc=["']([^"']*)["']""", html):
        if not source.startswith(site + "/"):
            found.append(f"an image from elsewhere: {source}")
    direction = "rtl" if language == "ar" else "ltr"
    if f'<html lang="{language}" dir="{direction}">' not in html:
        found.append(f'no <html lang="{language}" dir="{direction}">')
    if not text.strip():
        found.append("no text part")
    missing = visible_words(html) - Counter(re.findall(r"\w+", text))
    if missing:
        found.append(f"the text part lacks: {' '.join(sorted(missing))}")
    return found
