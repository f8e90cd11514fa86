"""The scoring rules of kg.evaluate on small hand-made extraction and gold objects."""

import glob
import json

import pytest

from kg.errors import KGError
from kg.evaluate import (
    evaluate,
    evaluate_document,
    format_report,
    load_predictions,
    match_actors,
    normalise_name,
    statements_match,
)

GOLD_SEEDS = "/work/shared/gold/seeds"


def actor(name, type_="Company", aliases=()):
    return {"name": name, "type": type_, "aliases": list(aliases)}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Amazon", "amazon"),
        ("The New York Times", "New York Times"),
        ("Amazon's", "Amazon"),
        ("Amazon’s", "Amazon"),
        ("Democrats’", "Democrats"),
        ("Clearview AI, Inc.", "Clearview AI"),
        ("IBM Corp.", "IBM"),
        ("Acme Ltd", "Acme"),
        ("Acme LLC", "acme"),
        ("Acme Co.", "Acme"),
        ("U.S. Congress", "US Congress"),
        ("Pund-IT", "pund it"),
    ],
)
def test_normalise_name_folds_surface_variants(a, b):
    assert normalise_name(a) == normalise_name(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Amazon", "Amazon Rekognition"),
        ("Thorn", "The Thorn Group"),
        ("Co", "Inc"),  # a bare suffix is not removed down to nothing
    ],
)
def test_normalise_name_keeps_distinct_names_distinct(a, b):
    assert normalise_name(a) != normalise_name(b)


def test_the_is_only_removed_in_front():
    assert normalise_name("Bank of the West") == "bank of the west"


def test_actors_match_through_aliases_on_either_side():
    predicted = [actor("ACLU"), actor("Amazon Web Services", aliases=["Amazon"])]
    gold = [actor("Amazon", aliases=["AWS"]), actor("American Civil Liberties Union", "NGO", ["ACLU"])]
    assert match_actors(predicted, gold) == {0: 1, 1: 0}


def test_actor_matching_is_one_to_one():
    predicted = [actor("Amazon"), actor("Amazon Inc."), actor("amazon")]
    gold = [actor("Amazon")]
    scores = evaluate_document({"actors": predicted}, {"actors": gold})
    assert scores.actors.tp == 1
    assert scores.actors.predicted == 3
    assert scores.actors.precision == pytest.approx(1 / 3)
    assert scores.actors.recall == 1.0


def test_exact_name_match_wins_over_alias_match():
    # Prediction 0 ("Amazon", alias "AWS") could take either gold actor by alias; the
    # exact name pair must be kept so "AWS" still finds its own gold actor.
    predicted = [actor("AWS"), actor("Amazon", aliases=["AWS"])]
    gold = [actor("Amazon", aliases=["AWS"]), actor("AWS")]
    assert match_actors(predicted, gold) == {0: 1, 1: 0}


def test_matching_is_maximum_not_just_greedy():
    # Greedy on alias order would give prediction 0 the gold actor 0 and leave prediction 1
    # with nothing; the maximum matching serves both.
    predicted = [actor("Police", aliases=["law enforcement"]), actor("law enforcement agencies", aliases=["police"])]
    gold = [actor("Police departments", "GovernmentBody", ["police"]), actor("Law enforcement", "GovernmentBody")]
    assert len(match_actors(predicted, gold)) == 2


def test_type_accuracy_is_over_matched_actors_only():
    predicted = [actor("Amazon", "Company"), actor("ACLU", "Company"), actor("Nobody", "Person")]
    gold = [actor("Amazon", "Company"), actor("ACLU", "NGO"), actor("Thorn", "NGO")]
    scores = evaluate_document({"actors": predicted}, {"actors": gold})
    assert (scores.types.correct, scores.types.total) == (1, 2)
    assert scores.errors["wrong_types"][0]["actor"] == "ACLU"


