"""Bytes to text the way a browser decodes a page: BOM, declared charset, then a guess."""

from __future__ import annotations

import codecs
import re

from .errors import IngestError

__all__ = ["decode_page"]

#: Declared charsets that browsers read as windows-1252 (WHATWG Encoding Standard).
_WINDOWS_1252_ALIASES = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "ascii",
                         "us-ascii", "iso_8859-1", "cp819", "ibm819", "windows-1252"}
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


#: Python codecs that are no web page's charset: UTF-7 (browsers refuse it: it can smuggle
#: markup past filters), and codecs for names and escapes rather than text.
_NOT_WEB_CHARSETS = frozenset({"utf-7", "idna", "punycode", "unicode-escape",
                               "raw-unicode-escape", "undefined", "unicode-internal"})


def _codec(name: str | None) -> str | None:
    """The Python codec for a declared charset, with browsers' aliases; None if unknown or
    not a text encoding (``hex``, ``zlib``, ``rot-13``, ``uu`` and UTF-7 are refused).

    >>> _codec("ISO-8859-1"), _codec("rot-13"), _codec("hex"), _codec("utf-7")
    ('cp1252', None, None, None)
    """
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    if name in _WINDOWS_1252_ALIASES:
        return "cp1252"
    try:
        codec = codecs.lookup(name).name
        b"a".decode(codec, "ignore")  # LookupError: not a text encoding (hex, zlib, uu...)
    except LookupError:
        return None
    return None if codec.replace("_", "-") in _NOT_WEB_CHARSETS else codec


def decode_page(data: bytes, *, declared: str | None = None) -> tuple[str, str, str | None]:
    """Decode a page's bytes the way a browser would: BOM, declared charset, then a guess.

    Order: a byte-order mark; ``declared`` (e.g. the HTTP ``Content-Type`` charset); a
    ``<meta charset>`` or ``<meta http-equiv="Content-Type">`` in the first 4 KB; UTF-8; and
    last the ``charset_normalizer`` detector, which is a guess (on a tie between code pages,
    windows-1252 is preferred, as it is the web's most common legacy encoding). ``iso-8859-1`` and
    ``us-ascii`` are read as windows-1252, as browsers do.

    Returns
    -------
    (text, encoding, note)
        ``note`` is None when the encoding was declared or is UTF-8, else a sentence to show
        the user (the detector guessed, or the declared charset was wrong).

    >>> decode_page("café".encode("cp1252"), declared="ISO-8859-1")
    ('café', 'cp1252', None)
    >>> decode_page("café".encode("utf-8"))
    ('café', 'utf-8', None)
    """
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), codec.replace("-sig", ""), None
    note = None
    match = _META_CHARSET.search(data[:4096])
    claimed = declared or (match.group(1).decode("ascii", "replace") if match else None)
    codec = _codec(claimed)
    if claimed and codec is None:
        try:
            codecs.lookup(claimed.strip().strip("\"'"))
            note = f"declares the charset {claimed!r}, which is not a text encoding the kit reads"
        except LookupError:
            note = f"declares the unknown charset {claimed!r}"
    if codec:
        try:
            return data.decode(codec), codec, None
        except (UnicodeError, ValueError):
            note = f"declares {claimed} but is not valid {claimed}"
    if not claimed or codec != "utf-8":
        try:
            return data.decode("utf-8"), "utf-8", note
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    best = matches[0] if matches else None
    if best is not None:
        # Ties are common between Western code pages; prefer the web's usual windows-1252.
        tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
        best = next((m for m in tied if m.encoding == "cp1252"), best)
    if best is None or best.encoding is None:
        raise IngestError("is not text in any encoding the kit could recognise; "
                          "is it really a web page or a text file?")
    guessed = _codec(best.encoding) or best.encoding
    guess = f"the encoding was guessed as {guessed}: check accented letters and quotes"
    note = f"{note}; {guess}" if note else guess
    return data.decode(guessed, errors="replace"), guessed, note
