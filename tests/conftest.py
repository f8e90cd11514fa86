"""Shared fixtures: a real embedded FalkorDB server for the session, and the seed graph.

- ``falkordb_settings`` (session): StoreSettings for an embedded server in a temp KG_HOME,
  started once and stopped at the end of the session.
- ``store``, ``second_store`` (function): an empty graph (its own graph name) on that server.
- ``seed_extractions`` (session): the seeds extracted with the real spaCy model.
- ``seed_store`` (session): a store with the seeds loaded; treat it as read-only.
- ``seed_snapshot`` (session): ``seed_store.snapshot()``.
- ``make_extraction``: build a small Extraction by hand (for store tests).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from kg.config import StoreSettings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

_graph_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def kg_home(tmp_path_factory) -> Path:
    """A temp KG_HOME for the session's embedded server (short path: it holds a socket)."""
    return tmp_path_factory.mktemp("kghome")


@pytest.fixture(scope="session")
def falkordb_settings(kg_home):
    """A real embedded FalkorDB server for the whole session, stopped at the end."""
    from kg.store.embedded import ensure_server, stop_server

    ensure_server(kg_home)
    try:
        yield StoreSettings(kind="falkordb", home=kg_home, graph="kg_test")
    finally:
        stop_server(kg_home)


def _empty_store(settings):
    """An empty graph of its own on the session server, deleted afterwards."""
    from dataclasses import replace

    from kg.store import open_store

    with open_store(replace(settings, graph=f"kg_test_{next(_graph_numbers)}")) as s:
        s.reset()
        yield s
        s.reset()


@pytest.fixture
def store(falkordb_settings):
    """An empty graph of its own on the session server, deleted afterwards."""
    yield from _empty_store(falkordb_settings)


@pytest.fixture
def second_store(falkordb_settings):
    """Another empty graph, for a test that compares two stores."""
    yield from _empty_store(falkordb_settings)


@pytest.fixture(scope="session")
def seed_extractions():
    """Extractions of the five seed articles, made with the real model (in file order)."""
    from kg.documents import iter_documents
    from kg.extract import extract_documents

    return list(extract_documents(iter_documents([SEEDS])))


@pytest.fixture(scope="session")
def seed_store(falkordb_settings, seed_extractions):
    """A store holding the seeds (graph "kg_seeds"); read-only for the tests."""
    from dataclasses import replace

    from kg.store import open_store

    settings = replace(falkordb_settings, graph="kg_seeds")
    with open_store(settings) as s:
        s.reset()
        s.load(seed_extractions)
        yield s


@pytest.fixture(scope="session")
def seed_snapshot(seed_store):
    """The seed graph read back as a GraphSnapshot."""
    return seed_store.snapshot()


@pytest.fixture
def make_extraction():
    """Build an Extraction from compact tuples, for tests that need exact contents.

    make_extraction(text, actors=[(name, type, aliases...)], relations=[(src, TYPE, tgt, i)],
                    statements=[(speaker, kind, text, about...)], published="2020-06-10")
    """
    from kg.model import Actor, Document, Extraction, Relation, Statement

    def build(text, actors=(), relations=(), statements=(), published=None, name="doc.txt"):
        sentences = [s.strip() for s in text.split(".") if s.strip()]
        return Extraction(
            document=Document(text=text, path=name, name=name, title=name, published=published),
            actors=tuple(
                Actor(name=a[0], type=a[1], aliases=tuple(a[2:]), mentions=2) for a in actors
            ),
            relations=tuple(
                Relation(
                    source=r[0], type=r[1], target=r[2], sentence_index=r[3],
                    sentence=sentences[r[3]] if r[3] < len(sentences) else text, confidence=0.8,
                )
                for r in relations
            ),
            statements=tuple(
                Statement(speaker=s[0], kind=s[1], text=s[2], about=tuple(s[3:]))
                for s in statements
            ),
            sentences=tuple(sentences),
        )

    return build
