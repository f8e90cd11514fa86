"""Regression floors: extraction scores on annotated articles must not drop.

Scored with kg.evaluate (the issue's rules) against the seed gold (/work/shared/gold/seeds,
or tests/gold/seeds when vendored) and the dev-corpus gold (tests/gold/corpus).  The floors
are the best figures reached so far, rounded down; raise them as extraction improves.
The targets of issue 3 (actors F1 0.85, types 0.90, relations 0.50 / 0.65 untyped,
statements 0.85, speakers 0.90) are the goal, not these floors.
"""

from pathlib import Path

import pytest

from kg.documents import iter_documents
from kg.evaluate import evaluate
from kg.extract import extract_documents

ROOT = Path(__file__).resolve().parent.parent
SEED_GOLD = next((p for p in (ROOT / "tests" / "gold" / "seeds", ROOT.parent / "shared" / "gold" / "seeds")
                  if p.is_dir()), None)
CORPUS_TEXT = next((p for p in (ROOT / "tests" / "corpus", ROOT.parent / "shared" / "corpus") if p.is_dir()), None)
CORPUS_GOLD = ROOT / "tests" / "gold" / "corpus"
WRITTEN = ROOT / "tests" / "written"  # sets G to Y and Z to ZI, see tests/written/README.md

FLOORS = {
    "seeds": {"actors": 0.945, "types": 0.99, "relations": 0.885, "relations_untyped": 0.89,
              "statements": 0.895, "speakers": 0.955},
    # statements 0.89 -> 0.88 in session 7: this gold keeps a quote inside a reported clause
    # as the quote alone, kg now gives both (as the written sets' gold does)
    # corpus, h, j, k lowered in session 9: court rulings and settlements became Policy actors
    # (SCHEMA: "a decision an actor makes"); these golds leave some out or fold a settlement
    # into its lawsuit, while R and S, annotated with rulings as actors, gained
    # corpus actors 0.905 -> 0.9 in session 13: "Microsoft, Amazon and IBM joined forces to announce
    # outright bans" now gives each its ban and RESTRICTED edge (relations +0.015); Microsoft's ban
    # is one more actor than that gold's names match
    "corpus": {"actors": 0.9, "types": 1.0, "relations": 0.73, "relations_untyped": 0.75,
               "statements": 0.88, "speakers": 0.945},
    "g": {"actors": 0.92, "types": 0.97, "relations": 0.685, "relations_untyped": 0.705,
          "statements": 0.9, "speakers": 0.99},
    "h": {"actors": 0.885, "types": 0.975, "relations": 0.535, "relations_untyped": 0.575,
          "statements": 0.88, "speakers": 0.96},
    "i": {"actors": 0.89, "types": 0.965, "relations": 0.57, "relations_untyped": 0.615,
          "statements": 0.905, "speakers": 0.96},
    # session 16: "call it a search engine", "which Uber calls X" no longer read as calls
    # (strict relations up); two of those misreadings had matched a gold pair of another type:
    # untyped 0.555 -> 0.55 (j), 0.505 -> 0.5 (m)
    "j": {"actors": 0.87, "types": 0.945, "relations": 0.515, "relations_untyped": 0.55,
          "statements": 0.905, "speakers": 0.91},
    # speakers 0.94 -> 0.93 in session 7: more statements matched (embedded quotes), some of
    # them with the wrong speaker
    "k": {"actors": 0.86, "types": 0.99, "relations": 0.47, "relations_untyped": 0.475,
          "statements": 0.9, "speakers": 0.95},
    "l": {"actors": 0.865, "types": 0.95, "relations": 0.455, "relations_untyped": 0.495,
          "statements": 0.9, "speakers": 0.945},
    "m": {"actors": 0.895, "types": 0.99, "relations": 0.46, "relations_untyped": 0.5,
          "statements": 0.92, "speakers": 0.955},
    # n relations 0.455 -> 0.445 in session 13: a ban spoken of in a quote no longer falls to the
    # story's vendor ("A pause is not a punishment" was "Veritrace Systems pause"), and that stray
    # policy had matched the gold's moratorium by its aliases; the council's moratorium and the
    # sponsor's ordinance remain two actors there
    "n": {"actors": 0.92, "types": 0.99, "relations": 0.445, "relations_untyped": 0.465,
          "statements": 0.89, "speakers": 0.965},
    "o": {"actors": 0.825, "types": 0.935, "relations": 0.45, "relations_untyped": 0.485,
          "statements": 0.925, "speakers": 0.965},
    "p": {"actors": 0.91, "types": 0.97, "relations": 0.57, "relations_untyped": 0.585,
          "statements": 0.915, "speakers": 0.965},
    # q actors 0.85 -> 0.845 in session 9: the full "Red River Regional Police Service" no
    # longer absorbs the headline's "Manitoba police force" (a place's police, by its shape)
    "q": {"actors": 0.88, "types": 0.915, "relations": 0.51, "relations_untyped": 0.545,
          "statements": 0.935, "speakers": 0.955},
    # session 15: "the commissioner" is the person titled Commissioner when the story names
    # no commissioner's office; kg misses this gold's "New Zealand's Privacy Commissioner" (the
    # office), so a statement the gold gives the office now goes to the person: speakers 0.93 -> 0.925
    "r": {"actors": 0.88, "types": 0.975, "relations": 0.43, "relations_untyped": 0.46,
          "statements": 0.88, "speakers": 0.925},
    "s": {"actors": 0.865, "types": 0.92, "relations": 0.445, "relations_untyped": 0.46,
          "statements": 0.88, "speakers": 0.96},
    "t": {"actors": 0.895, "types": 0.975, "relations": 0.455, "relations_untyped": 0.47,
          "statements": 0.93, "speakers": 0.915},
    # session 14: "the department" with two departments in the story is the one named at
    # least twice as often, not simply the latest (j, y, zb, r relations +.007 to +.017); here
    # the latest was right once: speakers 0.94 -> 0.935 ("the ministry" of a quote)
    "u": {"actors": 0.865, "types": 0.97, "relations": 0.505, "relations_untyped": 0.545,
          "statements": 0.895, "speakers": 0.935},
    "v": {"actors": 0.895, "types": 0.945, "relations": 0.535, "relations_untyped": 0.565,
          "statements": 0.885, "speakers": 0.965},
    "w": {"actors": 0.88, "types": 0.95, "relations": 0.475, "relations_untyped": 0.53,
          "statements": 0.89, "speakers": 0.96},
    "x": {"actors": 0.84, "types": 0.97, "relations": 0.44, "relations_untyped": 0.455,
          "statements": 0.9, "speakers": 0.94},
    "y": {"actors": 0.845, "types": 0.95, "relations": 0.455, "relations_untyped": 0.505,
          "statements": 0.875, "speakers": 0.95},
    "z": {"actors": 0.875, "types": 0.97, "relations": 0.465, "relations_untyped": 0.485,
          "statements": 0.925, "speakers": 0.935},
    # session 14: "the department" with two departments in the story is the one named at
    # least twice as often, not simply the latest (j, y, zb, r relations +.007 to +.017); here
    # the latest was right once: relations 0.445 -> 0.44, untyped 0.465 -> 0.455 (a SUPPLIED lost)
    "za": {"actors": 0.865, "types": 0.925, "relations": 0.45, "relations_untyped": 0.465,
           "statements": 0.91, "speakers": 0.915},
    # session 16: "The department said it would appeal" is criticism of the injunction it lost;
    # this gold makes no actor of the injunction: untyped 0.495 -> 0.49
    "zb": {"actors": 0.85, "types": 0.955, "relations": 0.47, "relations_untyped": 0.49,
           "statements": 0.92, "speakers": 0.9},
    "zc": {"actors": 0.86, "types": 0.93, "relations": 0.48, "relations_untyped": 0.49,
           "statements": 0.875, "speakers": 0.93},
    "zd": {"actors": 0.875, "types": 0.97, "relations": 0.49, "relations_untyped": 0.52,
           "statements": 0.88, "speakers": 0.935},
    "ze": {"actors": 0.82, "types": 0.92, "relations": 0.365, "relations_untyped": 0.39,
           "statements": 0.905, "speakers": 0.955},
    "zf": {"actors": 0.845, "types": 0.94, "relations": 0.44, "relations_untyped": 0.46,
           "statements": 0.91, "speakers": 0.93},
    "zg": {"actors": 0.88, "types": 0.925, "relations": 0.45, "relations_untyped": 0.465,
           "statements": 0.91, "speakers": 0.905},
    "zh": {"actors": 0.82, "types": 0.93, "relations": 0.365, "relations_untyped": 0.395,
           "statements": 0.88, "speakers": 0.97},
    "zi": {"actors": 0.85, "types": 0.97, "relations": 0.395, "relations_untyped": 0.46,
           "statements": 0.88, "speakers": 0.93},
}