GOLD = {
    "document": "doc.txt",
    "actors": [
        actor("Amazon", aliases=["the company"]),
        actor("American Civil Liberties Union", "NGO", ["ACLU"]),
        actor("Police departments", "GovernmentBody", ["police"]),
    ],
    "relations": [
        {"source": "American Civil Liberties Union", "type": "CRITICIZED", "target": "Amazon"},
        {"source": "Amazon", "type": "RESTRICTED", "target": "Police departments"},
    ],
    "statements": [
        {
            "speaker": "Amazon",
            "kind": "quote",
            "text": "We hope that this one-year moratorium can give Congress enough time",
        },
        {
            "speaker": "American Civil Liberties Union",
            "kind": "quote",
            "text": "The threat from this surveillance technology will not go away in a year",
        },
    ],
}


def test_relations_are_mapped_through_the_actor_matching():
    prediction = {
        "actors": [actor("ACLU", "NGO"), actor("Amazon.com Inc."), actor("police", "GovernmentBody")],
        "relations": [
            {"source": "ACLU", "type": "CRITICIZED", "target": "Amazon.com Inc."},
            {"source": "Amazon.com Inc.", "type": "SUPPLIED", "target": "police"},
        ],
    }
    gold = dict(GOLD, actors=GOLD["actors"][:2] + [actor("Police departments", "GovernmentBody", ["police"])])
    gold["actors"][0] = actor("Amazon", aliases=["Amazon.com"])
    scores = evaluate_document(prediction, gold)
    assert (scores.relations.tp, scores.relations.predicted, scores.relations.gold) == (1, 2, 2)
    # Untyped: the SUPPLIED edge has the right endpoints.
    assert scores.relations_untyped.tp == 2
    assert scores.relations_untyped.f1 == 1.0


def test_relation_with_unmatched_endpoint_is_wrong_even_if_names_look_alike():
    prediction = {
        "actors": [actor("ACLU of Northern California", "NGO")],
        "relations": [{"source": "ACLU of Northern California", "type": "CRITICIZED", "target": "Amazon"}],
    }
    scores = evaluate_document(prediction, GOLD)
    assert scores.relations.tp == 0
    assert scores.relations.predicted == 1


def test_repeated_relation_counts_once():
    rel = {"source": "Amazon", "type": "RESTRICTED", "target": "police"}
    prediction = {
        "actors": [actor("Amazon"), actor("police", "GovernmentBody")],
        "relations": [rel, dict(rel)],
    }
    scores = evaluate_document(prediction, GOLD)
    assert (scores.relations.tp, scores.relations.predicted) == (1, 1)


def test_statement_rules():
    long = "We hope that this one-year moratorium can give Congress enough time"
    assert statements_match(long, long.upper()) == 1.0
    # Contained with 3 words or more.
    assert statements_match("give Congress enough", long) > 0
    # Two words contained is not enough.
    assert statements_match("Congress enough", long) == 0.0
    # Jaccard below 0.5 and not contained.
    assert statements_match("we hope for a better law", long) == 0.0
    # Curly and straight apostrophes are the same.
    assert statements_match("it’s not over yet", "it's not over yet") == 1.0


def test_statements_are_matched_one_to_one_and_speakers_mapped():
    text = GOLD["statements"][0]["text"]
    prediction = {
        "actors": [actor("the company"), actor("ACLU", "NGO")],
        "statements": [
            {"speaker": "the company", "kind": "quote", "text": text},
            {"speaker": "ACLU", "kind": "quote", "text": text + "."},  # duplicate: one is spurious
            {"speaker": "ACLU", "kind": "quote", "text": "will not go away in a year"},
        ],
    }
    scores = evaluate_document(prediction, GOLD)
    assert (scores.statements.tp, scores.statements.predicted, scores.statements.gold) == (2, 3, 2)
    # "the company" resolves to gold Amazon through its alias; ACLU speaks the second.
    assert (scores.speakers.correct, scores.speakers.total) == (2, 2)


