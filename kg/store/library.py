"""The user-facing query library: read ``.cypher`` files and the header comments that
document them (what the query answers, its parameters and their defaults).

A query file starts with ``//`` comment lines::

    // Who criticised an actor, and how often.
    // @param name  Amazon   the actor's name or alias
    // Example: kg query cypher/who_criticized.cypher --param name=Amazon

The first comment line is the description; ``@param NAME DEFAULT DESCRIPTION`` lines
declare parameters (``read_query`` fills in the defaults the caller did not give).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KGError

__all__ = ["QueryFile", "list_queries", "parse_query", "read_query"]

_PARAM = re.compile(r"""^@param\s+(\w+)\s+("[^"]*"|'[^']*'|\S+)(?:\s+(.*))?$""")


@dataclass(frozen=True)
class QueryFile:
    """One documented query: its name, description, parameters (name -> (default, help))."""

    name: str
    path: Path
    description: str
    params: dict
    cypher: str


def parse_query(path: str | os.PathLike) -> QueryFile:
    """Read a ``.cypher`` file and its header comment. Raises KGError if unreadable."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KGError(f"{path}: cannot read query file: {exc}") from None
    description = ""
    params: dict = {}
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("//"):
            break
        comment = stripped[2:].strip()
        match = _PARAM.match(comment)
        if match:
            params[match.group(1)] = (_default(match.group(2)), (match.group(3) or "").strip())
        elif not description and comment:
            description = comment
    return QueryFile(path.stem, path, description, params, text)


def list_queries(folder: str | os.PathLike = "cypher") -> list[tuple[str, str, dict]]:
    """``(name, description, {param: default})`` for every ``.cypher`` file in ``folder``,
    sorted by name. Raises KGError if the folder does not exist."""
    folder = Path(folder)
    if not folder.is_dir():
        raise KGError(f"{folder}: no such folder of .cypher queries")
    out = []
    for path in sorted(folder.glob("*.cypher")):
        q = parse_query(path)
        out.append((q.name, q.description, {k: d for k, (d, _help) in q.params.items()}))
    return out


def read_query(path: str | os.PathLike, params: dict | None = None) -> tuple[str, dict]:
    """The query text of a file and its parameters: the header's defaults overridden by
    ``params``."""
    q = parse_query(path)
    merged = {k: d for k, (d, _help) in q.params.items()}
    merged.update(params or {})
    return q.cypher, merged


def _default(text: str):
    """A default written in a header: an int, a float, null, true/false, else a string."""
    if text.lower() in ("null", "none"):
        return None
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text
