"""Where FalkorDB's Cypher and Neo4j's differ, in one place: schema set-up, creating
actors, writing relationships, and a FalkorDB-only warm-up.

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
    # Writes the document's relationships of one type; ``{rel}`` is filled from
    # RELATION_TYPES and ``{cap}`` with the number of sentences kept.  Rows come in as
    # $rels_<TYPE>, each ``[source, target, evidence, sentences, confidence]``: source and
    # target are positions in $actors, evidence the sentence indices as strings.
    relations: str = ""
    # Clauses run right after the actors section (whose last variable is ``a``) that bind
    # ``nodes``, the document's actor nodes in $actors order, for a ``relations`` section
    # that takes actors by position; empty when ``relations`` looks them up itself.
    actor_nodes: str = ""
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

# The relationship write, shared by both dialects.  Evidence is a set of
# "docId:sentenceIndex" (only the index travels, the document id is $doc.id); count is its
# size, computed from the same expression as the new evidence so that it is right whether
# a SET reads the old or the new value (see kg.store.queries).
_RELATION_MERGE = """\
MERGE (s)-[r:{rel}]->(t)
ON CREATE SET r.evidence = ev, r.count = size(ev), r.sentences = row[3],
              r.confidence = row[4]
ON MATCH SET r.evidence = r.evidence + [e IN ev WHERE NOT e IN r.evidence],
             r.count = size(r.evidence + [e IN ev WHERE NOT e IN r.evidence]),
             r.sentences = (r.sentences + [x IN row[3] WHERE NOT x IN r.sentences])[0..{cap}],
             r.confidence = CASE WHEN row[4] > r.confidence THEN row[4] ELSE r.confidence END"""

# FalkorDB: the actor nodes, in $actors order (kg sorts $actors by id).  Nothing in Cypher
# promises the order in which collect() sees rows, so the order is checked: if any node is
# not where $actors says, the division by zero fails the query, which rolls the whole
# document back, instead of joining relationships to the wrong actors.  (A CASE whose
# other branch fails would not do: FalkorDB evaluates both branches.)
_FALKORDB_ACTOR_NODES = """\
WITH a ORDER BY a.id
WITH collect(a) AS nodes
WITH nodes, 1 / CASE WHEN size(nodes) = size($actors)
                      AND all(i IN range(0, size(nodes) - 1) WHERE nodes[i].id = $actors[i].id)
                     THEN 1 ELSE 0 END AS in_order"""

# FalkorDB: the actor nodes are looked up once per document (``nodes``) and each
# relationship type is written in a CALL subquery that takes them by position, instead of
# two index look-ups per relationship; a subquery keeps ``nodes`` in the outer row without
# copying it for every relationship (a ``WITH nodes, ...`` between sections would, and
# costs more than the look-ups it saves).  Measured: the relationship part of a document
# runs in about two thirds of the time of the per-row look-up form.
_FALKORDB_RELATIONS = """\
CALL {{
WITH nodes
UNWIND $rels_{rel} AS row
WITH nodes[row[0]] AS s, nodes[row[1]] AS t, row, [i IN row[2] | $doc.id + ':' + i] AS ev
""" + _RELATION_MERGE + """
}}"""

# Neo4j: the portable form, two index seeks per relationship (CALL subqueries importing
# with WITH are deprecated in recent Neo4j versions).
_NEO4J_RELATIONS = """\
UNWIND $rels_{rel} AS row
MATCH (s:Actor {{id: $actors[row[0]].id}})
MATCH (t:Actor {{id: $actors[row[1]].id}})
WITH s, t, row, [i IN row[2] | $doc.id + ':' + i] AS ev
""" + _RELATION_MERGE

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
    relations=_FALKORDB_RELATIONS,
    actor_nodes=_FALKORDB_ACTOR_NODES,
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
    relations=_NEO4J_RELATIONS,
)
