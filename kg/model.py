"""The graph model passed between stages: Document, Actor, Relation, Statement, Extraction.

Frozen dataclasses with ids taken from content, so that loading the same text twice is a
no-op: a document's id is the sha256 of its normalised text, an actor's id a slug of its
canonical name, a statement's id a hash of (document, speaker, text).  ``Extraction.to_json``
is the per-document object of SCHEMA.md that ``kg extract --json`` prints and
``kg evaluate`` reads.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

ACTOR_TYPES = (
    "Company",
    "NGO",
    "GovernmentBody",
    "Person",
    "Bill",
    "Incident",
    "Product",
    "Policy",
    "MediaOutlet",
)
RELATION_TYPES = (
    "CRITICIZED",
    "CALLED_FOR",
    "EXEMPTED",
    "RESTRICTED",
    "ANNOUNCED",
    "SUPPORTED",
    "SUPPLIED",
    "USED",
    "INTRODUCED",
    "DEVELOPED",
    "AFFILIATED_WITH",
    "INVOLVED_IN",
)
STATEMENT_KINDS = ("quote", "reported")

__all__ = [
    "ACTOR_TYPES",
    "RELATION_TYPES",
    "STATEMENT_KINDS",
    "Actor",
    "Document",
    "Extraction",
    "GraphSnapshot",
    "Relation",
    "Statement",
    "normalise_text",
    "slugify",
]


def slugify(name: str) -> str:
    """Stable id for an actor name: ASCII-folded, lower case, words joined by '-'.

    >>> slugify("American Civil Liberties Union (ACLU)")
    'american-civil-liberties-union-aclu'
    >>> slugify("EL PAÍS")
    'el-pais'
    """
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if slug:
        return slug
    # A name with no ASCII letters at all (e.g. all CJK) still needs a stable id.
    return "x-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]


def normalise_text(text: str) -> str:
    """The form of a document's text that its id is computed from (NFC, unified newlines,
    trailing space trimmed), so that the same article saved twice gets the same id."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


@dataclass(frozen=True)
class Document:
    """One article: its text and whatever metadata the file carried."""

    text: str
    path: str = ""
    title: str | None = None
    source: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) when known
    url: str | None = None
    language: str = "en"
    name: str = ""  # file name (plus ":line" for JSONL), used as "document" in the JSON

    @property
    def id(self) -> str:
        """The sha256 (hex) of the normalised text: the same article always gets the same id."""
        return hashlib.sha256(normalise_text(self.text).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Actor:
    """A resolved actor of one document: canonical name, SCHEMA type, surface forms seen."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    mentions: int = 1

    @property
    def id(self) -> str:
        """The slug of the canonical name (see :func:`slugify`)."""
        return slugify(self.name)

    def to_json(self) -> dict:
        """The actor object of the extraction JSON (SCHEMA.md)."""
        out = {"name": self.name, "type": self.type, "aliases": list(self.aliases)}
        if self.role:
            out["role"] = self.role
        out["mentions"] = self.mentions
        return out


@dataclass(frozen=True)
class Relation:
    """A typed edge between two actors (canonical names), with the sentence it came from."""

    source: str
    type: str
    target: str
    sentence: str
    sentence_index: int
    confidence: float = 0.5

    def to_json(self) -> dict:
        """The relation object of the extraction JSON; ``evidence`` is the sentence text."""
        return {
            "source": self.source,
            "type": self.type,
            "target": self.target,
            "evidence": self.sentence,
            "sentence_index": self.sentence_index,
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True)
class Statement:
    """Words an actor said: quoted directly or reported, and the actors they are about."""

    speaker: str
    kind: str  # "quote" or "reported"
    text: str
    about: tuple[str, ...] = ()
    sentence_index: int = 0
    sentence: str = ""

    def id_in(self, document_id: str) -> str:
        """The statement's node id in the graph: a hash of (document, speaker, text)."""
        key = f"{document_id}\x1f{self.speaker}\x1f{self.text}"
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]

    def to_json(self) -> dict:
        """The statement object of the extraction JSON (SCHEMA.md)."""
        return {
            "speaker": self.speaker,
            "kind": self.kind,
            "text": self.text,
            "about": list(self.about),
            "sentence_index": self.sentence_index,
        }


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document; what the stores write in one transaction."""

    document: Document
    actors: tuple[Actor, ...] = ()
    relations: tuple[Relation, ...] = ()
    statements: tuple[Statement, ...] = ()
    sentences: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def to_json(self) -> dict:
        """The extraction JSON of SCHEMA.md (plus document metadata under "meta")."""
        doc = self.document
        return {
            "document": doc.name or doc.path,
            "meta": {
                "id": doc.id,
                "title": doc.title,
                "source": doc.source,
                "published": doc.published,
                "url": doc.url,
                "path": doc.path,
            },
            "actors": [a.to_json() for a in self.actors],
            "relations": [r.to_json() for r in self.relations],
            "statements": [s.to_json() for s in self.statements],
        }


@dataclass
class GraphSnapshot:
    """The whole graph as read back from a store in a few queries: what analytics and
    pages work from, so that they never need one query per node.

    Rows are plain dicts with these keys:

    - ``actors``: id, name, type, aliases (list), role, mentions, documents (number of
      documents it is MENTIONED_IN), statements (number it SAID)
    - ``relations``: source, target (actor ids), type, count, confidence, evidence (list of
      "docId:sentenceIndex"), sentences (list of sentence texts)
    - ``statements``: id, text, kind, published, speaker (actor id), about (list of actor
      ids), document (document id)
    - ``documents``: id, title, source, published, path
    - ``mentions``: actor (id), document (id), count
    """

    actors: list[dict] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)
    statements: list[dict] = field(default_factory=list)
    documents: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)

    def is_empty(self) -> bool:
        """True when the graph holds no actor (nothing to rank or draw)."""
        return not self.actors
