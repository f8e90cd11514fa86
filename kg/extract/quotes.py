"""Quotation marks: where the quoted passages and the paragraphs of a text are.

Straight and curly double marks pair up within a paragraph: a mark closes the open
quote whatever its shape (a stray opening mark used as a closing one still works), an
unclosed quote ends with its paragraph, and apostrophes are never quote marks.
"""

from __future__ import annotations

__all__ = ["QUOTE_MARKS", "find_quote_spans", "paragraph_ids", "quote_token_spans"]

QUOTE_MARKS = {'"', "“", "”", "„", "«", "»", "‟", "″"}


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans (inside the marks) of the double-quoted passages of ``text``.

    >>> find_quote_spans('He said "it is fine" and “so it is.”')
    [(9, 19), (26, 35)]
    >>> find_quote_spans('an odd " mark\\nnext line')
    [(8, 13)]
    """
    spans = []
    open_at = None
    for i, ch in enumerate(text):
        if ch == "\n":
            if open_at is not None and i - open_at > 1:
                spans.append((open_at, i))
            open_at = None
        elif ch in QUOTE_MARKS:
            if open_at is None:
                open_at = i + 1
            else:
                spans.append((open_at, i))
                open_at = None
    if open_at is not None and len(text) - open_at > 1:
        spans.append((open_at, len(text)))
    return spans


def quote_token_spans(doc) -> list[tuple[int, int]]:
    """Token spans (marks excluded) of the quoted passages of a Doc."""
    out = []
    for a, b in find_quote_spans(doc.text):
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            continue
        start, end = span.start, span.end
        while start < end and doc[start].is_quote:
            start += 1
        while end > start and doc[end - 1].is_quote:
            end -= 1
        if end > start:
            out.append((start, end))
    return out


def paragraph_ids(doc) -> list[int]:
    """For each token, the number of the paragraph (newline-separated block) it is in."""
    ids = []
    number = 0
    for token in doc:
        if "\n" in token.text:
            number += 1
        ids.append(number)
        if "\n" in token.whitespace_:
            number += 1
    return ids
