"""The Cypher the package itself runs: writing one document, reading the graph back.

Every query here runs unchanged on FalkorDB and Neo4j.  Data always travels as
parameters; the only words composed into query text are labels and relationship types,
and those come from the closed vocabularies of ``kg.model`` (``ACTOR_TYPES``,
``RELATION_TYPES``) after a membership check, never from the data itself.

A document is written by ONE query (``document_write``): FalkorDB runs a query
atomically and Neo4j runs it inside one transaction, so a document is either fully in
the graph or not at all.  The query is a chain of sections, one per non-empty row list,
joined by ``WITH count(*) AS doneN`` (an aggregate always yields one row, so an empty
section can never cut the chain short).  A SET that reads a property an earlier SET
wrote is separated from it by ``WITH``: FalkorDB evaluates consecutive SET clauses
together, so without it the second would read the old value.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.errors import KGError
from kg.model import ACTOR_TYPES, RELATION_TYPES, STATEMENT_KINDS, Extraction
from kg.store.dialect import FALKORDB, Dialect

MAX_SENTENCES = 5  # sentence texts kept per relationship (evidence ids are all kept)
_RELATION_TYPES = frozenset(RELATION_TYPES)

__all__ = [
    "DOCUMENT_EXISTS",
    "MAX_SENTENCES",
    "SNAPSHOT_QUERIES",
    "STATS_QUERIES",
    "DocumentWrite",
    "document_write",
]

DOCUMENT_EXISTS = "MATCH (d:Document {id: $id}) RETURN count(d) AS n"

_DOCUMENT = """\
MERGE (d:Document {id: $doc.id})
ON CREATE SET d.title = $doc.title, d.source = $doc.source, d.published = $doc.published,
              d.path = $doc.path, d.language = $doc.language, d.url = $doc.url"""

# Every actor of the document: unite aliases, keep the first role, and record how often
# the document mentions it (MENTIONED_IN.count).  ``mentions`` on the actor is the sum of
# its MENTIONED_IN counts, kept by adding the change of this document's count, so that a
# document written twice adds nothing.  The actor exists (the section before created it);
# MERGE rather than MATCH makes every clause here yield exactly one row per $actors row,
# which the dialect's ``actor_nodes`` collects (FalkorDB's relationship sections take the
# actors by position, see kg.store.dialect).
_ACTORS = """\
MATCH (d:Document {id: $doc.id})
UNWIND $actors AS row
MERGE (a:Actor {id: row.id})
WITH a, row, d, [x IN row.aliases WHERE NOT x IN a.aliases] AS new_aliases
MERGE (a)-[m:MENTIONED_IN]->(d)
ON CREATE SET m.count = 0
WITH a, m, row, new_aliases, row.mentions - m.count AS delta
SET a.aliases = a.aliases + new_aliases, a.role = coalesce(a.role, row.role),
    a.mentions = a.mentions + delta, m.count = row.mentions"""

# Relationships are written by the dialect's ``relations`` section (kg.store.dialect),
# one per type in RELATION_TYPES, checked before formatting.  Evidence is a set of
# "docId:sentenceIndex"; count is its size, so re-loading adds nothing.

_STATEMENTS = """\
MATCH (d:Document {id: $doc.id})
UNWIND $statements AS row
MATCH (sp:Actor {id: row.speaker})
MERGE (s:Statement {id: row.id})
ON CREATE SET s.text = row.text, s.kind = row.kind, s.published = row.published,
              s.sentenceIndex = row.sentence_index, s.sentence = row.sentence
