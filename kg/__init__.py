"""kg: turn news coverage into a knowledge graph of actors, statements and relationships.

The library behind the ``kg`` command.  The data flows through these modules:

documents (read files) -> nlp + extract (spaCy Doc -> records) -> model (Actor, Relation,
Statement, Extraction) -> store (Neo4j or embedded FalkorDB) -> analytics / viz.

Nothing is loaded at import time: the spaCy model, drivers and the embedded server
start lazily on first use.
"""

__version__ = "0.1.0"

from kg.errors import KGError  # noqa: E402
from kg.model import (  # noqa: E402
    Actor,
    Document,
    Extraction,
    GraphSnapshot,
    Relation,
    Statement,
)

__all__ = [
    "Actor",
    "Document",
    "Extraction",
    "GraphSnapshot",
    "KGError",
    "Relation",
    "Statement",
    "extract_documents",
    "iter_documents",
    "open_store",
]


def __getattr__(name):
    # Lazy re-exports: importing kg must not import spaCy or a database driver.
    if name == "iter_documents":
        from kg.documents import iter_documents

        return iter_documents
    if name == "extract_documents":
        from kg.extract import extract_documents

        return extract_documents
    if name == "open_store":
        from kg.store import open_store

        return open_store
    raise AttributeError(name)
