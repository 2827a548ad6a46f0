"""The plain-text part of an email, written from its HTML part.

An email is written once, as HTML in the base design (home/templates/emails/base.html);
its text part is made from that HTML here, so the two always say the same. Paragraphs,
headings and list items become lines, a link becomes "words (address)" (or the address
alone when the words are the address), a button link "words: address" on its own line,
table rows become lines with " | " between cells, and the footer follows a "--" line.
What the text part must not show (the logo in the header) carries `data-text="skip"`.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements that start and end a paragraph (a blank line around them) or a line.
PARAGRAPHS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "figure", "table"}
LINES = {"br", "tr", "li", "div", "figcaption", "dt", "dd", "caption"}
SKIPPED = {"head", "style", "script", "title"}
VOID = {"br", "img", "hr", "meta", "link", "input", "col", "area", "base", "source", "wbr"}


class _TextWriter(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.breaks = 0  # newlines owed before the next words
        self.skip_depth = 0
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped from here)
        self.links: list[tuple[str, int, bool]] = []  # (href, where its words start, button)
        self.lists: list[list] = []  # one [ordered, count] per open list
        self.cells = 0  # cells so far in the current table row

    # Writing ---------------------------------------------------------------------------

    def need(self, newlines: int):
        if self.text().strip():
            self.breaks = max(self.breaks, newlines)

    def write(self, words: str):
        if not words:
            return
        if self.breaks:
            self.lines[-1] = self.lines[-1].rstrip()
            self.lines.extend([""] * self.breaks)
            self.breaks = 0
            words = words.lstrip()
        elif not self.lines[-1] or self.lines[-1].endswith(" "):
            words = words.lstrip()
        self.lines[-1] += words

    def text(self) -> str:
        return "\n".join(self.lines)

    # Parsing ---------------------------------------------------------------------------

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        skipped = tag in SKIPPED or attributes.get("data-text") == "skip"
        if tag not in VOID:
            self.stack.append((tag, skipped))
        if skipped:
            self.skip_depth += 1
            if tag in VOID:
                self.skip_depth -= 1
            return
        if self.skip_depth:
            return
        if attributes.get("data-text") == "footer":
            self.need(2)
            self.write("--")
            self.breaks = 1
        if tag in PARAGRAPHS:
            self.need(2)
        elif tag in LINES:
            self.need(1)
        if tag in ("ul", "ol"):
            self.lists.append([tag == "ol", 0])
        elif tag == "li":
            marker = "-"
            if self.lists:
                self.lists[-1][1] += 1
                marker = f"{self.lists[-1][1]}." if self.lists[-1][0] else "-"
            self.write(marker + " ")
        elif tag == "tr":
            self.cells = 0
        elif tag in ("td", "th"):
            if self.cells:
                self.write(" | ")
            self.cells += 1
        elif tag == "a" and attributes.get("href"):
            button = "button" in (attributes.get("class") or "").split()
            if button:
                self.need(2)
            self.links.append((attributes["href"], len(self.text()), button))
        elif tag == "img" and attributes.get("alt"):
            self.write(f"[{attributes['alt']}]")
        elif tag == "hr":
            self.need(2)
            self.write("----")
            self.need(2)

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, skipped = self.stack.pop()
            if skipped:
                self.skip_depth -= 1
            if open_tag == tag:
                break
        else:
            return
        if self.skip_depth or (skipped and open_tag == tag):
            return
        if tag == "a" and self.links:
            href, start, button = self.links.pop()
            words = self.text()[start:].strip()
            address = href.removeprefix("mailto:")
            if button:
                self.write(f": {href}" if words else href)
                self.need(2)
            elif words != address:
                self.write(f" ({href})" if words else href)
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        if tag in PARAGRAPHS:
            self.need(2)
        elif tag in LINES:
            self.need(1)

    def handle_data(self, data):
        if self.skip_depth:
            return
        self.write(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """The words of `html` as plain text, one paragraph per block."""
    writer = _TextWriter()
    writer.feed(html)
    writer.close()
    lines = [line.rstrip() for line in writer.text().splitlines()]
    text = "\n".join(lines).strip()
    return re.sub(r"\n{3,}", "\n\n", text) + "\n"
