"""The Neo4j store, through the official driver (bolt://, neo4j://, neo4j+s:// URIs).

Writes run in managed write transactions (``session.execute_write``), which the driver
retries on transient errors; reads run in managed read transactions with the session's
access mode set to READ, so the server itself refuses a query that writes.  The password
goes to the driver and nowhere else: no message kg builds contains it.
"""

from __future__ import annotations

import logging

from kg.config import redact_url
from kg.errors import KGError, QueryError, StoreError
from kg.store.base import QueryResult, Store
from kg.store.dialect import NEO4J

__all__ = ["URI_SCHEMES", "Neo4jStore", "connect"]

# The driver logs routing failures itself; kg reports each failure as one line instead.
logging.getLogger("neo4j").addHandler(logging.NullHandler())
logging.getLogger("neo4j").propagate = False

URI_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


class Neo4jStore(Store):
    """A graph in one Neo4j database.  Build it with ``connect(...)`` or ``open_store``."""

    dialect = "neo4j"
    _dialect = NEO4J

    def __init__(self, driver, database: str | None, where: str, secret: str | None) -> None:
        super().__init__()
        self._driver = driver
        self.database = database
        self.where = where
        self._secret = secret

    def __repr__(self) -> str:
        return f"Neo4jStore({self.where!r}, database={self.database!r})"

    @property
    def driver(self):
        """The official driver's ``Driver`` (for tools built on it, such as the GDS client)."""
        return self._driver

    def error(self, exc: Exception, *, read: bool = False) -> KGError:
        """Any exception as the one-line KGError kg reports (never with the password)."""
        translated = self._translate(exc, read)
        if isinstance(translated, KGError):
            return translated
        return StoreError(f"Neo4j at {self.where}: {self._clean(exc)}")

    # -- primitives ---------------------------------------------------------------------

    def _session(self, read: bool):
        import neo4j

        mode = neo4j.READ_ACCESS if read else neo4j.WRITE_ACCESS
        if self.database:
            return self._driver.session(database=self.database, default_access_mode=mode)
        return self._driver.session(default_access_mode=mode)

    def _read(self, cypher: str, params: dict | None) -> QueryResult:
        return self._run(cypher, params, read=True)

    def _write(self, cypher: str, params: dict | None) -> QueryResult:
        return self._run(cypher, params, read=False)

    def _run(self, cypher: str, params: dict | None, read: bool) -> QueryResult:
        try:
            with self._session(read) as session:
                if read:
                    return session.execute_read(_collect, cypher, params)
                return session.execute_write(_collect, cypher, params)
        except Exception as exc:  # translated below; anything else is re-raised as is
            raise self._translate(exc, read) from None

    def _user_write(self, cypher: str, params: dict | None) -> QueryResult:
        # An auto-commit transaction, which the driver does not retry: a user's write may
        # not be idempotent. kg's own writes are MERGEs, safe in retried managed ones.
        try:
            with self._session(read=False) as session:
                return _collect(session, cypher, params)
        except Exception as exc:
            raise self._translate(exc, read=False) from None

    def _setup_schema(self) -> None:
        for statement in (*self._dialect.constraints, *self._dialect.indexes):
            try:
                with self._session(read=False) as session:
                    session.run(statement).consume()
            except Exception as exc:
                raise self._translate(exc, read=False) from None

    def close(self) -> None:
        self._driver.close()

    # -- errors ---------------------------------------------------------------------------

    def _translate(self, exc: Exception, read: bool) -> Exception:
        import neo4j.exceptions as ne

        if isinstance(exc, ne.AuthError):
            return StoreError(f"Neo4j at {self.where}: authentication failed")
        if isinstance(exc, (ne.ServiceUnavailable, ne.SessionExpired)):
            return StoreError(f"cannot reach Neo4j at {self.where}: {self._clean(exc)}")
        if isinstance(exc, ne.Neo4jError):
            code = getattr(exc, "code", "") or ""
            # Neo.ClientError.Statement.AccessMode: "Writing in read access mode not allowed"
            if read and ("AccessMode" in code or "read access mode" in str(exc).lower()):
                return QueryError(
                    "the query writes to the graph: run it with --write (write=True) to allow that"
                )
            if code.startswith("Neo.ClientError.Security"):
                return StoreError(f"Neo4j at {self.where}: {self._clean(exc)}")
            if code.startswith("Neo.ClientError"):
                return QueryError(f"query rejected: {self._clean(exc)}")
            return StoreError(f"Neo4j at {self.where}: {self._clean(exc)}")
        if isinstance(exc, ne.DriverError):
            return StoreError(f"Neo4j at {self.where}: {self._clean(exc)}")
        if isinstance(exc, (TypeError, ValueError)):
            return QueryError(f"bad query parameter: {self._clean(exc)}")
        from neo4j._exceptions import BoltError  # protocol garbage from a server that is not Neo4j

        if isinstance(exc, (BoltError, OSError)):
            return StoreError(f"cannot reach Neo4j at {self.where}: {self._clean(exc)}")
        return exc

    def _clean(self, exc: Exception) -> str:
        message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        return _scrub(" ".join(str(message).split())[:500], self._secret)


def _collect(runner, cypher: str, params: dict | None) -> QueryResult:
    """Run ``cypher`` on a transaction or session and read every row as plain values."""
    result = runner.run(cypher, params or {})
    columns = list(result.keys())
    rows = [[plain(v) for v in record.values()] for record in result]
    return QueryResult(columns, rows)


def connect(
    *,
    uri: str,
    username: str = "neo4j",
    password: str | None = None,
    database: str | None = None,
) -> Neo4jStore:
    """Connect and check the connection; StoreError (one line, no password) if refused."""
    import neo4j
    import neo4j.exceptions as ne

    where = _scrub(redact_url(uri), password)
    scheme = (uri or "").split("://", 1)[0].lower() if "://" in (uri or "") else ""
    if scheme not in URI_SCHEMES:
        raise StoreError(
            f"bad Neo4j URI {where!r}: the scheme must be one of {', '.join(URI_SCHEMES)}"
        )
    auth = (username, password) if password is not None else None
    try:
        driver = neo4j.GraphDatabase.driver(uri, auth=auth)
    except (ValueError, ne.ConfigurationError) as exc:
        raise StoreError(f"bad Neo4j URI {where!r}: {_scrub(str(exc), password)}") from None
    store = Neo4jStore(driver, database, where, password)
    try:
        driver.verify_connectivity()
    except Exception as exc:
        error = store._translate(exc, read=False)
        driver.close()
        if isinstance(error, QueryError):
            error = StoreError(f"Neo4j at {where}: {error}")
        raise error from None
    return store


def plain(value):
    """A driver value as plain Python: nodes and relationships become dicts, paths lists,
    temporal values ISO strings."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_type": value.type, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return {
            "nodes": [plain(n) for n in value.nodes],
            "relationships": [plain(r) for r in value.relationships],
        }
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def _scrub(text: str, secret: str | None) -> str:
    """Remove the password from a message, should a server or the driver echo it."""
    if secret:
        text = text.replace(secret, "***")
    return text
