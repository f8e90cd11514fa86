"""Read article files (.txt, .md, .html, .jsonl) into Documents: text, title, date, source.

One job: turn whatever a scraper left on disk into clean article text plus metadata, and
say clearly which files could not be read and why.

- ``.txt`` / ``.md`` / ``.markdown``: the first non-empty line is the title (a leading
  ``#`` is stripped in Markdown; a one- or two-word section label such as "Culture" before
  the headline is skipped).  A metadata header is recognised and removed from the text:
  ``key: value`` lines (``source``, ``url``, ``published``, ``date``, ``author``...) under
  the title, YAML front matter in Markdown, and a leading date such as
  `` date 2021-05-21 ...``.  The title stays in the text: headlines carry facts too.
- ``.html`` / ``.htm``: the article text and its metadata (title, date, site name, URL)
  come from trafilatura, offline; scripts, iframes and markup never reach the text.
- ``.jsonl``: one article per line, an object with ``text`` and optional ``title``,
  ``url``, ``source``, ``published``.  A broken line is reported as ``FILE:LINE`` and the
  other lines still load.  ``max_bytes`` applies to each line, not to the whole file,
  which is streamed, so a large corpus in one JSONL file is fine.

Boilerplate that is not the article is dropped before extraction (:func:`clean_text`):
comment forms, "Source link", subscribe / sponsor / donation blocks, photo credits, share
prompts and "Read also:" lines.

Encodings: UTF-8, with or without a byte-order mark, is read as is.  UTF-16 and UTF-32
are decoded only when they start with a byte-order mark; UTF-16 without one (NUL bytes
between letters) is reported rather than guessed at.  Anything else that is not valid
UTF-8 is reported with the offset of the first bad byte.  Zero-width spaces, soft hyphens
and bidirectional control marks are removed from the text (they break names apart and
carry no meaning in news prose); zero-width joiners are kept.

Every file that cannot be an article gives a :class:`kg.errors.DocumentError` naming the
file and the problem: empty, whitespace or boilerplate only, binary, not UTF-8, larger
than ``max_bytes``, article text longer than ``max_chars`` (the parser's limit), a line
longer than ``max_line`` (text files only: minified HTML is
one long line), a broken JSONL line, or an unknown
suffix on a file named explicitly (folders are walked for known suffixes only).
"""

from __future__ import annotations

import codecs
import datetime as _dt
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.errors import DocumentError, KGError
from kg.model import Document

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_CHARS",
    "DEFAULT_MAX_LINE",
    "SUFFIXES",
    "Document",
    "DocumentError",
    "clean_text",
    "collect_files",
    "decode_bytes",
    "document_from_text",
    "iter_documents",
    "parse_date",
    "read_path",
]

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_MAX_LINE = 1024 * 1024  # characters in one line of a text file
DEFAULT_MAX_CHARS = 1_000_000  # article text; spaCy's own default ``nlp.max_length``
_MARKDOWN_SUFFIXES = {".md", ".markdown"}
_HTML_SUFFIXES = {".html", ".htm"}

OnSkip = Callable[[DocumentError], object] | None


# --------------------------------------------------------------------------- files


