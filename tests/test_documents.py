"""Reading articles: each reader, the seeds' metadata, boilerplate removal, bad input."""

import json
from pathlib import Path

import pytest

from kg.documents import (
    clean_text,
    collect_files,
    decode_bytes,
    document_from_text,
    iter_documents,
    parse_date,
)
from kg.errors import DocumentError, KGError

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = Path("/work/shared/corpus")


def read(paths, **kwargs):
    skipped = []
    docs = list(iter_documents(paths, on_skip=skipped.append, **kwargs))
    return docs, skipped


def one(path, **kwargs):
    docs, skipped = read([path], **kwargs)
    assert not skipped, [str(s) for s in skipped]
    assert len(docs) == 1
    return docs[0]


def skipped_message(path, **kwargs):
    docs, skipped = read([path], **kwargs)
    assert docs == []
    assert len(skipped) == 1
    message = str(skipped[0])
    assert "\n" not in message
    assert str(path) in message
    return message


# --------------------------------------------------------------------------- seeds


def seed(prefix):
    return next(SEEDS.glob(prefix + "_*.txt"))


def test_seed_000_title_is_first_sentence_and_comment_form_dropped():
    doc = one(seed("000"))
    assert doc.name == seed("000").name
    assert doc.title.startswith("Amazon has announced a one-year moratorium")
    assert len(doc.title) <= 200
    assert doc.published is None
    assert "Please enter your" not in doc.text
    assert doc.text.endswith("to move to the right side of the story.”")


def test_seed_001_headline_and_sponsor_footer_dropped():
    doc = one(seed("001"))
    assert doc.title == "AWS bans police from using its facial recognition technology for a year"
    for gone in ("Photo: Eden", "A message from", "Your vote of support", "Join our community", "CubeAlumni", "THANK YOU"):
        assert gone not in doc.text
    assert doc.text.endswith("we stand ready to help if requested.”")
    assert "Amazon Web Services Inc. today said" in doc.text


def test_seed_002_leading_date_line_and_photo_caption():
    doc = one(seed("002"))
    assert doc.published == "2021-05-21"
    assert "date 2021" not in doc.text
    assert "DAVID MCNEW" not in doc.text
    assert doc.text.startswith("Amazon will still not sell its software facial recognition")
    assert doc.title.startswith("Amazon will still not sell")


def test_seed_003_read_also_source_link_and_reply_form():
    doc = one(seed("003"))
    assert doc.title == "Amazon temporarily prohibits police from using facial recognition technology"
    for gone in ("Read also", "Source link", "Leave a Reply", "Your email address"):
        assert gone not in doc.text
    assert "Nicole Ozer called" in doc.text


def test_seed_004_section_label_skipped_and_photo_credit_with_caption():
    doc = one(seed("004"))
    assert doc.title == "Amazon has placed a one-year moratorium on police use of Rekognition"
    assert not doc.text.startswith("Culture")
    assert "Shutterstock" not in doc.text
    assert "Futuristic and technological scanning" not in doc.text
    assert "We will continue to allow organizations like Thorn" in doc.text


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
def test_corpus_header_block_gives_metadata_and_leaves_the_text():
    doc = one(CORPUS / "102_robert-williams-detroit-wrongful-arrest.txt")
    assert doc.title == "Detroit Police arrested a man based on facial recognition. But they got it wrong."
    assert doc.source == "Michigan Public (WUOM)"
    assert doc.published == "2020-06-24"
    assert doc.url.startswith("https://www.michiganpublic.org/")
    assert "source:" not in doc.text and "url:" not in doc.text
    unknown = one(CORPUS / "101_ibm-exits-facial-recognition.txt")
    assert unknown.published is None  # "published: unknown"
    assert unknown.source == "Fierce Telecom"


def test_all_seeds_load_in_order_with_distinct_ids():
    docs, skipped = read([SEEDS])
    assert skipped == []
    assert [d.name for d in docs] == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert len({d.id for d in docs}) == len(docs)


# --------------------------------------------------------------------------- readers


def test_markdown_heading_and_front_matter(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: From front matter\ndate: 2020-06-10\nsource: The Verge\n---\n"
        "# Amazon pauses Rekognition\n\nAmazon paused police use of Rekognition.\n",
        encoding="utf-8",
    )
    doc = one(path)
    assert doc.title == "From front matter"
    assert doc.published == "2020-06-10"
    assert doc.source == "The Verge"
    assert doc.text.startswith("Amazon pauses Rekognition\n")
    assert "---" not in doc.text and "#" not in doc.text