MERGE (sp)-[:SAID]->(s)
MERGE (s)-[:IN]->(d)"""

_ABOUT = """\
UNWIND $about AS row
MATCH (s:Statement {id: row.statement})
MATCH (a:Actor {id: row.actor})
MERGE (s)-[:ABOUT]->(a)"""


@dataclass(frozen=True)
class DocumentWrite:
    """The one query that writes a document, its parameters, and how much it holds."""

    cypher: str
    params: dict
    actors: int
    relations: int
    statements: int
    actor_ids: list


def document_write(ex: Extraction, dialect: Dialect = FALKORDB) -> DocumentWrite:
    """Build the query and rows that write ``ex`` (one document) idempotently.

    Actors with the same id are merged (aliases united, mentions added); relations and
    statements whose actors are not among the document's actors are left out; repeated
    relations are grouped into one row whose evidence is the set of sentence ids.
    Raises KGError for a type outside the closed vocabularies.
    """
    doc = ex.document
    doc_id = doc.id
    where = doc.name or doc.path or doc_id[:12]
    actors: dict[str, dict] = {}
    actor_ids = [actor.id for actor in ex.actors]  # a slug each: computed once
    for actor, actor_id in zip(ex.actors, actor_ids):
        if actor.type not in ACTOR_TYPES:
            raise KGError(
                f"{where}: actor {actor.name!r} has unknown type "
                f"{actor.type!r}: choose one of {', '.join(ACTOR_TYPES)}"
            )
        row = actors.get(actor_id)
        if row is None:
            row = actors[actor_id] = {
                "id": actor_id,
                "name": actor.name,
                "type": actor.type,
                "aliases": [],
                "role": actor.role or None,
                "mentions": 0,
            }
        row["mentions"] += max(int(actor.mentions), 0)
        row["role"] = row["role"] or actor.role or None
        for alias in (actor.name, *actor.aliases):
            if alias and alias != row["name"] and alias not in row["aliases"]:
                row["aliases"].append(alias)
    by_name = _name_index(ex, actor_ids, actors)
    actors = dict(sorted(actors.items()))  # $actors in id order: relationships use positions
    position = {actor_id: i for i, actor_id in enumerate(actors)}
    slot = {name: position[actor_id] for name, actor_id in by_name.items()}

    # One row per (source, type, target): [source, target, evidence, sentences,
    # confidence], source and target as positions in $actors, evidence the distinct
    # sentence indices (as text; the query prefixes "docId:"), at most MAX_SENTENCES
    # distinct sentences, the highest confidence.
    relations: dict[str, dict[tuple[int, int], list]] = {}
    for rel in ex.relations:
        if rel.type not in _RELATION_TYPES:
            raise KGError(
                f"{where}: unknown relation type {rel.type!r}: "
                f"choose one of {', '.join(RELATION_TYPES)}"
            )
        source, target = slot.get(rel.source), slot.get(rel.target)
        if source is None or target is None:
            continue
        rows = relations.get(rel.type)
        if rows is None:
            rows = relations[rel.type] = {}
        evidence = str(rel.sentence_index)
        confidence = round(float(rel.confidence), 4)
        row = rows.get((source, target))
        if row is None:
            rows[source, target] = [source, target, [evidence],
                                    [rel.sentence] if rel.sentence else [], max(confidence, 0.0)]
            continue
        if evidence not in row[2]:
            row[2].append(evidence)
        if rel.sentence and rel.sentence not in row[3] and len(row[3]) < MAX_SENTENCES:
            row[3].append(rel.sentence)
        if confidence > row[4]:
            row[4] = confidence

    statements: dict[str, dict] = {}
    about: list[dict] = []
    for st in ex.statements:
        speaker = by_name.get(st.speaker)
        if speaker is None or st.kind not in STATEMENT_KINDS:
            continue
        sid = st.id_in(doc_id)
        if sid in statements:
            continue
        statements[sid] = {
            "id": sid,
            "speaker": speaker,
            "text": st.text,
            "kind": st.kind,
            "published": doc.published,
            "sentence_index": st.sentence_index,
            "sentence": st.sentence or None,
        }
        seen = set()
        for name in st.about:
            aid = by_name.get(name)
            if aid is not None and aid not in seen:
                seen.add(aid)
                about.append({"statement": sid, "actor": aid})

    params: dict = {
        "doc": {
            "id": doc_id,
            "title": doc.title,
            "source": doc.source,
            "published": doc.published,
            "path": doc.path or None,
            "language": doc.language,
            "url": doc.url,
        }
    }
    sections = [_DOCUMENT]
    by_label: dict[str, list] = {}
    for row in actors.values():
        by_label.setdefault(row["type"], []).append({"id": row["id"], "name": row["name"]})
    for label in ACTOR_TYPES:
        if label in by_label:
            params[f"new_{label}"] = by_label[label]
            sections.append(dialect.new_actors.format(label=label))
    if actors:
        params["actors"] = [
            {k: row[k] for k in ("id", "aliases", "role", "mentions")} for row in actors.values()
        ]
        sections.append(_ACTORS)
    rel_sections = []
    for rel_type in RELATION_TYPES:
        rows = relations.get(rel_type)
        if rows:
            params[f"rels_{rel_type}"] = list(rows.values())
            rel_sections.append(dialect.relations.format(rel=rel_type, cap=MAX_SENTENCES))
    if rel_sections and dialect.actor_nodes:
        # One section: the relationship subqueries share the actors section's nodes.
        sections[-1] = "\n".join([sections[-1], dialect.actor_nodes, *rel_sections])
    else:
        sections.extend(rel_sections)
    if statements:
        params["statements"] = list(statements.values())
        sections.append(_STATEMENTS)
    if about:
        params["about"] = about
        sections.append(_ABOUT)
    cypher = "\n".join(
        section if i == 0 else f"WITH count(*) AS done{i}\n{section}"
        for i, section in enumerate(sections)
    )
    n_relations = sum(len(rows) for rows in relations.values())
    return DocumentWrite(
        cypher, params, len(actors), n_relations, len(statements), list(actors)
    )


def _name_index(ex: Extraction, actor_ids: list[str], actors: dict[str, dict]) -> dict[str, str]:
    """Map every name and alias of the document's actors to the actor id."""
    index: dict[str, str] = {}
    for actor, actor_id in zip(ex.actors, actor_ids):
        if actor_id in actors:
            index.setdefault(actor.name, actor_id)
    for actor, actor_id in zip(ex.actors, actor_ids):
        for alias in actor.aliases:
            index.setdefault(alias, actor_id)
    return index


