"""The FalkorDB store: the embedded server kg runs itself, or an external one by URL.

One ``GRAPH.QUERY`` is atomic in FalkorDB, which is why a document is written by a single
query (see ``kg.store.queries``).  Read-only queries go through ``GRAPH.RO_QUERY``,
which the server itself refuses to run if the query would write anything.
"""

from __future__ import annotations

import time

from kg.config import redact_url
from kg.errors import QueryError, StoreError
from kg.store.base import QueryResult, Store
from kg.store.dialect import FALKORDB

__all__ = ["FalkorDBStore", "connect"]

# Seconds to wait before each new attempt when the connection drops or the server is
# (re)loading its data; kg's own writes are idempotent MERGEs, so a retry is safe.
RETRY_DELAYS = (0.25, 0.5, 1.0, 2.0)
# A frozen server must not hang kg forever; the longest legitimate reply (a snapshot of
# a large graph) takes well under this.
SOCKET_TIMEOUTS = {"socket_connect_timeout": 5, "socket_timeout": 300}


class FalkorDBStore(Store):
    """A graph in FalkorDB.  Build it with ``connect(...)`` or ``kg.store.open_store``."""

    dialect = "falkordb"
    _dialect = FALKORDB

    def __init__(self, db, graph_name: str, where: str) -> None:
        super().__init__()
        self._db = db
        self._graph = db.select_graph(graph_name)
        self.graph_name = graph_name
        self.where = where

    def __repr__(self) -> str:
        return f"FalkorDBStore({self.where!r}, graph={self.graph_name!r})"

    # -- primitives ---------------------------------------------------------------------

    def _read(self, cypher: str, params: dict | None) -> QueryResult:
        try:
            return self._run(cypher, params, read_only=True)
        except _MissingGraph:
            # Nothing loaded yet: create the (empty) graph and its schema, then read it.
            self._schema_ready = False
            self.ensure_schema()
            return self._run(cypher, params, read_only=True)

    def _write(self, cypher: str, params: dict | None) -> QueryResult:
        return self._run(cypher, params, read_only=False)

    def _user_write(self, cypher: str, params: dict | None) -> QueryResult:
        # Not retried: a user's write may not be idempotent, and a retry after a reply was
        # lost could apply it twice. kg's own writes are MERGEs and safe to repeat.
        return self._run(cypher, params, read_only=False, delays=())

    def _run(
        self, cypher: str, params: dict | None, read_only: bool, delays=RETRY_DELAYS
    ) -> QueryResult:
        """Run once; on a dropped connection retry with backoff, then fail with one line."""
        import redis

        transient = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)
        for delay in delays:
            try:
                return self._run_once(cypher, params, read_only)
            except transient:
                time.sleep(delay)
        try:
            return self._run_once(cypher, params, read_only)
        except transient as exc:
            raise StoreError(
                f"FalkorDB at {self.where}: {_one_line(str(exc))} "
                f"(gave up after {len(delays) + 1} attempts)"
            ) from None

    def _run_once(self, cypher: str, params: dict | None, read_only: bool) -> QueryResult:
        import redis

        try:
            if read_only:
                result = self._graph.ro_query(cypher, params)
            else:
                result = self._graph.query(cypher, params)
        except redis.exceptions.ResponseError as exc:
            if "empty key" in str(exc):
                raise _MissingGraph() from None
            raise QueryError(_query_message(str(exc), read_only)) from None
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError):
            raise  # transient: _run retries it
        except redis.exceptions.RedisError as exc:
            raise StoreError(f"FalkorDB at {self.where}: {_one_line(str(exc))}") from None
        except (TypeError, ValueError) as exc:  # the client refused a parameter value
            raise QueryError(f"bad query parameter: {_one_line(str(exc))}") from None
        columns = [str(name) for _kind, name in (result.header or [])]
        rows = [[plain(value) for value in row] for row in result.result_set]
        return QueryResult(columns, rows)

    def _setup_schema(self) -> None:
        import redis

        if self._dialect.warmup:
            # Before the indexes and constraints, so the scratch node breaks none of them.
            try:
                self._graph.query(self._dialect.warmup)
            except redis.exceptions.RedisError as exc:
                raise StoreError(f"FalkorDB at {self.where}: {_one_line(str(exc))}") from None
        existing = self._existing_indexes()
        for statement in self._dialect.indexes:
            key = _index_key(statement)
            if key in existing:
                continue
            try:
                self._graph.query(statement)
            except redis.exceptions.ResponseError as exc:
                if "already indexed" not in str(exc):
                    raise StoreError(f"FalkorDB at {self.where}: {_one_line(str(exc))}") from None
            except redis.exceptions.RedisError as exc:
                raise StoreError(f"FalkorDB at {self.where}: {_one_line(str(exc))}") from None
        for label, prop in self._dialect.unique:
            try:
                self._graph.create_node_unique_constraint(label, prop)
            except redis.exceptions.ResponseError as exc:
                if "already exists" not in str(exc).lower():
                    raise StoreError(
                        f"FalkorDB at {self.where}: unique {label}.{prop}: {_one_line(str(exc))}"
                    ) from None

    def _existing_indexes(self) -> set[tuple[str, str]]:
        import redis

        try:
            result = self._graph.ro_query("CALL db.indexes() YIELD label, properties RETURN label, properties")
        except redis.exceptions.ResponseError:
            return set()  # no graph yet
        except redis.exceptions.RedisError as exc:
            raise StoreError(f"FalkorDB at {self.where}: {_one_line(str(exc))}") from None
        return {(label, prop) for label, props in result.result_set for prop in props}

    def reset(self) -> None:
        """Delete the whole graph (GRAPH.DELETE); indexes are re-created on the next write."""
        import redis

        try:
            self._graph.delete()
        except redis.exceptions.ResponseError as exc:
            if "empty key" not in str(exc).lower() and "no such" not in str(exc).lower():
                raise StoreError(f"FalkorDB at {self.where}: {_one_line(str(exc))}") from None
        except redis.exceptions.RedisError as exc:
            raise StoreError(f"FalkorDB at {self.where}: {_one_line(str(exc))}") from None
        self._schema_ready = False

    def close(self) -> None:
        try:
            self._db.connection.close()
        except AttributeError:
            pass