def test_speaker_accuracy_counts_wrong_speaker():
    prediction = {
        "actors": [actor("Amazon"), actor("ACLU", "NGO")],
        "statements": [
            {"speaker": "ACLU", "kind": "quote", "text": GOLD["statements"][0]["text"]},
            {"speaker": "ACLU", "kind": "quote", "text": GOLD["statements"][1]["text"]},
        ],
    }
    scores = evaluate_document(prediction, GOLD)
    assert (scores.speakers.correct, scores.speakers.total) == (1, 2)
    assert scores.errors["wrong_speakers"][0]["gold"] == "Amazon"


def test_evaluate_pairs_documents_and_micro_averages(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(GOLD), encoding="utf-8")
    other = dict(GOLD, document="b.txt")
    (tmp_path / "b.json").write_text(json.dumps(other), encoding="utf-8")
    predictions = [
        {"document": "some/folder/doc.txt", "actors": [actor("Amazon"), actor("Google")]},
        {"document": "unknown.txt", "actors": []},
    ]
    report = evaluate(predictions, tmp_path)
    by_name = {d.document: d for d in report.documents}
    assert by_name["doc.txt"].actors.tp == 1
    assert by_name["b.txt"].actors.tp == 0  # no prediction: everything missed
    assert report.overall.actors.predicted == 2
    assert report.overall.actors.gold == 6
    assert report.overall.actors.recall == pytest.approx(1 / 6)
    assert report.unmatched_predictions == ("unknown.txt",)
    text = format_report(report)
    assert "overall" in text and "doc.txt" in text and "unknown.txt" in text
    data = report.to_json()
    assert data["overall"]["actors"]["tp"] == 1
    json.dumps(data)


def test_gold_file_stem_is_enough_to_pair(tmp_path):
    (tmp_path / "article7.json").write_text(json.dumps({k: v for k, v in GOLD.items() if k != "document"}))
    report = evaluate([{"document": "article7.html", "actors": [actor("Amazon")]}], tmp_path)
    assert report.documents[0].actors.tp == 1


def test_duplicate_prediction_and_bad_gold_dir_raise(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(GOLD))
    with pytest.raises(KGError, match="two predictions"):
        evaluate([{"document": "doc.txt"}, {"document": "doc.txt"}], tmp_path)
    with pytest.raises(KGError, match="no such gold directory"):
        evaluate([], tmp_path / "missing")
    (tmp_path / "bad.json").write_text("{not json")
    with pytest.raises(KGError, match="bad.json"):
        evaluate([], tmp_path)


def test_gold_scored_against_itself_is_perfect():
    golds = []
    for path in sorted(glob.glob(f"{GOLD_SEEDS}/*.json")):
        with open(path, encoding="utf-8") as handle:
            golds.append(json.load(handle))
    report = evaluate(golds, GOLD_SEEDS)
    o = report.overall
    assert (o.actors.f1, o.relations.f1, o.statements.f1, o.types.value, o.speakers.value) == (1, 1, 1, 1, 1)


def test_load_predictions_reads_json_lines_array_and_reports_bad_line(tmp_path):
    rows = [{"document": "a.txt", "actors": []}, {"document": "b.txt", "actors": []}]
    lines = tmp_path / "p.jsonl"
    lines.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    assert load_predictions(lines) == rows
    array = tmp_path / "p.json"
    array.write_text(json.dumps(rows, indent=2))
    assert load_predictions(array) == rows
    single = tmp_path / "one.json"
    single.write_text(json.dumps(rows[0], indent=2))
    assert load_predictions(single) == rows[:1]
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(rows[0]) + "\n{oops\n")
    with pytest.raises(KGError, match=r"bad.jsonl:2: not valid JSON"):
        load_predictions(bad)
    wrong = tmp_path / "wrong.jsonl"
    wrong.write_text("[1, 2]")
    with pytest.raises(KGError, match="item 1 is not an extraction object"):
        load_predictions(wrong)