def _scores(text_dir: Path, gold_dir: Path) -> dict:
    paths = sorted(text_dir.glob("*.txt"))
    predictions = [ex.to_json() for ex in extract_documents(list(iter_documents(paths)))]
    overall = evaluate(predictions, gold_dir).overall
    return {
        "actors": overall.actors.f1,
        "types": overall.types.value,
        "relations": overall.relations.f1,
        "relations_untyped": overall.relations_untyped.f1,
        "statements": overall.statements.f1,
        "speakers": overall.speakers.value,
    }


def _check(scores: dict, floors: dict):
    low = {k: round(scores[k], 3) for k, floor in floors.items() if scores[k] < floor}
    assert not low, f"below floor {floors}: {low}"


@pytest.mark.skipif(SEED_GOLD is None, reason="seed gold annotations not available")
def test_seed_scores_stay_above_floors():
    _check(_scores(ROOT / "seeds", SEED_GOLD), FLOORS["seeds"])


@pytest.mark.skipif(CORPUS_TEXT is None or not CORPUS_GOLD.is_dir(), reason="dev corpus or its gold not available")
def test_corpus_scores_stay_above_floors():
    _check(_scores(CORPUS_TEXT, CORPUS_GOLD), FLOORS["corpus"])


@pytest.mark.parametrize("written_set", ["g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u",
                                         "v", "w", "x", "y", "z", "za", "zb", "zc", "zd", "ze",
                                         "zf", "zg", "zh", "zi"])
def test_written_set_scores_stay_above_floors(written_set):
    _check(_scores(WRITTEN / written_set, WRITTEN / written_set / "gold"), FLOORS[written_set])
