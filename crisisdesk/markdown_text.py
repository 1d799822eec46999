"""Inject bodies and notes as Markdown, rendered without reaching outside the package.

Raw HTML is off (a tag typed in a body is shown as text). An image may only show one
of the package's own attachments: ``![carte](media/carte.png)``. Any other address
(``/home/…/secret.png``, ``file:…``, ``https://…``) would make the machine that shows or
prints the text read one of its own files into a report, or fetch a URL when someone
opens the HTML: such an image is shown as the text that was typed, and
``crisisdesk validate`` reports it (``image_sources`` finds them).
"""

from __future__ import annotations

import base64
import functools
from collections.abc import Callable
from html import escape
from pathlib import PurePosixPath
from urllib.parse import unquote

# What an image's source becomes: a URL to put in the HTML, or None to show the text.
ImageSource = Callable[[str], str | None]

IMAGE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
}


@functools.lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False})
    md.add_render_rule("image", _render_image)
    return md


def _render_image(renderer, tokens, idx, options, env) -> str:
    token = tokens[idx]
    source = unquote(str(token.attrGet("src") or ""))
    alt = renderer.renderInlineAsText(token.children or [], options, env)
    resolve: ImageSource | None = env.get("image_src") if isinstance(env, dict) else None
    url = resolve(source) if resolve is not None else None
    if url is None:
        return escape(f"![{alt}]({source})")  # as typed: nothing is loaded
    title = token.attrGet("title")
    title_attr = f' title="{escape(str(title))}"' if title else ""
    return f'<img src="{escape(url)}" alt="{escape(alt)}"{title_attr} />'


def render_markdown(text: str | None, *, image_src: ImageSource | None = None) -> str:
    """Return ``text`` as HTML; images only where ``image_src`` gives a URL for their source."""
    if not text:
        return ""
    return _parser().render(str(text), {"image_src": image_src})


def image_sources(text: str | None) -> list[tuple[str, int]]:
    """Return (source, line within ``text``, from 0) for each Markdown image in ``text``."""
    if not text or "![" not in text:  # most bodies hold no image: skip the parse
        return []
    found = []
    for token in _parser().parse(str(text)):
        if token.type != "inline" or not token.children:
            continue
        line = token.map[0] if token.map else 0
        stack = list(token.children)
        while stack:
            child = stack.pop(0)
            if child.type == "image":
                found.append((unquote(str(child.attrGet("src") or "")), line))
            if child.children:
                stack[:0] = child.children
    return found


def attachment_image_src(attachments: set[str] | frozenset[str],
                         read: Callable[[str], bytes]) -> ImageSource:
    """An ``image_src`` that embeds the package's own image attachments as ``data:`` URLs.

    ``attachments`` are the package's attachment paths; ``read`` returns a file's bytes.
    Anything else, or a file that cannot be read, is shown as text.
    """

    def resolve(source: str) -> str | None:
        path = source.removeprefix("./")
        kind = IMAGE_TYPES.get(PurePosixPath(path).suffix.lower())
        if path not in attachments or kind is None:
            return None
        try:
            data = read(path)
        except Exception:  # noqa: BLE001 - a missing or unreadable file is shown as text, never a crash
            return None
        return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"

    return resolve


def package_attachments(package) -> frozenset[str]:
    """Every attachment path an inject of ``package`` lists."""
    return frozenset(path for inject in package.injects for path in inject.attachments)
