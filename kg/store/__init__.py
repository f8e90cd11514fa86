"""Where the graph is kept: ``open_store(settings)`` returns a Store for Neo4j or FalkorDB.

>>> from kg.config import StoreSettings
>>> with open_store(StoreSettings(home=tmp_home)) as store:   # doctest: +SKIP
...     store.load(extractions)

The embedded FalkorDB server is started on first use and keeps running between kg
commands until ``kg stop`` (``kg.store.embedded.stop_server``).
"""

from __future__ import annotations

from kg.config import StoreSettings
from kg.errors import ConfigError
from kg.store.base import LoadSummary, QueryResult, Store
from kg.store.library import list_queries, read_query

__all__ = ["LoadSummary", "QueryResult", "Store", "list_queries", "open_store", "read_query"]


def open_store(settings: StoreSettings) -> Store:
    """Connect to the store the settings name (starting the embedded server if needed).

    Raises StoreError (one line, never the password) if it cannot be reached.
    """
    if settings.kind == "neo4j":
        from kg.store.neo4j import connect as connect_neo4j

        return connect_neo4j(
            uri=settings.neo4j_uri,
            username=settings.neo4j_username,
            password=settings.neo4j_password,
            database=settings.neo4j_database,
        )
    if settings.kind == "falkordb":
        from kg.store.falkordb import connect as connect_falkordb

        if settings.falkordb_url:
            return connect_falkordb(url=settings.falkordb_url, graph=settings.graph)
        from kg.store.embedded import ensure_server

        return connect_falkordb(server=ensure_server(settings.home), graph=settings.graph)
    raise ConfigError(f"unknown store {settings.kind!r}: choose one of falkordb, neo4j")