def collect_files(paths: Iterable[str | os.PathLike] | str | os.PathLike) -> list[Path]:
    """The article files named by ``paths``: files as given, folders walked recursively.

    Folders contribute files with a known suffix (:data:`SUFFIXES`, any case), sorted,
    skipping hidden files and folders; a file named explicitly must have a known suffix.
    Each file is listed once.

    Raises KGError ``"PATH: no such file or directory"`` for a missing path and
    DocumentError for an explicitly named file with an unknown suffix.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    found: list[Path] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            found.append(path)

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(_walk(path)):
                add(child)
        elif path.is_file():
            if path.suffix.lower() not in SUFFIXES:
                raise DocumentError(
                    path, f"unknown file type {path.suffix or '(no suffix)'!r} (expected {', '.join(SUFFIXES)})"
                )
            add(path)
        elif path.exists():
            raise DocumentError(path, "not a regular file")
        else:
            raise KGError(f"{path}: no such file or directory")
    return found


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in SUFFIXES:
                candidate = Path(root) / name
                if candidate.is_file():
                    yield candidate


def iter_documents(
    paths: Iterable[str | os.PathLike] | str | os.PathLike,
    on_skip: OnSkip = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_line: int = DEFAULT_MAX_LINE,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Document]:
    """Read every article under ``paths`` (see :func:`collect_files`), in order.

    A file (or JSONL line) that cannot be an article is not yielded: ``on_skip`` is called
    with its DocumentError instead, and reading goes on.  Without ``on_skip`` the first
    such error is raised.  A missing path raises KGError before anything is read.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Headline\\n\\nAmazon paused sales.\\n\\nSource link\\n")
    >>> [(d.title, d.text) for d in iter_documents([folder])]
    [('Headline', 'Headline\\n\\nAmazon paused sales.')]
    """
    for path in collect_files(paths):
        yield from read_path(path, on_skip=on_skip, max_bytes=max_bytes, max_line=max_line, max_chars=max_chars)


def read_path(
    path: str | os.PathLike,
    on_skip: OnSkip = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_line: int = DEFAULT_MAX_LINE,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Document]:
    """The Documents of one file (one, or one per line for JSONL); errors as in
    :func:`iter_documents`."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            yield from _read_jsonl(path, on_skip, max_bytes, max_chars)
            return
        if suffix not in SUFFIXES:
            raise DocumentError(path, f"unknown file type {suffix or '(no suffix)'!r}")
        text = decode_bytes(_read_bytes(path, max_bytes), path)
        if suffix in _HTML_SUFFIXES:
            document = _document_from_html(text, path)
        else:
            _check_lines(text, path, max_line)
            document = document_from_text(
                text, name=path.name, path=str(path), markdown=suffix in _MARKDOWN_SUFFIXES
            )
        _check_length(document, path, max_chars)
    except DocumentError as error:
        _skip(error, on_skip)
        return
    yield document


def _check_length(document: Document, where, max_chars: int) -> None:
    if len(document.text) > max_chars:
        raise DocumentError(where, f"article text too long ({len(document.text)} characters > limit {max_chars})")


def _skip(error: DocumentError, on_skip: OnSkip) -> None:
    if on_skip is None:
        raise error
    on_skip(error)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing (before reading) anything over ``max_bytes``."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise DocumentError(path, "is a directory")
        if size > max_bytes:
            raise DocumentError(path, f"too large ({_size(size)} > limit {_size(max_bytes)})")
        with path.open("rb") as handle:
            # read(n) allocates n bytes up front: ask for the size stat() gave, not the limit.
            data = handle.read(size + 1)
            if len(data) > size:  # the file grew after stat()
                data += handle.read(max_bytes + 1 - len(data))
    except OSError as exc:
        raise DocumentError(path, f"cannot read ({exc.strerror or exc.__class__.__name__})") from exc
    if len(data) > max_bytes:  # the file grew after stat()
        raise DocumentError(path, f"too large (> limit {_size(max_bytes)})")
    if not data:
        raise DocumentError(path, "empty file")
    return data


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def _check_lines(text: str, path, max_line: int) -> None:
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start > max_line:
            line = text.count("\n", 0, start) + 1
            raise DocumentError(path, f"line {line} is too long ({end - start} characters > limit {max_line})")
        start = end + 1


# --------------------------------------------------------------------------- decoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Invisible characters that split words and mean nothing in news prose: zero-width space,
# word joiner, BOM/ZWNBSP, soft hyphen, left-to-right/right-to-left marks and the bidi
# embedding, override and isolate controls.  (ZWJ/ZWNJ are kept: emoji and scripts use them.)
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _looks_like_utf16(sample: bytes) -> bool:
    """Whether bytes with NULs read as printable text in UTF-16 (LE or BE)."""
    sample = sample[: len(sample) // 2 * 2]
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in text)
        if text and printable >= 0.8 * len(text):
            return True
    return False


