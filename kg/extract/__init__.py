"""Turn Documents into Extractions: actors, relations and statements with evidence.

``extract_documents`` parses the texts in batches with ``nlp.pipe`` (the model is loaded
once; ``workers`` parser processes), runs the extractors of this package over each Doc
(``actors`` -> ``resolve`` -> ``statements`` -> ``relations``), then gives actors one
canonical name across the whole batch (``resolve.canonical_names``) and yields one
``Extraction`` per document, in input order.

The gazetteer is kg's shipped list of well-known actors (kg/data/gazetteer.yaml),
extended and overridden by an optional user YAML file of the same format: a list of
``{name, type, aliases, developer, role}`` entries (see ``kg.extract.gazetteer``).

A document without text, or whose parse trips a rule, yields an empty (or partial)
Extraction whose ``warnings`` name the file; the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.extract.actors import BILL_HEADS, find_mentions
from kg.extract.gazetteer import Gazetteer, load_gazetteer
from kg.extract.relations import find_relations
from kg.extract.resolve import ActorRecord, canonical_names, resolve_document
from kg.extract.quotes import QUOTE_MARKS
from kg.extract.statements import find_statements
from kg.model import Actor, Document, Extraction, Relation, Statement

__all__ = ["extract_doc", "extract_documents", "extract_text", "load_gazetteer"]

MAX_EVIDENCE_CHARS = 600


@dataclass
class _DocResult:
    """One document's extraction with actor indices, before corpus-wide naming."""

    document: Document
    sentences: tuple[str, ...]
    actors: list[ActorRecord]
    statements: list[tuple[int, str, str, tuple[int, ...], int]]
    relations: list[tuple[int, str, int, int, float]]
    warnings: tuple[str, ...]


def _text_of(document: Document) -> str:
    text = document.text or ""
    title = (document.title or "").strip()
    if title and not text.lstrip().startswith(title[: min(len(title), 40)]):
        text = f"{title}\n\n{text}"
    return text


def extract_doc(doc, document: Document, gazetteer: Gazetteer) -> _DocResult:
    """Run every extractor over one parsed Doc (no corpus-wide naming yet)."""
    name = document.name or document.path or "text"
    warnings = []
    if not doc.text.strip():
        return _DocResult(document, (), [], [], [], (f"{name}: no text to extract from",))
    marks = sum(doc.text.count(mark) for mark in QUOTE_MARKS)
    if marks % 2:
        warnings.append(f"{name}: odd number of quote marks; an unclosed quote ends with its paragraph")
    sents = list(doc.sents)
    sent_of = {}
    for number, sent in enumerate(sents):
        for token in sent:
            sent_of[token.i] = number
    names, frames = find_mentions(doc, gazetteer)
    acts = resolve_document(doc, names, frames, gazetteer)
    raw_statements = find_statements(doc, acts)
    raw_relations = find_relations(doc, acts, raw_statements, gazetteer)
    statements = []
    for s in raw_statements:
        about = tuple(a for a in acts.actors_in(s.start, s.end) if a != s.speaker)
        statements.append((s.speaker, s.kind, s.text, about, s.sentence_index))
    relations = [(r.source, r.type, r.target, sent_of.get(r.token, 0), r.confidence)
                 for r in raw_relations]
    return _DocResult(document, tuple(s.text.strip() for s in sents), acts.actors,
                      statements, relations, tuple(warnings))


def _frame_name(record: ActorRecord, names: list[str], actors: list[ActorRecord]) -> str | None:
    if record.type in ("Policy", "Bill") and record.owner is not None:
        owner = names[record.owner]
        return f"{owner} {record.kind}" if record.kind else f"{owner} policy"
    if record.type == "Incident" and record.victim is not None:
        return f"{record.kind} of {names[record.victim]}"
    if record.kind == "lawsuit":
        plaintiff = names[record.owner] if record.owner is not None else None
        defendant = names[record.against] if record.against is not None else None
        word = "petition" if record.forms and "petition" in record.forms[0].lower() else "lawsuit"  # a court petition
        if plaintiff and defendant:
            return f"{plaintiff} {word} against {defendant}"
        if plaintiff or defendant:
            return f"{plaintiff} {word}" if plaintiff else f"{word.capitalize()} against {defendant}"
        return word.capitalize()
    if record.kind == "protests":
        victims = [r.victim for r in actors if r.type == "Incident" and r.victim is not None
                   and r.kind == "Killing"]
        return f"{names[victims[0]]} protests" if victims else "Protests"
    return None