def test_markdown_without_front_matter_uses_heading(tmp_path):
    path = tmp_path / "b.markdown"
    path.write_text("\n\n## IBM exits the business ##\n\nIBM said it would stop selling it.\n")
    doc = one(path)
    assert doc.title == "IBM exits the business"


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Published: June 10, 2020", "2020-06-10"),
        ("date: 10 June 2020", "2020-06-10"),
        ("June 10, 2020 at 3:15 pm EDT", "2020-06-10"),
        ("Posted on 2020/06/10", "2020-06-10"),
    ],
)
def test_date_forms_in_text_header(tmp_path, line, iso):
    path = tmp_path / "d.txt"
    path.write_text(f"Headline\n{line}\n\nAmazon paused police use of Rekognition.\n")
    doc = one(path)
    assert doc.published == iso
    assert doc.title == "Headline"
    assert "2020" not in doc.text


def test_html_text_and_metadata_through_trafilatura(tmp_path):
    path = tmp_path / "a.html"
    path.write_text(
        """<!doctype html><html><head><title>Amazon pauses Rekognition | The Verge</title>
<meta property="og:site_name" content="The Verge">
<meta property="article:published_time" content="2020-06-10T18:00:00Z">
<link rel="canonical" href="https://www.theverge.com/a/b"></head>
<body><nav>Home | Tech | Science</nav>
<article><h1>Amazon pauses Rekognition</h1>
<p>Amazon said on Wednesday that it would put a one-year moratorium on police use of Rekognition.</p>
<p>"We are pleased," said Nicole Ozer of the American Civil Liberties Union, a rights group.</p>
<p>Photo: Jane Doe/Getty Images</p></article>
<div id="comments"><h3>Leave a Reply</h3></div></body></html>""",
        encoding="utf-8",
    )
    doc = one(path)
    assert doc.title.startswith("Amazon pauses Rekognition")
    assert doc.source == "The Verge"
    assert doc.published == "2020-06-10"
    assert doc.url == "https://www.theverge.com/a/b"
    assert "one-year moratorium" in doc.text and "Nicole Ozer" in doc.text
    assert "<" not in doc.text and "Photo:" not in doc.text


def test_hostile_html_yields_only_text(tmp_path):
    path = tmp_path / "evil.htm"
    path.write_text(
        """<html><head><script>var x = "SCRIPTTEXT";</script><style>p{color:red}</style></head><body>
<iframe src="javascript:alert('IFRAMETEXT')"></iframe>
<article><p>The ACLU criticized Amazon for selling Rekognition to police departments across the country.</p>
<p>Amazon said it would <a href="javascript:alert(1)">pause</a> sales <img src=x onerror="alert('IMG')"> for a year.</p>
<script>document.write("<p>INJECTED</p>")</script><noscript>NOSCRIPT</noscript></article></body></html>""",
        encoding="utf-8",
    )
    doc = one(path)
    assert "ACLU criticized Amazon" in doc.text
    for bad in ("SCRIPTTEXT", "IFRAMETEXT", "INJECTED", "alert", "<", "onerror", "color:red"):
        assert bad not in doc.text


def test_jsonl_lines_and_broken_middle_line(tmp_path):
    path = tmp_path / "batch.jsonl"
    good = {"text": "Amazon paused police use of Rekognition.", "title": "T1", "source": "Reuters",
            "published": "June 10, 2020", "url": "https://x/1"}
    path.write_text(
        json.dumps(good) + "\n" + '{"text": "broken\n' + "\n" + json.dumps({"text": "IBM exits facial recognition."}) + "\n"
        + json.dumps(["not", "an", "object"]) + "\n" + json.dumps({"title": "no text"}) + "\n",
        encoding="utf-8",
    )
    docs, skipped = read([path])
    assert [d.name for d in docs] == ["batch.jsonl:1", "batch.jsonl:4"]
    assert (docs[0].title, docs[0].source, docs[0].published, docs[0].url) == ("T1", "Reuters", "2020-06-10", "https://x/1")
    assert docs[1].title == "IBM exits facial recognition."
    messages = [str(s) for s in skipped]
    assert len(messages) == 3
    assert messages[0].startswith(f"{path}:2: not valid JSON")
    assert messages[1].startswith(f"{path}:5: expected a JSON object")
    assert messages[2].startswith(f'{path}:6: no "text" string')