def decode_bytes(data: bytes, path="<bytes>") -> str:
    """Decode a file's bytes as described in the module docstring; newlines unified,
    invisible characters removed.  Raises DocumentError for binary or non-UTF-8 data.

    >>> decode_bytes("Amazon\\u200b’s".encode("utf-16"))
    'Amazon’s'
    >>> decode_bytes(b"caf\\xe9", "x.txt")
    Traceback (most recent call last):
    kg.errors.DocumentError: x.txt: not UTF-8 text (invalid byte 0xe9 at offset 3)
    """
    encoding = "utf-8"
    for bom, name in _BOMS:
        if data.startswith(bom):
            encoding = name
            break
    if encoding == "utf-8" and b"\x00" in data[:65536]:
        if _looks_like_utf16(data[:4096]):
            raise DocumentError(path, "UTF-16 without a byte-order mark (save it as UTF-8)")
        raise DocumentError(path, "binary file (contains NUL bytes)")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding != "utf-8" and encoding != "utf-8-sig":
            raise DocumentError(path, f"not valid {encoding.upper()} text despite its byte-order mark") from exc
        bad = data[exc.start : exc.start + 1].hex()
        raise DocumentError(path, f"not UTF-8 text (invalid byte 0x{bad} at offset {exc.start})") from exc
    if "\x00" in text:  # also after decoding UTF-16/32: a text file holds no NUL
        raise DocumentError(path, "binary file (contains NUL characters)")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    if text:
        controls = len(_CONTROL.findall(text))
        if controls > max(8, len(text) // 20):
            raise DocumentError(path, f"binary file ({controls} control characters)")
        if controls:
            text = _CONTROL.sub(" ", text)
    return text


# --------------------------------------------------------------------------- boilerplate

_BULLET = r"^[\s•·*\-–—>|]*"
# Lines dropped wherever they occur.
_BOILERPLATE_LINES = [
    # comment forms
    r"please enter your (comment|name|e-?mail|website)\b.*",
    r"(leave|post|add|write|submit) a (reply|comment|response)\b.*",
    r"(cancel reply|post comment|submit comment|reply)\s*$",
    r"your e-?mail address will not be published\b.*",
    r"required fields are marked\b.*",
    r"save my name,? e-?mail,? and website\b.*",
    r"(you must be )?logged in to post a comment\b.*",
    r"\d+\s+comments?\s*$",
    r"(show|view|load|read) (all |more )?comments?\b.*",
    r"comments?\s*(\(\d+\))?\s*$",
    # source / origin links
    r"(source|original|via|read the original)( article)?( link)?\s*:?\s*(link)?\s*$",
    r"source link\b.*",
    # subscribe, sponsor, donation
    r"(subscribe|sign up|register)\b.{0,60}\b(newsletter|updates|our|today|now|free|here|for)\b.*",
    r"(subscribe|sign up)( now| today| here)?[.!]?\s*$",
    r"a message from\b.{1,100}:",
    r"your (vote of )?support (is|helps|matters|keeps|means)\b.*",
    r"(please )?(support|fund|back) (our|independent|quality) (journalism|reporting|work|mission)\b.*",
    r"(one click|click) (below|here) (supports?|to support|to subscribe|to donate)\b.*",
    r"join (our|the) (community|newsletter|mailing list|conversation)\b.*",
    r"(make a )?(donate|donation)( now| today)?\b.{0,40}$",
    r"(sponsored( content| by\b.*)?|advertisement|advertising|ad)\s*$",
    r"thank you( for (reading|your support|subscribing))?[.!]*\s*$",
    r"(follow us|like us) on\b.*",
    r"(all rights reserved|©|\(c\) ?\d{4}|copyright ©?\s*\d{4}).*",
    # photo credits
    r"(photo|photograph|image|picture|illustration|video|graphic|header image|featured image|cover image)"
    r"( credits?)?\s*(:.*|(by|courtesy|via)\b(?!.*[.!?”\"]$).{0,100})",  # "Video by X showed ..." is prose
    r"(photo )?credits?\s*:.*",
    r"\(?(shutterstock|getty images|istock(photo)?|alamy|unsplash|pexels|flickr|wikimedia commons)\b.{0,60}\)?\s*$",
    # share prompts
    r"(share|tweet|pin|email|e-mail|print|save)( this| the)?( article| story| post| page)?"
    r"( on| via| with)?( (facebook|twitter|x|linkedin|whatsapp|e-?mail|reddit|telegram|pinterest))*\s*[:!.]?\s*$",
    r"(share|click to share|share this( article| story)?) (on|via|with)\b.*",
    r"((facebook|twitter|linkedin|whatsapp|reddit|telegram|pinterest|email|e-mail|print|copy link|flipboard)"
    r"[\s|,·•/]*){2,}$",
    # cross links
    r"(read|see) (also|more)\b\s*:.*",
    r"(read more|continue reading|see more|more from [\w .&-]{2,40})\W*$",
    r"(also read|related( articles?| stories| coverage)?|more on this( topic)?|recommended( for you)?)\s*:.*",
    r"(related( articles?| stories| coverage)?|recommended|trending|most read|popular)\s*$",
]
_BOILERPLATE = re.compile(_BULLET + r"(?:" + "|".join(_BOILERPLATE_LINES) + r")$", re.IGNORECASE)
# A photo credit at the end of a caption line: "... in 2019. DAVID MCNEW / AFP",
# "Jane Doe/Getty Images", "(AP Photo/John Smith)".
_AGENCY = (
    r"(AFP|AP|EPA|REUTERS|Reuters|Getty Images|GETTY IMAGES|Shutterstock|SHUTTERSTOCK|Bloomberg|Flickr|"
    r"Europa Press|EFE|Xinhua|ANADOLU|Anadolu|dpa|DPA|SIPA|Sipa|NurPhoto|Alamy|iStock|Unsplash|"
    r"[A-Z]{2,}(?: [A-Z]{2,})*)"
)
_CREDIT_TAIL = re.compile(
    r"(?:\(?\b(?:AP |AFP |Reuters )?Photo ?/ ?[^)]{2,60}\)?"
    r"|[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3} ?/ ?" + _AGENCY + r"(?: via [\w ]{2,30})?)\s*$"
)
# Markers after which the rest of the document is a footer (when the rest is short).
_FOOTER_START = re.compile(
    _BULLET
    + r"(?:a message from\b.{0,100}:?|your vote of support\b.*|please enter your comment\b.*|"
    r"leave a (reply|comment)\b.*|source link\b.*|about the author\b.*|"
    r"(subscribe|sign up) (to|for) (our|the)\b.*newsletter.*|related (articles|stories|posts)\s*:?)\s*$",
    re.IGNORECASE,
)
_FOOTER_MAX_CHARS = 2000


def _is_credit_line(line: str) -> bool:
    """A caption whose credit ends the line: the whole line is about a photo."""
    stripped = line.strip()
    if not _CREDIT_TAIL.search(stripped):
        return False
    # "DAVID MCNEW / AFP": require a credit-looking tail, not "AT&T / Verizon" in prose;
    # prose lines end with a full stop, captions end with the credit.
    tail = _CREDIT_TAIL.search(stripped).group(0)
    return "/" in tail and not stripped.endswith((".", "?", "!", "”", '"'))


_CREDIT_ONLY = re.compile(
    r"^\(?(shutterstock|getty images|istock(photo)?|alamy|unsplash|pexels|flickr|afp|ap|reuters|epa)\b.{0,60}$",
    re.IGNORECASE,
)


def _drop_caption_above(kept: list[str]) -> None:
    """A credit on its own line ("Shutterstock") follows its caption: drop the caption
    too when it does not read like prose (no closing full stop, or a trailing "...")."""
    index = len(kept) - 1
    while index >= 0 and not kept[index].strip():
        index -= 1
    if index < 0:
        return
    caption = kept[index].strip()
    trailing = caption.endswith(("...", "…")) or not caption.endswith((".", "!", "?", "”", '"', ":"))
    if trailing and len(caption.split()) <= 40:
        del kept[index:]


def clean_text(text: str) -> str:
    """Drop the lines of ``text`` that are not the article (see the module docstring):
    comment forms, source links, subscribe/sponsor/donation blocks, photo credits, share
    prompts, "Read also:" lines.  A footer that starts with a marker such as "A message
    from ...:" or "Leave a Reply" is cut to the end when what follows is short.

    >>> clean_text("Amazon paused sales.\\nPhoto: Jane Doe/Flickr\\nShare on Twitter\\n"
    ...            "• Read also: Other news\\nIt said so.\\nLeave a Reply\\nJohn\\n")
    'Amazon paused sales.\\nIt said so.'
    """
    lines = text.split("\n")
    offset = 0
    for index, line in enumerate(lines):
        if _FOOTER_START.match(line.strip()):
            rest = "\n".join(lines[index:])
            # A footer is short and comes after most of the article.
            if len(rest) <= _FOOTER_MAX_CHARS and offset >= len(text) // 3:
                lines = lines[:index]
                break
        offset += len(line) + 1
    kept: list[str] = []
    for line in lines:
        stripped = line.strip()
        if stripped and (_BOILERPLATE.match(stripped) or _is_credit_line(stripped)):
            if _CREDIT_ONLY.match(stripped):
                _drop_caption_above(kept)
            continue
        kept.append(line.rstrip())
    out = "\n".join(kept)
    out = re.sub(r"\n{3,}", "\n\n", out)
    return out.strip()


# --------------------------------------------------------------------------- metadata

_MONTHS = (
    "january february march april may june july august september october november december".split()
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_PATTERNS = [
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-][\d:]+)?)?"), "ymd"),
    (re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"), "ymd"),
    (re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})"), "ymd"),
    (re.compile(r"(" + _MONTH + r")\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", re.I), "mdy"),
    (re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+(" + _MONTH + r"),?\s+(\d{4})", re.I), "dmy"),
]
_DATE_ANY = "|".join(p.pattern for p, _ in _DATE_PATTERNS)


