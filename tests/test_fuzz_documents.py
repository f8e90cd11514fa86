"""Property tests: the loaders never crash on hostile or broken files.

Whatever bytes a file holds, reading it either yields Documents with clean text or reports
exactly one DocumentError per bad file (per bad line for JSONL) through ``on_skip``, with a
one-line message naming it; the good files of the same batch still load.
"""

import pytest
import json
import tempfile
import tracemalloc
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.documents import iter_documents
from kg.errors import DocumentError

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW_FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SUFFIXES = [".txt", ".md", ".html", ".jsonl"]
INVISIBLE = "\u200b\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
TRICKY = (
    "“”„‟\"'‘’‚‛«»‹›「」"  # quote marks, balanced or not
    "אבגדהו مرحبا بالعالم"  # right-to-left scripts
    + INVISIBLE
    + "\u200c\u200d"  # zero-width (non-)joiners, which are kept
)
ARTICLE = "Amazon paused police use of Rekognition, the ACLU said on Wednesday."

tricky_text = st.text(
    alphabet=st.one_of(st.sampled_from(list(TRICKY)), st.characters(blacklist_categories=("Cs", "Cc"))),
    max_size=400,
)


def load(files: dict[str, bytes]):
    """Write ``files`` into a fresh folder, read it, return (documents, skipped, folder)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, data in files.items():
            (folder / name).write_bytes(data)
        skipped: list[DocumentError] = []
        docs = list(iter_documents([folder], on_skip=skipped.append))
        return docs, skipped, folder


def check_clean(docs, skipped, folder):
    for doc in docs:
        assert isinstance(doc.text, str) and doc.text.strip()
        assert "\x00" not in doc.text
        assert not any(ch in doc.text for ch in INVISIBLE)
        assert doc.name
        assert len(doc.id) == 64
    for error in skipped:
        assert isinstance(error, DocumentError)
        message = str(error)
        assert "\n" not in message
        assert message.startswith(str(folder))


@pytest.mark.reliability("Hostile documents", "random bytes as .txt/.md/.html/.jsonl: a Document or one one-line DocumentError naming the file", cases=200)
@FUZZ
@given(data=st.binary(max_size=2000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_never_crash(data, suffix):
    docs, skipped, folder = load({"f" + suffix: data})
    check_clean(docs, skipped, folder)
    if suffix != ".jsonl":
        assert len(docs) + len(skipped) == 1


@pytest.mark.reliability("Hostile documents", "UTF-8 with RTL, zero-width and quote characters cut at a random byte", cases=200)
@FUZZ
@given(text=tricky_text, cut=st.integers(min_value=0, max_value=2000), suffix=st.sampled_from([".txt", ".md"]))
def test_truncated_utf8(text, cut, suffix):
    data = (ARTICLE + " " + text).encode("utf-8")
    data = data[: max(1, min(cut, len(data)))]
    docs, skipped, folder = load({"f" + suffix: data})
    check_clean(docs, skipped, folder)
    assert len(docs) + len(skipped) == 1
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        assert skipped and "not UTF-8" in str(skipped[0])


@pytest.mark.reliability("Hostile documents", "UTF-16 with a BOM reads like the same text in UTF-8", cases=200)
@FUZZ
@given(text=tricky_text)
def test_utf16_with_bom_reads_like_utf8(text):
    text += "\x00\x07"[: len(text) % 3]  # sometimes a control character or a NUL
    body = f"Headline\n\n{ARTICLE} {text}\n"
    docs8, skipped8, _ = load({"a.txt": body.encode("utf-8")})
    docs16, skipped16, folder = load({"a.txt": body.encode("utf-16")})
    check_clean(docs16, skipped16, folder)
    assert [d.text for d in docs16] == [d.text for d in docs8]
    assert [d.title for d in docs16] == [d.title for d in docs8]
    assert len(skipped16) == len(skipped8)


@pytest.mark.reliability("Hostile documents", "UTF-16 LE/BE without a BOM reported, never guessed at", cases=200)
@FUZZ
@given(text=tricky_text, endian=st.sampled_from(["utf-16-le", "utf-16-be"]))
def test_utf16_without_bom_is_reported_not_garbled(text, endian):
    data = f"{ARTICLE} {text}".encode(endian)
    docs, skipped, folder = load({"a.txt": data})
    check_clean(docs, skipped, folder)
    # The article starts with ASCII letters, so NUL bytes are there: never read as text.
    assert docs == []
    message = str(skipped[0])
    assert "UTF-16 without a byte-order mark" in message or "binary file" in message
    if text.isascii():
        assert "UTF-16 without a byte-order mark" in message


@pytest.mark.reliability("Hostile documents", "right-to-left, zero-width and unbalanced/nested quote marks load clean", cases=200)
@FUZZ
@given(text=tricky_text, suffix=st.sampled_from([".txt", ".md"]))
def test_rtl_zero_width_and_quote_marks_load(text, suffix):
    docs, skipped, folder = load({"a" + suffix: f"{ARTICLE}\n{text}\n".encode("utf-8")})
    check_clean(docs, skipped, folder)
    assert len(docs) == 1
    assert "Rekognition" in docs[0].text


@SLOW_FUZZ
@given(
    payload=st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=6, max_size=12),
    parts=st.lists(
        st.sampled_from(["script", "iframe", "img", "style", "link", "object", "svg"]), min_size=1, max_size=6
    ),
    text=tricky_text,
)
@pytest.mark.reliability("Hostile documents", "HTML with script, iframe, img onerror, style, javascript: links, svg onload: only article text kept", cases=60)
def test_hostile_html_yields_only_text(payload, parts, text):
    marker = "zq" + payload  # never in the article text
    snippets = {
        "script": f"<script>document.write('{marker}')</script>",
        "iframe": f"<iframe src=\"javascript:alert('{marker}')\">{marker}</iframe>",
        "img": f"<img src=x onerror=\"alert('{marker}')\">",
        "style": f"<style>.{marker} {{color: red}}</style>",
        "link": f"<a href=\"javascript:{marker}()\">link</a>",
        "object": f"<object data=\"{marker}.swf\"></object>",
        "svg": f"<svg onload=\"{marker}()\"><script>{marker}</script></svg>",
    }
    hostile = "".join(snippets[p] for p in parts)
    escaped = text.replace("&", "&amp;").replace("<", "&lt;")
    html = (
        f"<html><head>{hostile}<title>Title</title></head><body>{hostile}<article>"
        f"<p>{ARTICLE} {hostile}</p><p>{escaped} {ARTICLE}</p>{hostile}</article></body></html>"
    )
    docs, skipped, folder = load({"a.html": html.encode("utf-8")})
    check_clean(docs, skipped, folder)
    for doc in docs:
        assert marker not in doc.text
        assert "<script" not in doc.text and "onerror" not in doc.text
    assert len(docs) + len(skipped) == 1


good_record = st.fixed_dictionaries(
    {"text": tricky_text.map(lambda t: f"{ARTICLE} {t}")},
    optional={"title": st.text(max_size=30), "source": st.text(max_size=20), "published": st.text(max_size=20)},
)


@FUZZ
@given(
    before=st.lists(good_record, min_size=1, max_size=4),
    after=st.lists(good_record, min_size=1, max_size=4),
    junk=st.binary(max_size=200).filter(lambda b: b"\n" not in b and b"\r" not in b),
)
@pytest.mark.reliability("Hostile documents", "JSONL with a broken line in the middle: one FILE:LINE warning, the other lines load", cases=200)
def test_jsonl_broken_middle_line(before, after, junk):
    lines = [json.dumps(r, ensure_ascii=False).encode("utf-8") for r in before]
    lines.append(b"{" + junk)  # never a complete JSON object
    lines += [json.dumps(r, ensure_ascii=False).encode("utf-8") for r in after]
    docs, skipped, folder = load({"batch.jsonl": b"\n".join(lines) + b"\n"})
    check_clean(docs, skipped, folder)
    broken = len(before) + 1
    assert [str(e) for e in skipped if f"batch.jsonl:{broken}:" in str(e)]
    assert len(skipped) == 1
    assert [d.name for d in docs] == [
        f"batch.jsonl:{n}" for n in list(range(1, broken)) + list(range(broken + 1, broken + 1 + len(after)))
    ]


@pytest.mark.reliability("Hostile documents", "up to 5 random bad files beside good ones: good ones load, each bad one reported once", cases=200)
@FUZZ
@given(files=st.lists(st.tuples(st.sampled_from(SUFFIXES), st.binary(max_size=300)), max_size=5))
def test_bad_files_do_not_stop_good_files(files):
    batch = {f"bad{i}{suffix}": data for i, (suffix, data) in enumerate(files)}
    batch["good1.txt"] = f"Headline\n\n{ARTICLE}\n".encode()
    batch["good2.md"] = f"# Headline\n\n{ARTICLE}\n".encode("utf-16")
    docs, skipped, folder = load(batch)
    check_clean(docs, skipped, folder)
    names = [d.name for d in docs]
    assert "good1.txt" in names and "good2.md" in names
    for name in batch:
        if not name.endswith(".jsonl"):
            outcomes = names.count(name) + sum(Path(e.path).name == name for e in skipped)
            assert outcomes == 1, name


@pytest.mark.reliability("Hostile documents", "a 50 MB file refused with one line without being read")
def test_fifty_megabyte_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        chunk = (ARTICLE + "\n").encode() * 10_000
        written = 0
        while written < 50 * 1024 * 1024:
            handle.write(chunk)
            written += len(chunk)
    (tmp_path / "small.txt").write_text(f"Headline\n\n{ARTICLE}\n")
    skipped = []
    tracemalloc.start()
    tracemalloc.reset_peak()
    try:
        docs = list(iter_documents([tmp_path], on_skip=skipped.append))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [d.name for d in docs] == ["small.txt"]
    assert len(skipped) == 1 and "big.txt: too large" in str(skipped[0])
    assert peak < 5 * 1024 * 1024  # the 50 MB were never read


@pytest.mark.reliability("Hostile documents", "a 50 MB JSONL file streamed; only its giant line skipped")
def test_fifty_megabyte_jsonl_streams_and_skips_only_the_giant_line(tmp_path):
    path = tmp_path / "big.jsonl"
    with path.open("wb") as handle:
        handle.write(json.dumps({"text": ARTICLE}).encode() + b"\n")
        handle.write(b'{"text": "' + b"word " * (10 * 1024 * 1024) + b'"}\n')  # one 50 MB line
        handle.write(json.dumps({"text": "IBM exits facial recognition."}).encode() + b"\n")
    skipped = []
    tracemalloc.start()
    tracemalloc.reset_peak()
    try:
        docs = list(iter_documents([path], on_skip=skipped.append))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [d.name for d in docs] == ["big.jsonl:1", "big.jsonl:3"]
    assert len(skipped) == 1 and "big.jsonl:2: line too long" in str(skipped[0])
    assert peak < 45 * 1024 * 1024  # at most one limit-sized chunk in memory, never 50 MB


@pytest.mark.reliability("Hostile documents", "a file of one 10 MB line")
def test_single_ten_megabyte_line(tmp_path):
    path = tmp_path / "oneline.txt"
    path.write_bytes(b"word " * (2 * 1024 * 1024))
    (tmp_path / "ok.md").write_text(f"# Headline\n\n{ARTICLE}\n")
    skipped = []
    docs = list(iter_documents([tmp_path], on_skip=skipped.append))
    assert [d.name for d in docs] == ["ok.md"]
    assert len(skipped) == 1
    assert "oneline.txt: line 1 is too long" in str(skipped[0])