def _finish(result: _DocResult, mapping: dict[tuple[str, str], tuple[str, str]]) -> Extraction:
    records = result.actors
    canon = [mapping.get((r.name, r.type), (r.name, r.type)) for r in records]
    names = [name for name, _ in canon]
    types = [kind for _, kind in canon]
    for i, record in enumerate(records):
        framed = _frame_name(record, names, records)
        if framed:
            names[i] = framed
    for i, name in enumerate(names):
        if types[i] == "Bill" and name.lower() in BILL_HEADS:
            # "a bill" is no name, and would merge every story's unnamed bill: its sponsor's
            sponsors = [s for s, kind, t, _, _ in result.relations
                        if t == i and kind == "INTRODUCED" and types[s] == "Person"]
            if sponsors:
                names[i] = f"{names[sponsors[0]].split()[-1]} {name.lower()}"
    for i, record in enumerate(records):
        if record.alias_of is not None:
            names[i] = names[record.alias_of]
            types[i] = types[record.alias_of]
    dropped = {i for i, record in enumerate(records) if record.dropped}
    merged: dict[tuple[str, str], dict] = {}
    for i, record in enumerate(records):
        if i in dropped:
            continue
        key = (names[i], types[i])
        slot = merged.setdefault(key, {"aliases": [], "mentions": 0, "role": None})
        for form in record.forms:
            if form != names[i] and form not in slot["aliases"]:
                slot["aliases"].append(form)
        slot["mentions"] += max(1, len(record.spans))
        slot["role"] = slot["role"] or record.role
    actors = tuple(Actor(name=n, type=t, aliases=tuple(v["aliases"]), role=v["role"],
                         mentions=v["mentions"]) for (n, t), v in merged.items())
    sentences = result.sentences
    relations, seen = [], set()
    for source, kind, target, sent, confidence in result.relations:
        if source in dropped or target in dropped:
            continue
        key = (names[source], kind, names[target])
        if key in seen or key[0] == key[2]:
            continue
        seen.add(key)
        text = sentences[sent] if sent < len(sentences) else ""
        relations.append(Relation(names[source], kind, names[target], text[:MAX_EVIDENCE_CHARS],
                                  sent, confidence))
    statements, seen = [], set()
    for speaker, kind, text, about, sent in result.statements:
        about = tuple(a for a in about if a not in dropped)
        if speaker in dropped:
            continue
        key = (names[speaker], text)
        if key in seen:
            continue
        seen.add(key)
        about_names = tuple(dict.fromkeys(names[a] for a in about if names[a] != names[speaker]))
        statements.append(Statement(names[speaker], kind, text, about_names, sent,
                                    sentences[sent] if sent < len(sentences) else ""))
    return Extraction(document=result.document, actors=actors, relations=tuple(relations),
                      statements=tuple(statements), sentences=sentences,
                      warnings=result.warnings)


def _canonical_mapping(results: list[_DocResult]) -> dict[tuple[str, str], tuple[str, str]]:
    lists = []
    for result in results:
        lists.append([(r.name, r.type, set(r.proper)) for r in result.actors
                      if r.type not in ("Policy", "Incident") and r.proper])
    return canonical_names(lists)


def extract_documents(documents: Iterable[Document], *, gazetteer: str | Path | None = None,
                      workers: int = 1, batch_size: int = 32,
                      on_parsed: Callable[[Document], None] | None = None) -> Iterator[Extraction]:
    """Extract every document, in input order, with actor names shared across them.

    ``gazetteer`` is an optional user YAML file extending the shipped gazetteer;
    ``workers`` is the number of spaCy parser processes; ``on_parsed`` is called with each
    document once it is parsed and extracted (for a progress bar: nothing is yielded
    until the whole batch is, since names are shared across it).  Raises KGError for a bad
    gazetteer file or a missing model; a bad document only adds a warning.

    >>> from kg.model import Document
    >>> [ex] = extract_documents([Document(text="IBM said it will stop selling it.", name="a.txt")])
    >>> [a.name for a in ex.actors][:1]
    ['IBM']
    """
    from kg.nlp import load_nlp

    gaz = load_gazetteer(gazetteer)
    nlp = load_nlp()
    docs = list(documents)
    texts = [_text_of(d) for d in docs]
    results = []
    parsed = nlp.pipe(texts, n_process=max(1, int(workers)), batch_size=max(1, int(batch_size)))
    for document, doc in zip(docs, parsed):
        try:
            results.append(extract_doc(doc, document, gaz))
        except (ValueError, IndexError, KeyError, AttributeError, TypeError) as error:
            name = document.name or document.path or "text"
            results.append(_DocResult(document, (), [], [], [],
                                      (f"{name}: extraction stopped early ({type(error).__name__}: {error})",)))
        if on_parsed is not None:
            on_parsed(document)
    mapping = _canonical_mapping(results)
    for result in results:
        yield _finish(result, mapping)


def extract_text(text: str, name: str = "text") -> Extraction:
    """Extract one string (a convenience for tests and the REPL).

    >>> ex = extract_text("The ACLU criticized Amazon.")
    >>> ("American Civil Liberties Union", "CRITICIZED", "Amazon") in {(r.source, r.type, r.target) for r in ex.relations}
    True
    """
    return next(extract_documents([Document(text=text, name=name)]))