# -- reading ----------------------------------------------------------------------------

SNAPSHOT_QUERIES = {
    "actors": """\
MATCH (a:Actor)
OPTIONAL MATCH (a)-[m:MENTIONED_IN]->(:Document)
WITH a, count(m) AS documents
OPTIONAL MATCH (a)-[:SAID]->(s:Statement)
RETURN a.id AS id, a.name AS name, a.type AS type, a.aliases AS aliases, a.role AS role,
       a.mentions AS mentions, documents, count(s) AS statements
ORDER BY id""",
    "relations": """\
MATCH (s:Actor)-[r]->(t:Actor)
RETURN s.id AS source, t.id AS target, type(r) AS type, r.count AS count,
       r.confidence AS confidence, r.evidence AS evidence, r.sentences AS sentences
ORDER BY source, type, target""",
    "statements": """\
MATCH (sp:Actor)-[:SAID]->(s:Statement)
OPTIONAL MATCH (s)-[:IN]->(d:Document)
WITH s, sp, d
OPTIONAL MATCH (s)-[:ABOUT]->(a:Actor)
RETURN s.id AS id, s.text AS text, s.kind AS kind, s.published AS published,
       sp.id AS speaker, collect(a.id) AS about, d.id AS document
ORDER BY id""",
    "documents": """\
MATCH (d:Document)
RETURN d.id AS id, d.title AS title, d.source AS source, d.published AS published,
       d.path AS path
ORDER BY id""",
    "mentions": """\
MATCH (a:Actor)-[m:MENTIONED_IN]->(d:Document)
RETURN a.id AS actor, d.id AS document, m.count AS count
ORDER BY actor, document""",
}

STATS_QUERIES = {
    "documents": "MATCH (d:Document) RETURN count(d) AS n",
    "statements": "MATCH (s:Statement) RETURN count(s) AS n",
    "actors_by_type": "MATCH (a:Actor) RETURN a.type AS key, count(a) AS n ORDER BY key",
    "relations_by_type": (
        "MATCH (:Actor)-[r]->(:Actor) RETURN type(r) AS key, count(r) AS n ORDER BY key"
    ),
}
