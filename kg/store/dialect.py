"""Where FalkorDB's Cypher and Neo4j's differ, in one place: schema set-up, creating
actors, and a FalkorDB-only warm-up.

Everything else the package runs (``kg.store.queries``) and the user-facing library in
``cypher/`` is written in the subset both servers accept, so it needs no dialect.
"""

from __future__ import annotations

__all__ = ["FALKORDB", "NEO4J", "Dialect"]

from dataclasses import dataclass

from kg.model import ACTOR_TYPES, RELATION_TYPES


@dataclass(frozen=True)
class Dialect:
    """What one server needs said its own way."""

    name: str
    # Statements that create the indexes; each is run once, "already exists" is ignored.
    indexes: tuple[str, ...]
    # (label, property) pairs that must be unique.
    unique: tuple[tuple[str, str], ...]
    # Statements that create the uniqueness constraints (empty when done via a command).
    constraints: tuple[str, ...]
    # A write query that deletes up to $batch of kg's nodes and returns how many it did.
    delete_batch: str
    # Creates the document's actors that do not exist yet, with their type label;
    # ``{label}`` is filled from ACTOR_TYPES, rows come in as $new_<label>.
    new_actors: str = ""
    # Run once before the first write (FalkorDB only, see _FALKORDB_WARMUP).
    warmup: str | None = None


_UNIQUE = (("Actor", "id"), ("Document", "id"), ("Statement", "id"))

_DELETE_BATCH = """\
MATCH (n)
WHERE n:Actor OR n:Document OR n:Statement
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS n"""

_NODE_LABELS = ("Actor", *ACTOR_TYPES, "Document", "Statement")
_EDGE_TYPES = (*RELATION_TYPES, "SAID", "ABOUT", "IN", "MENTIONED_IN")
_NODE_PROPS = ("id", "name", "type", "aliases", "role", "mentions", "title", "source",
               "published", "path", "language", "url", "text", "kind", "sentenceIndex",
               "sentence")
_EDGE_PROPS = ("count", "evidence", "sentences", "confidence")

# FalkorDB 4.x resolves labels, relationship types and property names when it compiles a
# query: in a query that creates a relationship type for the first time, a later clause
# of the same query reads that relationship's properties as null.  A document's write is
# one query, so on a fresh graph the first document would get wrong counts.  This
# statement registers every name kg writes (creating and deleting one scratch node) so
# that no write query ever meets a name for the first time.  Built from the closed
# vocabularies only.
_FALKORDB_WARMUP = (
    "CREATE (w:" + ":".join(_NODE_LABELS) + " {"
    + ", ".join(f"{p}: 0" for p in _NODE_PROPS) + "})\n"
    + "\n".join(
        f"CREATE (w)-[:{t} {{" + ", ".join(f"{p}: 0" for p in _EDGE_PROPS) + "}]->(w)"
        for t in _EDGE_TYPES
    )
    + "\nWITH w DETACH DELETE w"
)

# FalkorDB adds a label to an existing node (``SET a:Company``) a hundred times slower than
# it creates a labelled node, so new actors are CREATEd with both labels at once.  Safe
# because FalkorDB runs write queries one at a time.
_FALKORDB_NEW_ACTORS = """\
UNWIND $new_{label} AS row
OPTIONAL MATCH (e:Actor {{id: row.id}})
WITH row, e WHERE e IS NULL
CREATE (:Actor:{label} {{id: row.id, type: '{label}', name: row.name, aliases: [], mentions: 0}})"""

# Neo4j runs transactions concurrently: MERGE on the unique Actor.id takes the lock that
# keeps two loads from creating the same actor twice.
_NEO4J_NEW_ACTORS = """\
UNWIND $new_{label} AS row
MERGE (a:Actor {{id: row.id}})
ON CREATE SET a:{label}, a.type = '{label}', a.name = row.name, a.aliases = [], a.mentions = 0"""

FALKORDB = Dialect(
    name="falkordb",
    # FalkorDB: a range index per property; uniqueness is the GRAPH.CONSTRAINT command,
    # which needs the exact-match index to exist first.
    indexes=(
        "CREATE INDEX FOR (a:Actor) ON (a.id)",
        "CREATE INDEX FOR (a:Actor) ON (a.name)",
        "CREATE INDEX FOR (d:Document) ON (d.id)",
        "CREATE INDEX FOR (s:Statement) ON (s.id)",
    ),
    unique=_UNIQUE,
    constraints=(),
    delete_batch=_DELETE_BATCH,
    new_actors=_FALKORDB_NEW_ACTORS,
    warmup=_FALKORDB_WARMUP,
)

NEO4J = Dialect(
    name="neo4j",
    indexes=("CREATE INDEX kg_actor_name IF NOT EXISTS FOR (a:Actor) ON (a.name)",),
    unique=_UNIQUE,
    constraints=tuple(
        f"CREATE CONSTRAINT kg_{label.lower()}_{prop} IF NOT EXISTS "
        f"FOR (n:{label}) REQUIRE n.{prop} IS UNIQUE"
        for label, prop in _UNIQUE
    ),
    delete_batch=_DELETE_BATCH,
    new_actors=_NEO4J_NEW_ACTORS,
)
