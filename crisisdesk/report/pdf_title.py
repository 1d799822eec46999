"""Give a printed PDF its document title (QtWebEngine's printToPdf writes none).

An incremental update, as the PDF format allows (ISO 32000-1, 7.5.6): a new document
information dictionary, a one-entry cross-reference section and a trailer pointing back
to the previous one are appended; nothing already in the file is rewritten. Only files
ending with a classic ``trailer`` (what Chromium's Skia writes) are updated; any other
file is left as it is and False returned, since a title is a convenience, not content.
"""

from __future__ import annotations

import re
from pathlib import Path

_TAIL_BYTES = 4096
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref", re.S)
_SIZE = re.compile(rb"/Size\s+(\d+)")
_ROOT = re.compile(rb"/Root\s+(\d+\s+\d+\s+R)")


def pdf_text_string(text: str) -> bytes:
    """``text`` as a PDF text string: UTF-16BE with its byte order mark, written in hex."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def set_pdf_title(path: str | Path, title: str, *, creator: str = "crisisdesk") -> bool:
    """Append a document title (and creator) to the PDF at ``path``; False if its layout is not handled."""
    path = Path(path)
    with open(path, "rb+") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(max(0, size - _TAIL_BYTES))
        tail = handle.read()
        start = _STARTXREF.search(tail)
        trailers = list(_TRAILER.finditer(tail))
        if not start or not trailers:
            return False
        trailer = trailers[-1].group(1)
        count, root = _SIZE.search(trailer), _ROOT.search(trailer)
        if not count or not root:
            return False
        number = int(count.group(1))
        offset = size if tail.endswith(b"\n") else size + 1
        info = (b"%d 0 obj\n<</Title " % number + pdf_text_string(title)
                + b" /Creator " + pdf_text_string(creator) + b">>\nendobj\n")
        xref_at = offset + len(info)
        update = (
            (b"" if tail.endswith(b"\n") else b"\n") + info
            + b"xref\n%d 1\n%010d 00000 n \n" % (number, offset)
            + b"trailer\n<</Size %d /Root " % (number + 1) + root.group(1)
            + b" /Info %d 0 R /Prev %s>>\n" % (number, start.group(1))
            + b"startxref\n%d\n%%%%EOF\n" % xref_at
        )
        handle.seek(size)
        handle.write(update)
    return True