def parse_date(value) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date written in a common form, else None.

    >>> [parse_date(s) for s in ("2021-05-21", "June 10, 2020", "10 Jun 2020",
    ...                          "2020-06-10T08:00:00Z", "unknown", "2020-13-40")]
    ['2021-05-21', '2020-06-10', '2020-06-10', '2020-06-10', None, None]
    """
    if value is None:
        return None
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.strftime("%Y-%m-%d")
    text = str(value).strip()
    for pattern, order in _DATE_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        a, b, c = match.groups()
        try:
            if order == "ymd":
                year, month, day = int(a), int(b), int(c)
            elif order == "mdy":
                year, month, day = int(c), _month(a), int(b)
            else:
                year, month, day = int(c), _month(b), int(a)
            return _dt.date(year, month, day).isoformat()
        except ValueError:
            continue
    return None


def _month(name: str) -> int:
    prefix = name.lower().rstrip(".")[:3]
    for number, month in enumerate(_MONTHS, start=1):
        if month.startswith(prefix):
            return number
    raise ValueError(name)


_META_KEYS = {
    "source": "source",
    "publisher": "source",
    "site": "source",
    "sitename": "source",
    "outlet": "source",
    "url": "url",
    "link": "url",
    "canonical": "url",
    "published": "published",
    "date": "published",
    "published_at": "published",
    "publication date": "published",
    "updated": None,
    "author": None,
    "authors": None,
    "by": None,
    "byline": None,
    "title": "title",
    "headline": "title",
    "language": "language",
    "lang": "language",
}
_META_LINE = re.compile(r"^\s*(" + "|".join(sorted(_META_KEYS, key=len, reverse=True)) + r")\s*:\s*(.*)$", re.I)
# " date 2021-05-21 Demonstration of ..." or "Published June 10, 2020" leading a line.
_DATE_LEAD = re.compile(
    r"^\s*(?:date|published|posted|updated|publication date)\s*:?\s*(?:on\s+)?(" + _DATE_ANY + r")[\s,|·-]*",
    re.I,
)
_BARE_DATE = re.compile(r"^\s*(?:" + _DATE_ANY + r")(?:\s*(?:at\s*)?[\d:]+\s*(?:am|pm|[ap]\.m\.)?(?:\s*[A-Z]{2,4})?)?\s*$", re.I)
_HEADER_LINES = 8


def _apply_meta(meta: dict, key: str, value: str) -> None:
    field_name = _META_KEYS.get(key.lower())
    value = value.strip()
    if not field_name or not value or meta.get(field_name):
        return
    if field_name == "published":
        date = parse_date(value)
        if date:
            meta["published"] = date
        return
    if value.lower() in {"unknown", "none", "n/a", "-"}:
        return
    meta[field_name] = value


def _front_matter(text: str, meta: dict) -> str:
    """Remove YAML front matter (``---`` ... ``---``) and keep its metadata."""
    match = re.match(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", text, re.S)
    if not match:
        return text
    import yaml  # only Markdown with front matter needs it

    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return text
    if not isinstance(data, dict):
        return text
    for key, value in data.items():
        if isinstance(key, str) and value is not None and not isinstance(value, (dict, list)):
            _apply_meta(meta, key, value if isinstance(value, str) else str(value))
    return text[match.end() :]


def _header(lines: list[str], meta: dict, markdown: bool) -> tuple[str | None, list[str]]:
    """Find the title and strip metadata lines from the first lines of the text."""
    title = None
    out: list[str] = []
    seen = 0
    for index, line in enumerate(lines):
        if seen >= _HEADER_LINES:
            out.extend(lines[index:])
            break
        stripped = line.strip()
        if not stripped:
            out.append(line)
            continue
        seen += 1
        key_value = _META_LINE.match(stripped)
        if key_value and (key_value.group(1).lower() != "title" or title is None):
            _apply_meta(meta, key_value.group(1), key_value.group(2))
            continue
        lead = _DATE_LEAD.match(stripped)
        if lead and not meta.get("published"):
            meta["published"] = parse_date(lead.group(1))
            rest = stripped[lead.end() :].strip()
            if rest:
                out.append(rest)
            continue
        if _BARE_DATE.match(stripped):
            # A first date that does not parse ("2020-13-40") must not block a later one.
            meta["published"] = meta.get("published") or parse_date(stripped)
            continue
        if markdown:
            heading = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", stripped)
            if heading:
                stripped = heading.group(1)
                line = stripped
        if title is None and not meta.get("title"):
            title = stripped
            if _is_section_label(stripped, lines[index + 1 :]):
                title = None
                continue  # "Culture" above a headline: not part of the article
        out.append(line)
    return title, out


def _is_section_label(line: str, following: list[str]) -> bool:
    words = line.split()
    if len(words) > 2 or line.endswith((".", "!", "?", ":", "”", '"')):
        return False
    # ... and the next line reads like a headline (several words, no closing full stop).
    content = (
        f.strip()
        for f in following
        if f.strip() and not _META_LINE.match(f.strip()) and not _BARE_DATE.match(f.strip())
    )
    nxt = next(content, "")
    return len(nxt.split()) >= 4 and not nxt.endswith((".", "!", "?", "”", '"'))


def _short_title(line: str, limit: int = 200) -> str:
    line = re.sub(r"\s+", " ", line).strip()
    if len(line) <= limit:
        return line
    sentence = re.split(r"(?<=[.!?])\s", line, maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence
    return line[:limit].rsplit(" ", 1)[0] + "…"


def document_from_text(
    text: str,
    *,
    name: str = "text",
    path: str = "",
    markdown: bool = False,
    title: str | None = None,
    source: str | None = None,
    published: str | None = None,
    url: str | None = None,
) -> Document:
    """A Document from plain (or Markdown) article text: header metadata read and removed,
    boilerplate dropped.  Metadata given as arguments wins over what the text says.
    Raises DocumentError when no article text is left.
    """
    if not text.strip():
        raise DocumentError(path or name, "only whitespace")
    meta: dict = {}
    if markdown:
        text = _front_matter(text, meta)
    found_title, lines = _header(text.split("\n"), meta, markdown)
    body = clean_text("\n".join(lines))
    if not re.search(r"\w", body):
        raise DocumentError(path or name, "no article text (only boilerplate or metadata)")
    title = title or meta.get("title") or found_title
    return Document(
        text=body,
        path=path,
        title=_short_title(title) if title else None,
        source=source or meta.get("source"),
        published=parse_date(published) or meta.get("published"),
        url=url or meta.get("url"),
        language=meta.get("language") or "en",
        name=name,
    )


# --------------------------------------------------------------------------- HTML


# Elements whose content is never article text: embedded documents, plugins, fallbacks.
_PRUNE_XPATH = [
    "//iframe", "//frame", "//frameset", "//object", "//embed", "//applet", "//noscript",
    "//template", "//svg", "//math", "//canvas", "//audio", "//video", "//form", "//button",
]


def _document_from_html(html: str, path: Path) -> Document:
    import trafilatura  # heavy: only when HTML is read

    try:
        result = trafilatura.bare_extraction(
            html,
            prune_xpath=_PRUNE_XPATH,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            include_tables=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError, LookupError, RecursionError) as exc:  # malformed markup
        raise DocumentError(path, f"cannot parse HTML ({exc.__class__.__name__})") from exc
    if result is None:
        raise DocumentError(path, "no article text found in the HTML")
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = data.get("text") or ""
    if not re.search(r"\w", text):
        raise DocumentError(path, "no article text found in the HTML")
    title = data.get("title")
    body = clean_text(text)
    if not re.search(r"\w", body):
        raise DocumentError(path, "no article text (only boilerplate)")
    return Document(
        text=body,
        path=str(path),
        title=_short_title(title) if title else None,
        source=data.get("sitename") or data.get("hostname"),
        published=parse_date(data.get("date")),
        url=data.get("url"),
        language=data.get("language") or "en",
        name=path.name,
    )


# --------------------------------------------------------------------------- JSONL


def _read_jsonl(path: Path, on_skip: OnSkip, max_bytes: int, max_chars: int) -> Iterator[Document]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        _skip(DocumentError(path, f"cannot read ({exc.strerror or exc.__class__.__name__})"), on_skip)
        return
    with handle:
        number = 0
        any_line = False
        while True:
            try:
                raw = handle.readline(max_bytes + 1)
            except OSError as exc:
                _skip(DocumentError(path, f"cannot read ({exc.strerror or exc.__class__.__name__})"), on_skip)
                return
            if not raw:
                break
            number += 1
            where = f"{path}:{number}"
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                # Skip the rest of an over-long line without holding it in memory.
                while raw and not raw.endswith(b"\n"):
                    raw = handle.readline(1024 * 1024)
                _skip(DocumentError(where, f"line too long (> limit {_size(max_bytes)})"), on_skip)
                continue
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            if not raw.strip():
                continue
            any_line = True
            try:
                document = _jsonl_document(raw, path, number)
                _check_length(document, where, max_chars)
            except DocumentError as error:
                _skip(error, on_skip)
                continue
            yield document
        if not any_line:
            _skip(DocumentError(path, "empty file"), on_skip)


def _jsonl_document(raw: bytes, path: Path, number: int) -> Document:
    where = f"{path}:{number}"
    if b"\x00" in raw:
        raise DocumentError(where, "binary data, not a JSON line")
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(where, f"not UTF-8 text (invalid byte 0x{raw[exc.start:exc.start + 1].hex()})") from exc
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        message = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
        raise DocumentError(where, f"not valid JSON ({message})") from exc
    if not isinstance(record, dict):
        raise DocumentError(where, f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise DocumentError(where, "no \"text\" string")
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub(" ", text).replace("\x00", " ")

    def opt(key: str) -> str | None:
        value = record.get(key)
        return value.strip() or None if isinstance(value, str) else None

    try:
        return document_from_text(
            text,
            name=f"{path.name}:{number}",
            path=str(path),
            title=opt("title"),
            source=opt("source"),
            published=opt("published") or opt("date"),
            url=opt("url"),
        )
    except DocumentError as error:
        raise DocumentError(where, error.problem) from None
