"""Build a new FalkorDB graph in one go with ``GRAPH.BULK``: the fast path of a first load.

Writing documents one query at a time (``kg.store.queries``) costs a ``MERGE`` per actor
and per relationship.  When the graph does not exist yet (or holds nothing), there is
nothing to merge with, so kg can merge the documents in Python instead and hand the
finished nodes and relationships to FalkorDB's bulk-insert command, which creates them
without running Cypher.  The graph that comes out is the one the per-document path
builds from the same documents in the same order (tests compare full snapshots).

How it stays safe:

- The graph is built under a staging key of its own (``<graph>.kg-bulk-<pid>-<random>``),
  checked (node and edge counts, and that the server numbered the nodes the way the edges
  refer to them), and only then renamed onto the graph's key in one atomic ``RENAMENX``,
  if the graph is still empty.  A load that is interrupted leaves at most a staging key,
  which expires by itself (``STAGING_TTL`` in ``kg.store.falkordb``); the graph itself
  never holds half of a bulk load.
- ``GRAPH.BULK`` reads NUL-terminated strings, so a document holding a NUL character is
  not bulk-loaded: it and every later document go through the per-document path.
- The merged graph lives in memory, so at most ``BULK_MAX_ROWS`` rows (actors,
  relationships, statements) are gathered; the documents after that go through the
  per-document path too.  Both paths write whole documents, so the result is the same.

The merging rules mirror the Cypher of ``kg.store.queries`` and ``kg.store.dialect``
exactly: an actor keeps the name and type of the first document that names it, unites
aliases in order, keeps its first role and sums its mentions; a relationship unites its
evidence (``docId:sentenceIndex``), keeps the first ``MAX_SENTENCES`` distinct sentences
and the highest confidence; a statement and a document are written once.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass, field

from kg.store.queries import MAX_SENTENCES, DocumentWrite

__all__ = ["BULK_MAX_ROWS", "BulkGraph", "bulk_calls"]

BULK_MAX_ROWS = 2_000_000  # actors + relationships + statements gathered in memory at most
TOKEN_BYTES = 16 * 1024 * 1024  # one binary token of a GRAPH.BULK call (Redis allows 512 MB)
COMMAND_BYTES = 128 * 1024 * 1024  # one GRAPH.BULK call

_DOCUMENT_PROPS = ("id", "title", "source", "published", "path", "language", "url")
_STATEMENT_PROPS = ("id", "text", "kind", "published", "sentenceIndex", "sentence")
_ACTOR_PROPS = ("id", "type", "name", "aliases", "role", "mentions")
_RELATION_PROPS = ("evidence", "count", "sentences", "confidence")


class NotBulkable(Exception):
    """A document holds a value ``GRAPH.BULK`` cannot carry (a NUL character)."""


@dataclass
class BulkGraph:
    """Documents merged in memory, ready to be encoded for ``GRAPH.BULK``."""

    documents: dict = field(default_factory=dict)  # doc id -> properties
    actors: dict = field(default_factory=dict)  # actor id -> [name, type, aliases, role, mentions]
    mentions: list = field(default_factory=list)  # (actor id, doc id, count)
    relations: dict = field(default_factory=dict)  # type -> {(source, target): [evidence, sentences, confidence]}
    statements: dict = field(default_factory=dict)  # statement id -> properties
    statement_document: dict = field(default_factory=dict)  # statement id -> doc id
    said: list = field(default_factory=list)  # (speaker id, statement id)
    about: list = field(default_factory=list)  # (statement id, actor id)
    rows: int = 0

    def add(self, write: DocumentWrite) -> bool:
        """Merge one document's write (``queries.document_write``) into the graph.

        Returns False, changing nothing, if the document is already in it.  Raises
        NotBulkable, before changing anything, if a value holds a NUL character.
        """
        params = write.params
        doc = params["doc"]
        doc_id = doc["id"]
        if doc_id in self.documents:
            return False
        if _has_nul(params):
            raise NotBulkable()
        self.documents[doc_id] = {key: doc[key] for key in _DOCUMENT_PROPS}
        new_names = {}
        for key, rows in params.items():
            if key.startswith("new_"):
                label = key[4:]
                for row in rows:
                    new_names[row["id"]] = (row["name"], label)
        for row in params.get("actors", ()):
            actor_id = row["id"]
            actor = self.actors.get(actor_id)
            if actor is None:
                name, label = new_names[actor_id]
                actor = self.actors[actor_id] = [name, label, [], None, 0]
                self.rows += 1
            aliases = actor[2]
            for alias in row["aliases"]:
                if alias not in aliases:
                    aliases.append(alias)
            if actor[3] is None:
                actor[3] = row["role"]
            actor[4] += row["mentions"]
            self.mentions.append((actor_id, doc_id, row["mentions"]))
        actor_ids = write.actor_ids
        prefix = doc_id + ":"
        for key, rows in params.items():
            if not key.startswith("rels_"):
                continue
            by_pair = self.relations.setdefault(key[5:], {})
            for source, target, indices, sentences, confidence in rows:
                pair = (actor_ids[source], actor_ids[target])
                evidence = [prefix + i for i in indices]
                rel = by_pair.get(pair)
                if rel is None:
                    by_pair[pair] = [evidence, list(sentences), confidence]
                    self.rows += 1
                    continue
                rel[0].extend(e for e in evidence if e not in rel[0])
                rel[1] = (rel[1] + [s for s in sentences if s not in rel[1]])[:MAX_SENTENCES]
                if confidence > rel[2]:
                    rel[2] = confidence
        for row in params.get("statements", ()):
            sid = row["id"]
            if sid in self.statements:
                continue
            self.statements[sid] = {
                "id": sid, "text": row["text"], "kind": row["kind"], "published": row["published"],
                "sentenceIndex": row["sentence_index"], "sentence": row["sentence"],
            }
            self.statement_document[sid] = doc_id
            self.said.append((row["speaker"], sid))
            self.rows += 1
        seen = set()
        for row in params.get("about", ()):
            pair = (row["statement"], row["actor"])
            if pair not in seen:
                seen.add(pair)
                self.about.append(pair)
        return True


def bulk_calls(graph: BulkGraph) -> tuple[dict, Iterator[list[bytes]]]:
    """Plan and encode ``graph`` as successive ``GRAPH.BULK`` calls.

    Returns what the server must end up with (``nodes``, ``edges`` and ``probes``: a
    (node number, kg id) pair for the first and last node of each label, which show
    whether the server numbered the nodes the way the edges refer to them) and an
    iterator of argument lists ``[node_count, edge_count, node_tokens, edge_tokens,
    *tokens]`` (the caller adds the key and, for the first call, ``BEGIN``).  The calls
    are encoded lazily, so a caller can send one while the next is being encoded: the
    nodes first (an edge's ends must exist when the server reads it), then one call per
    token of relationships.
    """
    # The server numbers nodes 0, 1, 2, ... in the order it reads them, and edges name
    # their ends by those numbers.
    groups = [("Document", "Document", _DOCUMENT_PROPS,
               [(doc_id, [doc[key] for key in _DOCUMENT_PROPS]) for doc_id, doc in graph.documents.items()])]
    by_type: dict[str, list] = {}
    for actor_id, (name, label, aliases, role, mentions) in graph.actors.items():
        by_type.setdefault(label, []).append((actor_id, [actor_id, label, name, aliases, role, mentions]))
    groups += [("Actor", f"Actor:{label}", _ACTOR_PROPS, rows) for label, rows in by_type.items()]
    groups.append(("Statement", "Statement", _STATEMENT_PROPS,
                   [(sid, [st[key] for key in _STATEMENT_PROPS]) for sid, st in graph.statements.items()]))
    numbers: dict[str, dict[str, int]] = {"Document": {}, "Actor": {}, "Statement": {}}
    probes: list[tuple[int, str]] = []
    total = 0
    for kind, _labels, _props, rows in groups:
        number = numbers[kind]
        for kg_id, _values in rows:
            number[kg_id] = total
            total += 1
        if rows:
            probes += [(number[rows[0][0]], rows[0][0]), (number[rows[-1][0]], rows[-1][0])]
    edges = (sum(map(len, graph.relations.values())) + len(graph.mentions) + len(graph.said)
             + len(graph.statement_document) + len(graph.about))
    expected = {"nodes": total, "edges": edges, "probes": probes}
    return expected, _encode_calls(graph, groups, numbers)


def _encode_calls(graph: BulkGraph, groups: list, numbers: dict) -> Iterator[list[bytes]]:
    node_tokens = [token for _kind, labels, props, rows in groups
                   for token in _tokens(_header(labels, props), (_entity(values) for _, values in rows))]
    call: list = []
    size = 0
    for token in node_tokens:
        if call and size + len(token[1]) > COMMAND_BYTES:
            yield _call(call, [])
            call, size = [], 0
        call.append(token)
        size += len(token[1])
    if call:
        yield _call(call, [])
    del node_tokens, call

    actor, document, statement = numbers["Actor"], numbers["Document"], numbers["Statement"]
    edge_groups = [
        (rel_type, _RELATION_PROPS, (
            # _edge(source, target, [evidence, count, sentences, confidence]), spelled out:
            # half a million of these are the bulk of the encoding time.
            b"".join((_PACK_EDGE(actor[s], actor[t]), _string_array(evidence),
                      _LONG, _PACK_LONG(len(evidence)), _string_array(sentences),
                      _DOUBLE, _PACK_DOUBLE(confidence)))
            for (s, t), (evidence, sentences, confidence) in by_pair.items()))
        for rel_type, by_pair in graph.relations.items()
    ]
    edge_groups += [
        ("MENTIONED_IN", ("count",), (_edge(actor[a], document[d], [count]) for a, d, count in graph.mentions)),
        ("SAID", (), (_edge(actor[a], statement[s], []) for a, s in graph.said)),
        ("IN", (), (_edge(statement[s], document[d], []) for s, d in graph.statement_document.items())),
        ("ABOUT", (), (_edge(statement[s], actor[a], []) for s, a in graph.about)),
    ]
    for rel_type, props, rows in edge_groups:
        for token in _tokens(_header(rel_type, props), rows):
            yield _call([], [token])


def _call(nodes: list[tuple[int, bytes]], edges: list[tuple[int, bytes]]) -> list[bytes]:
    return [
        str(sum(count for count, _ in nodes)).encode(), str(sum(count for count, _ in edges)).encode(),
        str(len(nodes)).encode(), str(len(edges)).encode(),
        *(token for _, token in nodes), *(token for _, token in edges),
    ]


# -- the binary format of GRAPH.BULK (FalkorDB src/bulk_insert/bulk_insert.c) -------------
# A token is a header (label or type name, NUL-terminated; a uint32 property count; the
# property names, NUL-terminated) followed by entities.  A node is its property values; an
# edge is its source and destination node numbers (uint64) then its property values.  A
# value is one type byte then: nothing (null, which is not stored), 1 byte (bool), 8 bytes
# (double, int64), a NUL-terminated string, or an int64 length and that many values.

_NULL, _BOOL, _DOUBLE, _STRING, _LONG, _ARRAY = (bytes([t]) for t in range(6))
_PACK_DOUBLE = struct.Struct("<d").pack
_PACK_LONG = struct.Struct("<q").pack
_PACK_EDGE = struct.Struct("<QQ").pack


def _header(name: str, props: tuple[str, ...]) -> bytes:
    return b"".join([name.encode() + b"\0", struct.pack("<I", len(props)),
                     *(p.encode() + b"\0" for p in props)])


def _string_array(values: list[str]) -> bytes:
    """An array of strings, encoded with one ``str.encode`` call."""
    if not values:
        return _ARRAY + _PACK_LONG(0)
    return _ARRAY + _PACK_LONG(len(values)) + ("\x03" + "\x00\x03".join(values) + "\x00").encode()


def _value(value, out: list) -> None:
    if value is None:
        out.append(_NULL)
    elif value is True or value is False:
        out.append(_BOOL + (b"\1" if value else b"\0"))
    elif isinstance(value, str):
        out.append(_STRING + value.encode() + b"\0")
    elif isinstance(value, int):
        out.append(_LONG + _PACK_LONG(value))
    elif isinstance(value, float):
        out.append(_DOUBLE + _PACK_DOUBLE(value))
    elif isinstance(value, (list, tuple)):
        if all(isinstance(item, str) for item in value):
            out.append(_string_array(value))
            return
        out.append(_ARRAY + _PACK_LONG(len(value)))
        for item in value:
            _value(item, out)
    else:
        raise TypeError(f"GRAPH.BULK cannot carry a {type(value).__name__}")


def _entity(values) -> bytes:
    out: list = []
    for value in values:
        _value(value, out)
    return b"".join(out)


def _edge(source: int, target: int, values) -> bytes:
    return _PACK_EDGE(source, target) + _entity(values)


def _tokens(header: bytes, entities):
    """Pack encoded entities into tokens of about TOKEN_BYTES, each with the header."""
    parts, count, size = [header], 0, len(header)
    for entity in entities:
        parts.append(entity)
        count += 1
        size += len(entity)
        if size >= TOKEN_BYTES:
            yield count, b"".join(parts)
            parts, count, size = [header], 0, len(header)
    if count:
        yield count, b"".join(parts)


def _has_nul(params: dict) -> bool:
    """True if a string of a document's write holds a NUL character.  Every string kg
    writes is one of these: document fields, actor names, aliases and roles, relation
    sentences, statement texts and sentences (ids and evidence are built from them)."""
    texts = [v for v in params["doc"].values() if isinstance(v, str)]
    for key, rows in params.items():
        if key.startswith("new_"):
            texts.extend(row["name"] for row in rows)
        elif key.startswith("rels_"):
            for row in rows:
                texts.extend(row[3])
    for row in params.get("actors", ()):
        texts.extend(row["aliases"])
        texts.append(row["role"] or "")
    for row in params.get("statements", ()):
        texts.extend((row["id"], row["speaker"], row["text"], row["kind"], row["sentence"] or ""))
    return "\0" in "".join(texts)