def test_jsonl_line_longer_than_limit_is_skipped_and_rest_loads(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text(
        json.dumps({"text": "x " * 5000}) + "\n" + json.dumps({"text": "Amazon paused Rekognition."}) + "\n"
    )
    docs, skipped = read([path], max_bytes=1000)
    assert [d.name for d in docs] == ["big.jsonl:2"]
    assert "big.jsonl:1: line too long" in str(skipped[0])


# --------------------------------------------------------------------------- boilerplate


@pytest.mark.parametrize(
    "line",
    [
        "Please enter your comment!",
        "Please enter your email address here",
        "Leave a Reply",
        "Leave a comment",
        "Your email address will not be published. Required fields are marked *",
        "Source link",
        "Your vote of support is important to us.",
        "Support our journalism today.",
        "Join our community on LinkedIn",
        "Subscribe to our daily newsletter",
        "Sign up for free updates",
        "Photo: Jane Doe/Reuters",
        "Image credit: NASA",
        "Photo by John Smith on Unsplash",
        "Getty Images",
        "Shutterstock",
        "JOHN SMITH / AFP",
        "Jane Doe/Getty Images",
        "Share this article",
        "Share on Facebook",
        "Facebook Twitter LinkedIn Email",
        "Read also: Something else entirely",
        "• Read more: Something else",
        "Related: Another story",
        "Advertisement",
        "© 2020 Example Media. All rights reserved.",
    ],
)
def test_boilerplate_lines_are_dropped(line):
    article = "Amazon paused police use of Rekognition.\nThe ACLU welcomed it."
    # In the middle of a longer article only the line goes ...
    after = "\n".join([article] * 5)
    middle = f"{article}\n{line}\n{after}"
    assert clean_text(middle) == f"{article}\n{after}"
    # ... and at the end of one it goes too.
    assert clean_text(f"{article}\n{line}") == article


@pytest.mark.parametrize(
    "line",
    [
        "The ACLU said the photo database was shared with police.",
        "Read the full letter, which the senators sent on Monday, for details.",
        "Amazon will share its findings with Congress, the company said.",
        "Subscribers to Ring can share videos with police, Amazon said.",
        "AT&T / Verizon both declined to comment on the report.",
    ],
)
def test_article_lines_are_kept(line):
    text = f"Amazon paused police use of Rekognition.\n{line}"
    assert clean_text(text) == text


def test_sponsor_footer_is_cut_to_the_end():
    text = (
        "Amazon paused police use of Rekognition.\n" * 3
        + "A message from Jane Doe, founder of Example:\n"
        "We need readers like you.\n"
        "Including Amazon CEO Andy Jassy and many more luminaries.\n"
    )
    assert clean_text(text) == "\n".join(["Amazon paused police use of Rekognition."] * 3)


# --------------------------------------------------------------------------- bad input


def test_empty_file(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    assert "empty file" in skipped_message(tmp_path / "e.txt")


def test_whitespace_only(tmp_path):
    (tmp_path / "w.txt").write_text(" \n\t\n   \n")
    assert "only whitespace" in skipped_message(tmp_path / "w.txt")


def test_boilerplate_only(tmp_path):
    (tmp_path / "b.txt").write_text("Leave a Reply\nYour email address will not be published.\nShare on Facebook\n")
    assert "only boilerplate" in skipped_message(tmp_path / "b.txt")


def test_binary_file(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "binary" in skipped_message(tmp_path / "bin.txt")


def test_mostly_control_characters_is_binary(tmp_path):
    (tmp_path / "ctl.txt").write_bytes(b"Amazon " + b"\x01\x02\x03\x04\x05" * 50)
    assert "binary" in skipped_message(tmp_path / "ctl.txt")


def test_not_utf8(tmp_path):
    (tmp_path / "latin.txt").write_bytes("Café société: Amazon paused Rekognition.".encode("latin-1"))
    message = skipped_message(tmp_path / "latin.txt")
    assert "not UTF-8" in message and "0xe9" in message


def test_utf8_bom_is_fine(tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbfHeadline\n\nAmazon paused it.\n")
    doc = one(tmp_path / "bom.txt")
    assert doc.title == "Headline"


def test_utf16_with_bom_is_decoded(tmp_path):
    (tmp_path / "u16.txt").write_bytes("Headline\n\nAmazon’s moratorium began.\n".encode("utf-16"))
    doc = one(tmp_path / "u16.txt")
    assert doc.text == "Headline\n\nAmazon’s moratorium began."


def test_utf16_without_bom_is_reported(tmp_path):
    (tmp_path / "u16le.txt").write_bytes("Headline\n\nAmazon paused it.\n".encode("utf-16-le"))
    assert "UTF-16 without a byte-order mark" in skipped_message(tmp_path / "u16le.txt")


def test_too_large_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Amazon paused Rekognition.\n" * 100)
    assert "too large" in skipped_message(path, max_bytes=1000)


def test_overlong_line(tmp_path):
    path = tmp_path / "line.txt"
    path.write_text("Headline\n" + "word " * 1000 + "\n")
    message = skipped_message(path, max_line=2000)
    assert "line 2 is too long" in message


def test_zero_width_and_bidi_marks_are_removed():
    assert decode_bytes("Ama\u200bzon\u200f and \u202eIBM\u202c".encode()) == "Amazon and IBM"


def test_collect_files_walks_folders_and_checks_named_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.TXT").write_text("x")
    (tmp_path / "a.html").write_text("x")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text("x")
    assert collect_files([tmp_path]) == [tmp_path / "a.html", tmp_path / "sub" / "b.TXT"]
    assert collect_files([tmp_path / "a.html", tmp_path]) == [tmp_path / "a.html", tmp_path / "sub" / "b.TXT"]
    with pytest.raises(DocumentError, match=r"notes\.pdf: unknown file type '\.pdf'"):
        collect_files([tmp_path / "notes.pdf"])
    with pytest.raises(KGError, match="missing.txt: no such file or directory"):
        collect_files([tmp_path / "missing.txt"])


def test_bad_files_do_not_stop_good_ones(tmp_path):
    (tmp_path / "1.txt").write_text("Amazon paused Rekognition.")
    (tmp_path / "2.txt").write_bytes(b"\xff\xfe\xfd")
    (tmp_path / "3.txt").write_text("")
    (tmp_path / "4.md").write_text("# IBM\n\nIBM exits the business.")
    docs, skipped = read([tmp_path])
    assert [d.name for d in docs] == ["1.txt", "4.md"]
    assert sorted(Path(s.path).name for s in skipped) == ["2.txt", "3.txt"]


def test_without_on_skip_the_error_is_raised(tmp_path):
    (tmp_path / "e.txt").write_text("")
    with pytest.raises(DocumentError, match="e.txt: empty file"):
        list(iter_documents([tmp_path]))


def test_document_from_text_and_parse_date():
    doc = document_from_text("Title line\nBody about Amazon.", name="x")
    assert (doc.title, doc.name, doc.text) == ("Title line", "x", "Title line\nBody about Amazon.")
    assert parse_date("31 February 2020") is None
    assert parse_date("Sept. 5, 2019") == "2019-09-05"


def test_article_text_over_the_parser_limit(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("Headline\n" + "Amazon paused it.\n" * 200)
    assert "article text too long" in skipped_message(path, max_chars=1000)
    jsonl = tmp_path / "long.jsonl"
    jsonl.write_text(json.dumps({"text": "Amazon paused it. " * 200}) + "\n" + json.dumps({"text": "IBM quit."}) + "\n")
    docs, skipped = read([jsonl], max_chars=1000)
    assert [d.name for d in docs] == ["long.jsonl:2"]
    assert "long.jsonl:1: article text too long" in str(skipped[0])


def test_an_impossible_date_line_does_not_hide_a_later_date():
    doc = document_from_text("Amazon pauses sales\n2020-13-40\nJune 10, 2020\n\nAmazon paused sales to police.")
    assert doc.published == "2020-06-10"
    assert "2020-13-40" not in doc.text and doc.title == "Amazon pauses sales"


def test_prose_that_starts_like_a_photo_credit_is_kept():
    text = ("Amazon paused sales to police.\n"
            "Video by a bystander showed the officer kneeling on George Floyd's neck.\n"
            "Image via Clearview AI was used by police.\n"
            "Photo by Jane Doe for The New York Times\n"
            "Image courtesy of the ACLU\n"
            "The ACLU said so.")
    assert clean_text(text) == ("Amazon paused sales to police.\n"
                                "Video by a bystander showed the officer kneeling on George Floyd's neck.\n"
                                "Image via Clearview AI was used by police.\n"
                                "The ACLU said so.")
