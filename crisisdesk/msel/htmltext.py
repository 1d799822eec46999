"""Inject bodies written in HTML become Markdown (the package's body format).

Through markdownify (MIT, on BeautifulSoup): it keeps headings, emphasis, lists,
links and tables, and drops scripts and styles with their content. Only cells that
really hold HTML are converted, so a Markdown body with a stray ``<`` is left alone.
"""

from __future__ import annotations

import re

_HTML = re.compile(
    r"<\s*(?:!doctype|html|head|body|p|br|div|span|b|i|u|em|strong|ul|ol|li|table|tr|td|th|h[1-6]|a\s|font|"
    r"blockquote|pre|hr|img|style|script|meta|title)\b[^>]*>",
    re.IGNORECASE,
)


def looks_like_html(text: str) -> bool:
    return bool(_HTML.search(text))


def html_to_markdown(text: str) -> str:
    """Markdown for an HTML fragment or a whole document; nothing of the visible text is lost."""
    from bs4 import BeautifulSoup
    from markdownify import MarkdownConverter

    soup = BeautifulSoup(text, "html.parser")
    for tag in soup(["script", "style", "head", "noscript", "template"]):
        title = tag.find("title") if tag.name == "head" else None
        if title is not None and title.get_text(strip=True) and not soup.find("h1"):
            tag.replace_with(soup.new_string(""))  # a document's <title> repeats its heading: dropped
        else:
            tag.decompose()
    markdown = MarkdownConverter(heading_style="ATX", bullets="-", newline_style="backslash", strip=["img"]).convert_soup(soup)
    markdown = "\n".join(line.rstrip() for line in markdown.splitlines())
    return re.sub(r"\n{3,}", "\n\n", markdown).strip()
