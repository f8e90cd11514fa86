"""The FalkorDB store: the embedded server kg runs itself, or an external one by URL.

One ``GRAPH.QUERY`` is atomic in FalkorDB, which is why a document is written by a single
query (see ``kg.store.queries``).  Read-only queries go through ``GRAPH.RO_QUERY``,
which the server itself refuses to run if the query would write anything.  A load into
an empty graph builds it with ``GRAPH.BULK`` instead (``kg.store.bulk``).
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import os
import secrets
import time
from concurrent.futures import ThreadPoolExecutor

from kg.config import redact_url
from kg.errors import QueryError, StoreError
from kg.store import queries
from kg.store.base import LoadTally, QueryResult, Store
from kg.store.bulk import BULK_MAX_ROWS, BulkGraph, NotBulkable, bulk_calls
from kg.store.dialect import FALKORDB

__all__ = ["FalkorDBStore", "connect"]

# Seconds to wait before each new attempt when the connection drops or the server is
# (re)loading its data; kg's own writes are idempotent MERGEs, so a retry is safe.
RETRY_DELAYS = (0.25, 0.5, 1.0, 2.0)
# A frozen server must not hang kg forever; the longest legitimate reply (a snapshot of
# a large graph) takes well under this.
SOCKET_TIMEOUTS = {"socket_connect_timeout": 5, "socket_timeout": 300}
# Seconds a bulk load's staging graph lives if the load dies before swapping it in.
STAGING_TTL = 6 * 3600
# Seconds a load waits at most for the indexes of a bulk-built graph (queries are right
# without them, only slower).
INDEX_TIMEOUT = 600.0


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

    # -- loading ------------------------------------------------------------------------

    def load(self, extractions, on_document=None, *, bulk: bool = True):
        """``Store.load``; on an empty graph (and ``bulk``), the first documents, up to
        ``BULK_MAX_ROWS`` rows, are built in one go by ``GRAPH.BULK`` and the rest are
        written one by one.  See ``kg.store.bulk`` for why the result is the same."""
        tally = LoadTally()
        stream = iter(extractions)
        replay = ()
        if bulk and self._is_empty():
            stream, replay = self._bulk_load(stream, on_document, tally)
        self.ensure_schema()
        if tally.documents:
            self._wait_for_indexes()  # the bulk graph was indexed after the fact
        self._load_each(replay, None, tally)  # already reported to on_document
        self._load_each(stream, on_document, tally)
        return tally.summary()

    def _is_empty(self) -> bool:
        """True if the graph does not exist or holds no node at all."""
        try:
            return not self._run("MATCH (n) RETURN 1 LIMIT 1", None, read_only=True).rows
        except _MissingGraph:
            return True

    def _bulk_load(self, stream, on_document, tally: LoadTally):
        """Gather documents from ``stream``, build them under a staging key, check the
        result and swap it in for the empty graph.

        Returns the rest of the stream and the documents to write one by one after all
        (all gathered ones if another load wrote to the graph meanwhile, else none).
        """
        # A key of its own, so that two loads never share one; it expires by itself if
        # this process is killed before the swap.
        staging = f"{self.graph_name}.kg-bulk-{os.getpid()}-{secrets.token_hex(4)}"
        gathered = LoadTally()
        with _gc_paused():
            taken, rest, graph = self._gather(stream, on_document, gathered)
            if not graph.documents:
                tally.unchanged += gathered.unchanged
                return rest, ()
            expected, calls = bulk_calls(graph)
            try:
                self._send_bulk(staging, calls)
                del graph, calls
                self._check_bulk(staging, expected)
                swapped = self._swap_in(staging)
            finally:
                self._command("DEL", staging)
        if not swapped:
            return rest, taken
        self._schema_ready = False  # the new graph has no indexes yet
        tally.absorb(gathered)
        return rest, ()

    def _gather(self, stream, on_document, tally: LoadTally):
        """Merge documents from ``stream`` until it ends, BULK_MAX_ROWS is reached or a
        document cannot be bulk-loaded, counting each merged document in ``tally``.
        Returns the extractions taken, the rest of the stream and the BulkGraph."""
        graph = BulkGraph()
        taken = []
        left = None
        for ex in stream:
            write = queries.document_write(ex, self._dialect)
            try:
                added = graph.add(write)
            except NotBulkable:
                left = ex  # this one and the rest go the per-document way
                break
            taken.append(ex)
            if added:
                tally.add(write, ex.document.id)
            else:
                tally.unchanged += 1
            if on_document is not None:
                on_document(ex)
            if graph.rows >= BULK_MAX_ROWS:
                break
        rest = stream if left is None else itertools.chain([left], stream)
        return taken, rest, graph

    def _send_bulk(self, staging: str, calls) -> None:
        """Send the GRAPH.BULK calls in order from a second thread, so that the server
        builds one part of the graph while this thread encodes the next."""
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-bulk") as sender:
            sent = []
            for i, args in enumerate(calls):
                if i == 0:
                    sent.append(sender.submit(self._command, "GRAPH.BULK", staging, "BEGIN", *args))
                    sent.append(sender.submit(self._command, "EXPIRE", staging, STAGING_TTL))
                else:
                    sent.append(sender.submit(self._command, "GRAPH.BULK", staging, *args))
                if any(future.done() and future.exception() for future in sent):
                    break  # no use encoding the rest
            for future in sent:
                future.result()  # the first failure, as a StoreError

    def _wait_for_indexes(self, timeout: float = INDEX_TIMEOUT) -> None:
        """Wait until every index of the graph is built (FalkorDB builds an index on
        existing nodes in the background, and does not use it until it is done)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            statuses = self._run("CALL db.indexes() YIELD status RETURN status", None, read_only=True).rows
            if all("OPERATIONAL" in str(status).upper() for (status,) in statuses):
                return
            time.sleep(0.05)

    def _swap_in(self, staging: str) -> bool:
        """Put the staging graph in place of the graph if that is still empty, atomically.

        The graph's key is WATCHed (FalkorDB signals every write to it), so if another
        load writes to it between the check and the swap, nothing is swapped and False is
        returned.
        """
        import redis

        pipe = self._db.connection.pipeline(transaction=True)
        try:
            pipe.watch(self.graph_name)
            if not self._is_empty():
                return False
            pipe.multi()
            pipe.execute_command("DEL", self.graph_name)  # an empty graph: only its indexes
            pipe.execute_command("PERSIST", staging)
            pipe.execute_command("RENAMENX", staging, self.graph_name)
            return bool(pipe.execute()[-1])
        except redis.exceptions.WatchError:
            return False
        except redis.exceptions.RedisError as exc:
            raise StoreError(f"FalkorDB at {self.where}: {_one_line(str(exc))}") from None
        finally:
            pipe.reset()

    def _check_bulk(self, staging: str, expected: dict) -> None:
        """Raise StoreError unless the staging graph holds what kg sent, numbered as sent."""
        import redis

        graph = self._db.select_graph(staging)
        try:
            nodes = graph.ro_query("MATCH (n) RETURN count(n)").result_set[0][0]
            edges = graph.ro_query("MATCH ()-[r]->() RETURN count(r)").result_set[0][0]
            probes = graph.ro_query(
                "UNWIND $probes AS p MATCH (n) WHERE id(n) = p[0] RETURN count(CASE WHEN n.id = p[1] THEN 1 END)",
                {"probes": [list(p) for p in expected["probes"]]},
            ).result_set[0][0]
        except redis.exceptions.RedisError as exc:
            raise StoreError(f"FalkorDB at {self.where}: checking the bulk load: {_one_line(str(exc))}") from None
        if (nodes, edges, probes) != (expected["nodes"], expected["edges"], len(expected["probes"])):
            raise StoreError(
                f"FalkorDB at {self.where}: the bulk load came out wrong ({nodes} nodes, {edges} "
                f"relationships, {probes}/{len(expected['probes'])} probes; expected "
                f"{expected['nodes']}, {expected['edges']}); nothing was written; load with --no-bulk"
            )

    def _command(self, *args):
        """Run one server command (DEL, RENAMENX, GRAPH.BULK); StoreError on failure."""
        import redis

        try:
            return self._db.connection.execute_command(*args)
        except redis.exceptions.RedisError as exc:
            raise StoreError(f"FalkorDB at {self.where}: {args[0]}: {_one_line(str(exc))}") from None

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


@contextlib.contextmanager
def _gc_paused():
    """Pause the cyclic garbage collector: the merged graph is millions of small lists and
    dicts without cycles, which it would otherwise re-scan again and again for nothing
    (measured: it tripled the time of gathering 500,000 relationships)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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
