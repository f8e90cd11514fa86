"""The store interface every graph database implements, and the logic they share.

A store writes one ``Extraction`` per transaction (``write_extraction``), loads a stream
of them (``load``), runs Cypher read-only unless told otherwise (``query``), counts
(``stats``), reads the whole graph back in a few queries (``snapshot``) and empties
kg's part of the graph (``reset``).  Subclasses supply four primitives: ``_read``,
``_write``, ``_setup_schema`` and ``close``; everything else is here, so the two stores
cannot drift apart.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from kg.errors import QueryError, StoreError
from kg.model import Extraction, GraphSnapshot
from kg.store import queries
from kg.store.dialect import Dialect

__all__ = ["LoadSummary", "LoadTally", "QueryResult", "Store"]


@dataclass(frozen=True)
class QueryResult:
    """Rows of a Cypher query: column names and plain Python values (nodes become dicts)."""

    columns: list[str]
    rows: list[list]

    def records(self) -> list[dict]:
        """The rows as dicts keyed by column name."""
        return [dict(zip(self.columns, row)) for row in self.rows]

    def __len__(self) -> int:
        return len(self.rows)


@dataclass(frozen=True)
class LoadSummary:
    """What a load did: documents written, documents already present (left unchanged),
    and the actors (distinct), relations and statements of the written documents."""

    documents: int = 0
    unchanged: int = 0
    actors: int = 0
    relations: int = 0
    statements: int = 0
    seconds: float = 0.0
    document_ids: tuple[str, ...] = field(default=(), repr=False)


@dataclass
class LoadTally:
    """What a load has written so far; ``summary()`` turns it into a LoadSummary."""

    documents: int = 0
    unchanged: int = 0
    relations: int = 0
    statements: int = 0
    actors: set = field(default_factory=set)
    ids: list = field(default_factory=list)
    start: float = field(default_factory=time.perf_counter)

    def add(self, write: queries.DocumentWrite, doc_id: str) -> None:
        """Count one written document."""
        self.documents += 1
        self.actors.update(write.actor_ids)
        self.relations += write.relations
        self.statements += write.statements
        self.ids.append(doc_id)

    def absorb(self, other: LoadTally) -> None:
        """Add what ``other`` counted."""
        self.documents += other.documents
        self.unchanged += other.unchanged
        self.relations += other.relations
        self.statements += other.statements
        self.actors |= other.actors
        self.ids.extend(other.ids)

    def summary(self) -> LoadSummary:
        return LoadSummary(
            documents=self.documents,
            unchanged=self.unchanged,
            actors=len(self.actors),
            relations=self.relations,
            statements=self.statements,
            seconds=round(time.perf_counter() - self.start, 3),
            document_ids=tuple(self.ids),
        )


class Store:
    """One graph in one database; use as a context manager or call ``close()``."""

    dialect: str = ""
    _dialect: Dialect

    def __init__(self) -> None:
        self._schema_ready = False

    # -- primitives the subclasses supply -------------------------------------------------

    def _read(self, cypher: str, params: dict | None) -> QueryResult:
        """Run a read-only query; raise QueryError (one line) if it is refused."""
        raise NotImplementedError

    def _write(self, cypher: str, params: dict | None) -> QueryResult:
        """Run a query in one write transaction (retried on transient errors)."""
        raise NotImplementedError

    def _user_write(self, cypher: str, params: dict | None) -> QueryResult:
        """Run a user's write query (``kg query --write``); stores may retry it less."""
        return self._write(cypher, params)

    def _setup_schema(self) -> None:
        """Create the uniqueness constraints and indexes if they are missing."""
        raise NotImplementedError

    def close(self) -> None:
        """Release the connection; the data (and the embedded server) stay."""
        raise NotImplementedError

    # -- the interface ----------------------------------------------------------------------

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def ensure_schema(self) -> None:
        """Set up constraints and indexes once per store object (idempotent)."""
        if not self._schema_ready:
            self._setup_schema()
            self._schema_ready = True

    def has_document(self, document_id: str) -> bool:
        """True if the document with this id is in the graph (and so complete)."""
        result = self._read(queries.DOCUMENT_EXISTS, {"id": document_id})
        return bool(result.rows and result.rows[0][0])

    def write_extraction(self, ex: Extraction) -> queries.DocumentWrite:
        """Write one document and everything extracted from it, in one transaction.

        Idempotent: writing the same extraction again changes no count or evidence.
        Returns what was written (numbers of actors, relations, statements).
        """
        self.ensure_schema()
        write = queries.document_write(ex, self._dialect)
        try:
            self._write(write.cypher, write.params)
        except QueryError as exc:
            # kg built this query, so a rejection is kg's fault (or a failed consistency
            # check inside it), never the user's; the write is atomic, so say that.
            name = ex.document.name or ex.document.path or ex.document.id
            raise StoreError(f"{name}: the store refused the document write, nothing was written ({exc})") from None
        return write

    def load(
        self,
        extractions: Iterable[Extraction],
        on_document: Callable[[Extraction], None] | None = None,
        *,
        bulk: bool = True,
    ) -> LoadSummary:
        """Write each extraction whose document is not yet in the graph.

        A document already present is counted as ``unchanged`` and not rewritten, so a
        second load of the same files is a no-op; an interrupted load leaves only whole
        documents behind and the next run writes the missing ones.  ``on_document`` is
        called with each extraction once it is handled (for a progress bar).  ``bulk``
        lets a store build an empty graph in one go (FalkorDB, ``kg.store.bulk``);
        the graph is the same either way.
        """
        tally = LoadTally()
        self.ensure_schema()
        self._load_each(extractions, on_document, tally)
        return tally.summary()

    def _load_each(self, extractions, on_document, tally: LoadTally) -> None:
        """The per-document path of ``load``: one write transaction per new document."""
        for ex in extractions:
            if self.has_document(ex.document.id):
                tally.unchanged += 1
            else:
                tally.add(self.write_extraction(ex), ex.document.id)
            if on_document is not None:
                on_document(ex)

    def query(self, cypher: str, params: dict | None = None, *, write: bool = False) -> QueryResult:
        """Run Cypher with parameters; read-only unless ``write=True``.

        Raises QueryError (one line) for a syntax error, an unknown parameter, or a write
        attempted in read-only mode.
        """
        if not isinstance(cypher, str) or not cypher.strip():
            raise QueryError("empty query")
        if params is not None and not isinstance(params, dict):
            raise QueryError(f"query parameters must be a mapping, not {type(params).__name__}")
        if write:
            return self._user_write(cypher, params)
        return self._read(cypher, params)

    def stats(self) -> dict:
        """Counts: documents, actors, relations (between actors), statements, and the
        actors and relations per type (only types present)."""
        out: dict = {}
        for key in ("documents", "statements"):
            rows = self._read(queries.STATS_QUERIES[key], None).rows
            out[key] = int(rows[0][0]) if rows else 0
        actors = {k: int(n) for k, n in self._read(queries.STATS_QUERIES["actors_by_type"], None).rows}
        rels = {k: int(n) for k, n in self._read(queries.STATS_QUERIES["relations_by_type"], None).rows}
        out["actors"] = sum(actors.values())
        out["relations"] = sum(rels.values())
        out["actors_by_type"] = actors
        out["relations_by_type"] = rels
        return {k: out[k] for k in ("documents", "actors", "relations", "statements",
                                    "actors_by_type", "relations_by_type")}

    def snapshot(self) -> GraphSnapshot:
        """The whole graph in five queries (actors, relations, statements, documents,
        mentions), as plain rows; see ``kg.model.GraphSnapshot``."""
        parts = {}
        for key, cypher in queries.SNAPSHOT_QUERIES.items():
            parts[key] = self._read(cypher, None).records()
        for row in parts["actors"]:
            row["aliases"] = list(row["aliases"] or [])
            row["mentions"] = int(row["mentions"] or 0)
        for row in parts["relations"]:
            row["evidence"] = list(row["evidence"] or [])
            row["sentences"] = list(row["sentences"] or [])
            row["count"] = int(row["count"] or len(row["evidence"]))
            row["confidence"] = float(row["confidence"] or 0.0)
        for row in parts["statements"]:
            row["about"] = sorted(set(row["about"] or []))
        return GraphSnapshot(**parts)

    def reset(self) -> None:
        """Delete kg's nodes (Actor, Document, Statement) and their relationships."""
        while True:
            rows = self._write(self._dialect.delete_batch, {"batch": 10000}).rows
            if not rows or not rows[0][0]:
                break