class _MissingGraph(Exception):
    """The graph key does not exist yet (nothing was ever written to it)."""


def connect(*, url: str | None = None, server=None, graph: str = "kg") -> FalkorDBStore:
    """Connect to an external FalkorDB (``url``) or an embedded ``EmbeddedServer``.

    Raises StoreError (one line, no credentials) when the server does not answer.
    """
    import redis
    from falkordb import FalkorDB

    # Named before connecting: the client already talks to the server in its constructor.
    where = server.url if server is not None else redact_url(url)
    try:
        if server is not None:
            db = FalkorDB(**server.client_kwargs(), **SOCKET_TIMEOUTS)
        else:
            db = FalkorDB.from_url(url, **SOCKET_TIMEOUTS)
        db.connection.ping()
    except redis.exceptions.AuthenticationError:
        raise StoreError(f"FalkorDB at {where}: authentication failed") from None
    except redis.exceptions.RedisError as exc:
        raise StoreError(f"cannot reach FalkorDB at {where}: {_one_line(str(exc))}") from None
    except ValueError as exc:
        raise StoreError(f"bad FalkorDB URL {where!r}: {_one_line(str(exc))}") from None
    return FalkorDBStore(db, graph, where)


def plain(value):
    """A FalkorDB result value as plain Python: nodes and edges become dicts, paths lists."""
    from falkordb import Edge, Node, Path

    if isinstance(value, Node):
        return {"_labels": list(value.labels or []), **{k: plain(v) for k, v in value.properties.items()}}
    if isinstance(value, Edge):
        return {"_type": value.relation, **{k: plain(v) for k, v in value.properties.items()}}
    if isinstance(value, Path):
        return {
            "nodes": [plain(n) for n in value.nodes()],
            "relationships": [plain(e) for e in value.edges()],
        }
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _query_message(message: str, read_only: bool) -> str:
    line = _one_line(message)
    if "RO_QUERY" in line or "read-only" in line:
        return "the query writes to the graph: run it with --write (write=True) to allow that"
    if line.startswith("errMsg: "):
        line = line[len("errMsg: "):]
        line = line.split(" errCtx:")[0]
    return f"query rejected: {line}"


def _one_line(text: str) -> str:
    return " ".join(text.split())[:500]


def _index_key(statement: str) -> tuple[str, str]:
    # "CREATE INDEX FOR (a:Actor) ON (a.id)" -> ("Actor", "id")
    label = statement.split(":", 1)[1].split(")", 1)[0]
    prop = statement.rsplit(".", 1)[1].rstrip(")")
    return label, prop
