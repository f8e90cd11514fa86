"""The gazetteer: known actors (name, type, aliases) from kg's shipped YAML plus a user's.

A gazetteer file is a YAML list of entries::

    - name: American Civil Liberties Union   # canonical display name (required)
      type: NGO                              # a SCHEMA.md actor type (required)
      aliases: [ACLU, the ACLU]              # other surface forms (optional)
      developer: Amazon                      # Product only: who builds it (optional)
      role: senator                          # Person only (optional)

Aliases match case-insensitively, except a one-word form starting with a capital
letter or written in capitals ("Ring", "ICE"), which must match exactly.  A user entry
whose name or alias equals a shipped entry's name or alias replaces that entry.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KGError
from kg.model import ACTOR_TYPES

__all__ = ["Entry", "Gazetteer", "fold", "load_gazetteer"]

SHIPPED = Path(__file__).resolve().parent.parent / "data" / "gazetteer.yaml"
_CORP = re.compile(r"\b(inc|corp|corporation|ltd|llc|plc|co|company)\b\.?$")


def fold(text: str) -> str:
    """The comparison form of a name: ASCII, lower case, no punctuation, no leading
    "the", no possessive, no trailing Inc./Corp./Ltd.

    >>> fold("The Amazon Web Services Inc.")
    'amazon web services'
    >>> fold("Amazon’s")
    'amazon'
    """
    text = re.sub(r"['’]s?(?=\s|$)", " ", text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9&+]+", " ", text).strip()
    text = re.sub(r"^(the|a|an) ", "", text)
    previous = None
    while previous != text:
        previous = text
        text = _CORP.sub("", text).strip()
    return text


@dataclass(frozen=True)
class Entry:
    """One known actor."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    developer: str | None = None
    role: str | None = None

    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Gazetteer:
    """Known actors, looked up by the folded form of any of their names."""

    entries: tuple[Entry, ...]

    @functools.cached_property
    def by_form(self) -> dict[str, Entry]:
        index: dict[str, Entry] = {}
        for entry in self.entries:
            for form in entry.forms():
                index.setdefault(fold(form), entry)
        return index

    @functools.cached_property
    def by_name(self) -> dict[str, Entry]:
        return {entry.name: entry for entry in self.entries}

    def lookup(self, text: str) -> Entry | None:
        return self.by_form.get(fold(text))

    def __hash__(self):
        return id(self)

    def __eq__(self, other):
        return self is other


def _entries_from(data, source: str) -> list[Entry]:
    if not isinstance(data, list):
        raise KGError(f"{source}: a gazetteer must be a YAML list of {{name, type, aliases}}")
    entries = []
    for number, item in enumerate(data, 1):
        if not isinstance(item, dict) or not item.get("name") or not item.get("type"):
            raise KGError(f"{source}: entry {number} needs a name and a type")
        if item["type"] not in ACTOR_TYPES:
            raise KGError(
                f"{source}: entry {item['name']!r} has type {item['type']!r}; "
                f"choose one of {', '.join(ACTOR_TYPES)}"
            )
        aliases = item.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        entries.append(
            Entry(
                name=str(item["name"]),
                type=item["type"],
                aliases=tuple(str(a) for a in aliases),
                developer=item.get("developer"),
                role=item.get("role"),
            )
        )
    return entries


@functools.cache
def _shipped() -> tuple[Entry, ...]:
    import yaml

    text = SHIPPED.read_text(encoding="utf-8")
    return tuple(_entries_from(yaml.safe_load(text), "kg/data/gazetteer.yaml"))


@functools.cache
def _load(path: str | None) -> Gazetteer:
    entries = list(_shipped())
    if path is not None:
        import yaml

        file = Path(path)
        try:
            data = yaml.safe_load(file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise KGError(f"{path}: no such gazetteer file") from None
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
            problem = str(error).splitlines()[0] if str(error) else type(error).__name__
            raise KGError(f"{path}: not a readable YAML gazetteer ({problem})") from None
        user = _entries_from(data or [], str(path))
        replaced = {fold(form) for entry in user for form in entry.forms()}
        entries = [e for e in entries if not any(fold(f) in replaced for f in e.forms())]
        entries = user + entries
    return Gazetteer(tuple(entries))


def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """The shipped gazetteer, extended (and overridden) by the user's YAML file if given.

    Raises KGError naming the file when it is missing or malformed.
    """
    return _load(None if path is None else str(path))
