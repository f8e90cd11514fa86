"""Settings built from command-line options and environment variables.

The CLI fills these through click's ``envvar=``; library users build them directly.
Which store is used: ``--store`` when given; otherwise Neo4j when a Neo4j URI is set
(``--neo4j`` or ``NEO4J_URI``), else FalkorDB — an external one when ``KG_FALKORDB_URL``
is set, else the embedded server kg runs itself with its data under ``KG_HOME``
(default ``./.kg``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kg.errors import ConfigError

STORE_KINDS = ("falkordb", "neo4j")
DEFAULT_GRAPH = "kg"


@dataclass(frozen=True)
class StoreSettings:
    """Where the graph lives. The password is kept out of ``repr`` so it never reaches a log."""

    kind: str = "falkordb"
    home: Path = Path(".kg")
    graph: str = DEFAULT_GRAPH
    falkordb_url: str | None = None
    neo4j_uri: str | None = None
    neo4j_username: str = "neo4j"
    neo4j_password: str | None = None
    neo4j_database: str | None = None

    def __repr__(self) -> str:
        target = self.neo4j_uri if self.kind == "neo4j" else (self.falkordb_url or f"embedded:{self.home}")
        target = redact_url(target)
        return f"StoreSettings(kind={self.kind!r}, target={target!r}, graph={self.graph!r})"

    __str__ = __repr__


def redact_url(url: str | None) -> str:
    """The URL with the password in its user part hidden, for messages and reprs.

    >>> redact_url("bolt://neo4j:s3cret@db.example:7687")
    'bolt://neo4j:***@db.example:7687'
    >>> redact_url("redis://token@host:6379"), redact_url("bolt://localhost:7687")
    ('redis://***@host:6379', 'bolt://localhost:7687')
    """
    if not url or "://" not in url:
        return url or ""
    scheme, rest = url.split("://", 1)
    if "@" not in rest:
        return url
    # The last "@" ends the user part even when the password holds "/" or "@".
    creds, host = rest.rsplit("@", 1)
    user = f"{creds.split(':', 1)[0]}:***" if ":" in creds else "***"
    return f"{scheme}://{user}@{host}"


def store_settings(
    store: str | None = None,
    home: str | os.PathLike | None = None,
    neo4j_uri: str | None = None,
    neo4j_username: str | None = None,
    neo4j_password: str | None = None,
    neo4j_database: str | None = None,
    falkordb_url: str | None = None,
    graph: str | None = None,
    environ: dict | None = None,
) -> StoreSettings:
    """Resolve the store from explicit values first, then the environment.

    >>> store_settings(environ={}).kind
    'falkordb'
    >>> store_settings(environ={"NEO4J_URI": "bolt://localhost:7687"}).kind
    'neo4j'
    """
    env = os.environ if environ is None else environ
    neo4j_uri = neo4j_uri or env.get("NEO4J_URI") or None
    falkordb_url = falkordb_url or env.get("KG_FALKORDB_URL") or None
    if store is None:
        store = "neo4j" if neo4j_uri else "falkordb"
    if store not in STORE_KINDS:
        raise ConfigError(f"unknown store {store!r}: choose one of {', '.join(STORE_KINDS)}")
    if store == "neo4j" and not neo4j_uri:
        raise ConfigError("--store neo4j needs a URI: set NEO4J_URI or pass --neo4j URI")
    return StoreSettings(
        kind=store,
        home=Path(home or env.get("KG_HOME") or ".kg"),
        graph=graph or env.get("KG_GRAPH") or DEFAULT_GRAPH,
        falkordb_url=falkordb_url,
        neo4j_uri=neo4j_uri,
        neo4j_username=neo4j_username or env.get("NEO4J_USERNAME") or "neo4j",
        neo4j_password=neo4j_password if neo4j_password is not None else env.get("NEO4J_PASSWORD"),
        neo4j_database=neo4j_database or env.get("NEO4J_DATABASE") or None,
    )
