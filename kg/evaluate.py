"""Score extraction JSON against gold annotations: per-document and overall P/R/F1.

The rules are those of the project's acceptance checks (issue 3):

- **Actors** match when any normalised surface form (name or alias) of one equals one of
  the other, one to one.  Normalising folds case and punctuation and removes a leading
  "the", a possessive ('s, ’s, a trailing ’) and the corporate suffixes Inc, Corp, Ltd,
  LLC and Co (see :func:`normalise_name`).  Pairs whose canonical names are equal are
  fixed first; the rest are matched to a maximum one-to-one matching, trying name-to-alias
  pairs before alias-to-alias ones.  *Type accuracy* is counted over matched actors.
- **Relations**: a predicted relation's source and target are mapped through the actor
  matching to gold names; it is right when (source, type, target) equals a gold one
  (*strict*).  The *untyped* score compares (source, target) pairs only.  Both are scored
  as sets, so a relation repeated in the prediction counts once.
- **Statements** match when the token-set Jaccard of their texts is at least 0.5, or the
  words of one appear in order inside the other and the shorter has at least 3 words; one
  to one, best Jaccard first.  *Speaker accuracy* is over matched statements, the
  predicted speaker mapped through the actor matching.

Totals are micro-averaged: true positives, predictions and gold items are summed over
the documents before P/R/F1 are computed.  A gold document without a prediction counts
with everything missed.

>>> normalise_name("The Amazon.com, Inc.")
'amazoncom'
>>> normalise_name("George Floyd’s murder")
'george floyd murder'
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KGError

__all__ = [
    "Accuracy",
    "DocumentScores",
    "EvaluationReport",
    "Score",
    "evaluate",
    "evaluate_document",
    "format_report",
    "load_gold",
    "load_predictions",
    "match_actors",
    "match_statements",
    "normalise_name",
    "statement_tokens",
    "statements_match",
]

JACCARD_THRESHOLD = 0.5
MIN_CONTAINED_WORDS = 3

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?=\s|$)")
_DROPPED_MARKS = re.compile(r"['.]")  # "U.S." -> "us", "Macy's" handled above
_PUNCT = re.compile(r"[\W_]+")
_SUFFIXES = {"inc", "corp", "ltd", "llc", "co"}
_WORD = re.compile(r"\w+")


def normalise_name(name: str) -> str:
    """The form actor names are compared in (see the module docstring).

    >>> normalise_name("U.S. Congress") == normalise_name("the US Congress")
    True
    >>> normalise_name("Democrats’")
    'democrats'
    >>> normalise_name("Clearview AI Ltd.")
    'clearview ai'
    """
    text = unicodedata.normalize("NFKC", name or "").casefold().translate(_APOSTROPHES)
    text = _POSSESSIVE.sub("", text.strip())
    text = _DROPPED_MARKS.sub("", text)
    words = _PUNCT.sub(" ", text).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    return " ".join(words)


def _surface_forms(actor: dict) -> set[str]:
    forms = {normalise_name(actor.get("name", ""))}
    forms.update(normalise_name(alias) for alias in actor.get("aliases") or ())
    forms.discard("")
    return forms


# --------------------------------------------------------------------------- matching


def _max_matching(
    candidates: list[list[int]],
    fixed: dict[int, int] | None = None,
    start: dict[int, int] | None = None,
) -> dict[int, int]:
    """A maximum one-to-one matching ``{left: right}`` that keeps the ``fixed`` pairs.

    ``candidates[i]`` lists the right items left item ``i`` may take, best first.  The
    ``start`` pairs (a greedy choice made by the caller) come first, then a greedy pass in
    preference order; augmenting paths (Kuhn's algorithm) then add pairs, so an item gives
    up its preferred partner only when that lets one more pair be matched.
    """
    fixed = fixed or {}
    match_left = {**(start or {}), **fixed}
    match_right = {j: i for i, j in match_left.items()}
    for i, options in enumerate(candidates):
        if i not in match_left:
            for j in options:
                if j not in match_right:
                    match_left[i], match_right[j] = j, i
                    break

    def augment(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            owner = match_right.get(j)
            if owner is None or (owner not in fixed and augment(owner, seen)):
                match_left[i], match_right[j] = j, i
                return True
        return False

    for i in range(len(candidates)):
        if i not in match_left:
            augment(i, set(fixed.values()))
    return match_left


def match_actors(predicted: list[dict], gold: list[dict]) -> dict[int, int]:
    """Match predicted actors to gold actors one to one: ``{pred index: gold index}``.

    >>> match_actors([{"name": "ACLU"}, {"name": "Amazon Inc."}],
    ...              [{"name": "Amazon"}, {"name": "American Civil Liberties Union",
    ...                                     "aliases": ["ACLU"]}])
    {1: 0, 0: 1}
    """
    p_names = [normalise_name(a.get("name", "")) for a in predicted]
    g_names = [normalise_name(a.get("name", "")) for a in gold]
    p_forms = [_surface_forms(a) for a in predicted]
    g_forms = [_surface_forms(a) for a in gold]

    fixed: dict[int, int] = {}
    taken: set[int] = set()
    for i, name in enumerate(p_names):
        for j, g_name in enumerate(g_names):
            if name and name == g_name and j not in taken:
                fixed[i] = j
                taken.add(j)
                break

    candidates: list[list[int]] = []
    for i in range(len(predicted)):
        ranked = []
        for j in range(len(gold)):
            if j in taken or not (p_forms[i] & g_forms[j]):
                continue
            # 0: a name equals a surface form of the other; 1: aliases only.
            rank = 0 if (p_names[i] in g_forms[j] or g_names[j] in p_forms[i]) else 1
            ranked.append((rank, j))
        candidates.append([j for _, j in sorted(ranked)])
    return _max_matching(candidates, fixed=fixed)


def statement_tokens(text: str) -> list[str]:
    """The words of a statement, case-folded, apostrophes unified, punctuation dropped."""
    text = unicodedata.normalize("NFKC", text or "").casefold().translate(_APOSTROPHES)
    return _WORD.findall(text.replace("'", ""))


def _jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


def _contains(long: list[str], short: list[str]) -> bool:
    if len(short) < MIN_CONTAINED_WORDS or len(short) > len(long):
        return False
    return f" {' '.join(short)} " in f" {' '.join(long)} "


def statements_match(a: str, b: str) -> float:
    """How well two statement texts match: the Jaccard score, 1.0 for containment, or 0.0
    when they do not match under the rules.

    >>> statements_match("We will not sell it to police.", "we will not sell it to the police")
    0.875
    >>> statements_match("the moratorium", "Amazon announced a one-year moratorium on police use")
    0.0
    """
    ta, tb = statement_tokens(a), statement_tokens(b)
    score = _jaccard(set(ta), set(tb))
    if score >= JACCARD_THRESHOLD:
        return score
    short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if _contains(long, short):
        return max(score, JACCARD_THRESHOLD)
    return 0.0


def match_statements(predicted: list[dict], gold: list[dict]) -> dict[int, int]:
    """Match predicted statements to gold statements one to one, best score first."""
    pairs = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            score = statements_match(p.get("text", ""), g.get("text", ""))
            if score > 0:
                pairs.append((-score, i, j))
    candidates: list[list[int]] = [[] for _ in predicted]
    for _, i, j in sorted(pairs):
        candidates[i].append(j)
    # Greedy by score over all pairs first, then augmented for cardinality.
    greedy: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in sorted(pairs):
        if i not in greedy and j not in used:
            greedy[i] = j
            used.add(j)
    return _max_matching(candidates, start=greedy)


# --------------------------------------------------------------------------- scores


@dataclass(frozen=True)
class Score:
    """Counts behind precision, recall and F1: true positives, predicted, gold."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        """True positives over predicted items (0 when nothing was predicted)."""
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """True positives over gold items (0 when there is no gold item)."""
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall (0 when both are 0)."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.predicted + other.predicted, self.gold + other.gold)

    def to_json(self) -> dict:
        return {
            "tp": self.tp,
            "predicted": self.predicted,
            "gold": self.gold,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True)
class Accuracy:
    """Correct out of total (over matched items)."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    def to_json(self) -> dict:
        return {"correct": self.correct, "total": self.total, "accuracy": round(self.value, 4)}


@dataclass(frozen=True)
class DocumentScores:
    """The scores of one document (or the micro-averaged total), with the errors behind
    them in ``errors`` (missed and spurious items, wrong types and speakers)."""

    document: str
    actors: Score = Score()
    types: Accuracy = Accuracy()
    relations: Score = Score()
    relations_untyped: Score = Score()
    statements: Score = Score()
    speakers: Accuracy = Accuracy()
    errors: dict = field(default_factory=dict, compare=False)

    def __add__(self, other: DocumentScores) -> DocumentScores:
        return DocumentScores(
            document=self.document,
            actors=self.actors + other.actors,
            types=self.types + other.types,
            relations=self.relations + other.relations,
            relations_untyped=self.relations_untyped + other.relations_untyped,
            statements=self.statements + other.statements,
            speakers=self.speakers + other.speakers,
        )

    def to_json(self, *, errors: bool = True) -> dict:
        out = {
            "document": self.document,
            "actors": self.actors.to_json(),
            "type_accuracy": self.types.to_json(),
            "relations": self.relations.to_json(),
            "relations_untyped": self.relations_untyped.to_json(),
            "statements": self.statements.to_json(),
            "speaker_accuracy": self.speakers.to_json(),
        }
        if errors and self.errors:
            out["errors"] = self.errors
        return out


@dataclass(frozen=True)
class EvaluationReport:
    """Per-document scores, their micro-averaged total, and predictions with no gold file."""

    documents: tuple[DocumentScores, ...]
    overall: DocumentScores
    unmatched_predictions: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {
            "overall": self.overall.to_json(errors=False),
            "documents": [d.to_json() for d in self.documents],
            "unmatched_predictions": list(self.unmatched_predictions),
        }


def _name_map(predicted_actors: list[dict], gold_actors: list[dict], matching: dict[int, int]):
    """Map a predicted actor reference (canonical name, else any surface form) to the
    matched gold actor's normalised name, or to None when it has no gold match."""
    by_form: dict[str, str | None] = {}
    # Names first so that a name always wins over another actor's alias.
    for pass_aliases in (False, True):
        for i, actor in enumerate(predicted_actors):
            gold_name = None
            if i in matching:
                gold_name = normalise_name(gold_actors[matching[i]].get("name", ""))
            forms = _surface_forms(actor) if pass_aliases else {normalise_name(actor.get("name", ""))}
            for form in forms:
                by_form.setdefault(form, gold_name)

    def resolve(name: str | None) -> str | None:
        return by_form.get(normalise_name(name or ""))

    return resolve


def evaluate_document(prediction: dict, gold: dict, name: str | None = None) -> DocumentScores:
    """Score one extraction JSON object against one gold object."""
    p_actors = list(prediction.get("actors") or ())
    g_actors = list(gold.get("actors") or ())
    matching = match_actors(p_actors, g_actors)
    wrong_types = [
        {"actor": g_actors[j]["name"], "predicted": p_actors[i].get("type"), "gold": g_actors[j].get("type")}
        for i, j in sorted(matching.items())
        if p_actors[i].get("type") != g_actors[j].get("type")
    ]
    types = Accuracy(len(matching) - len(wrong_types), len(matching))
    resolve = _name_map(p_actors, g_actors, matching)

    def gold_key(name: str | None) -> str:
        return normalise_name(name or "")

    pred_strict: set[tuple] = set()
    pred_untyped: set[tuple] = set()
    for rel in prediction.get("relations") or ():
        source = resolve(rel.get("source")) or ("?", rel.get("source"))
        target = resolve(rel.get("target")) or ("?", rel.get("target"))
        pred_strict.add((source, rel.get("type"), target))
        pred_untyped.add((source, target))
    gold_strict = {
        (gold_key(r.get("source")), r.get("type"), gold_key(r.get("target")))
        for r in gold.get("relations") or ()
    }
    gold_untyped = {(s, t) for s, _, t in gold_strict}
    relations = Score(len(pred_strict & gold_strict), len(pred_strict), len(gold_strict))
    relations_untyped = Score(
        len(pred_untyped & gold_untyped), len(pred_untyped), len(gold_untyped)
    )

    p_statements = list(prediction.get("statements") or ())
    g_statements = list(gold.get("statements") or ())
    s_matching = match_statements(p_statements, g_statements)
    wrong_speakers = []
    for i, j in sorted(s_matching.items()):
        speaker = resolve(p_statements[i].get("speaker"))
        if speaker is None or speaker != gold_key(g_statements[j].get("speaker")):
            wrong_speakers.append(
                {
                    "text": g_statements[j].get("text", "")[:80],
                    "predicted": p_statements[i].get("speaker"),
                    "gold": g_statements[j].get("speaker"),
                }
            )
    speakers = Accuracy(len(s_matching) - len(wrong_speakers), len(s_matching))

    def show(triple) -> str:
        return " ".join(x[1] if isinstance(x, tuple) else str(x) for x in triple)

    errors = {
        "missed_actors": [a.get("name") for j, a in enumerate(g_actors) if j not in set(matching.values())],
        "spurious_actors": [a.get("name") for i, a in enumerate(p_actors) if i not in matching],
        "wrong_types": wrong_types,
        "missed_relations": sorted(show(t) for t in gold_strict - pred_strict),
        "spurious_relations": sorted(show(t) for t in pred_strict - gold_strict),
        "missed_statements": [
            s.get("text", "")[:80] for j, s in enumerate(g_statements) if j not in set(s_matching.values())
        ],
        "spurious_statements": [s.get("text", "")[:80] for i, s in enumerate(p_statements) if i not in s_matching],
        "wrong_speakers": wrong_speakers,
    }
    return DocumentScores(
        document=name or gold.get("document") or prediction.get("document") or "",
        actors=Score(len(matching), len(p_actors), len(g_actors)),
        types=types,
        relations=relations,
        relations_untyped=relations_untyped,
        statements=Score(len(s_matching), len(p_statements), len(g_statements)),
        speakers=speakers,
        errors={k: v for k, v in errors.items() if v},
    )


def load_gold(gold_dir) -> dict[str, dict]:
    """Read every ``*.json`` gold file in ``gold_dir``: ``{document name: gold object}``.

    Raises KGError when the folder is missing, holds no gold file, or a file is not a
    gold object.
    """
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise KGError(f"{folder}: no such gold directory")
    gold: dict[str, dict] = {}
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise KGError(f"{path}: not a gold JSON file ({exc.__class__.__name__})") from exc
        if not isinstance(data, dict) or not isinstance(data.get("actors", []), list):
            raise KGError(f"{path}: not a gold object (expected keys document, actors, relations, statements)")
        data.setdefault("document", path.stem)
        data["_stem"] = path.stem
        gold[str(data["document"])] = data
    if not gold:
        raise KGError(f"{folder}: no gold *.json files")
    return gold


def load_predictions(path) -> list[dict]:
    """Extraction JSON objects from a file: JSON Lines (what ``kg extract --json`` prints),
    or one JSON array or object.  Raises KGError naming the file and line of bad input.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise KGError(f"{path}: cannot read predictions ({exc.__class__.__name__})") from exc
    stripped = text.strip()
    if stripped.startswith("["):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise KGError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno})") from exc
        items = data
    else:
        items = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as exc:
                if number == 1:  # maybe one pretty-printed object
                    try:
                        items = [json.loads(stripped)]
                        break
                    except json.JSONDecodeError:
                        pass
                raise KGError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
    for index, item in enumerate(items, start=1):
        if not isinstance(item, dict) or "document" not in item:
            raise KGError(f"{path}: item {index} is not an extraction object with a \"document\" field")
    return items


def _find_gold(document: str, gold: dict[str, dict]) -> str | None:
    if document in gold:
        return document
    doc = Path(document)
    for key, data in gold.items():
        if doc.name in (key, Path(key).name) or doc.stem in (data["_stem"], Path(key).stem):
            return key
    return None


def evaluate(predictions: list[dict], gold_dir) -> EvaluationReport:
    """Score extraction JSON objects (SCHEMA.md) against the gold files in ``gold_dir``.

    A prediction is paired with the gold file whose ``document`` value, or file stem,
    equals its ``document`` field (a path is reduced to its file name).  Predictions with
    no gold are listed in ``unmatched_predictions``; gold files with no prediction are
    scored as entirely missed.  Raises KGError for a missing or empty gold folder, an
    unreadable gold file, or two predictions for the same gold document.
    """
    gold = load_gold(gold_dir)
    paired: dict[str, dict] = {}
    unmatched: list[str] = []
    for prediction in predictions:
        document = str(prediction.get("document") or "")
        key = _find_gold(document, gold)
        if key is None:
            unmatched.append(document)
            continue
        if key in paired:
            raise KGError(f"{document}: two predictions for gold document {key}")
        paired[key] = prediction
    scores = tuple(
        evaluate_document(paired.get(key, {"document": key}), gold[key], name=key)
        for key in sorted(gold)
    )
    overall = sum(scores[1:], scores[0]) if scores else DocumentScores("overall")
    overall = DocumentScores(
        "overall",
        overall.actors,
        overall.types,
        overall.relations,
        overall.relations_untyped,
        overall.statements,
        overall.speakers,
    )
    return EvaluationReport(scores, overall, tuple(unmatched))


def format_report(report: EvaluationReport) -> str:
    """A readable table: F1 and accuracies per document, then P/R/F1 of the total."""
    header = f"{'document':<34} {'actors':>6} {'types':>6} {'rel':>6} {'rel~':>6} {'stmts':>6} {'spkr':>6}"
    lines = [header, "-" * len(header)]

    def row(d: DocumentScores, label: str) -> str:
        return (
            f"{label[:34]:<34} {d.actors.f1:6.3f} {d.types.value:6.3f} {d.relations.f1:6.3f}"
            f" {d.relations_untyped.f1:6.3f} {d.statements.f1:6.3f} {d.speakers.value:6.3f}"
        )

    for d in report.documents:
        lines.append(row(d, d.document))
    lines.append("-" * len(header))
    lines.append(row(report.overall, "overall (micro)"))
    lines.append("")
    lines.append(f"{'overall':<22} {'P':>6} {'R':>6} {'F1':>6}   tp/pred/gold")
    o = report.overall
    for label, score in (
        ("actors", o.actors),
        ("relations (strict)", o.relations),
        ("relations (untyped)", o.relations_untyped),
        ("statements", o.statements),
    ):
        lines.append(
            f"{label:<22} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f}"
            f"   {score.tp}/{score.predicted}/{score.gold}"
        )
    for label, acc in (("type accuracy", o.types), ("speaker accuracy", o.speakers)):
        lines.append(f"{label:<22} {acc.value:6.3f}   {acc.correct}/{acc.total}")
    if report.unmatched_predictions:
        lines.append("")
        lines.append("no gold for: " + ", ".join(report.unmatched_predictions))
    return "\n".join(lines)
