"""The exceptions kg raises; the CLI turns each into one line and a non-zero exit."""


class KGError(Exception):
    """Base class: anything kg reports to the user as a one-line error."""


class DocumentError(KGError):
    """A file that cannot be read as an article (empty, binary, not UTF-8, too big, bad JSONL)."""

    def __init__(self, path, problem):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class StoreError(KGError):
    """The graph store cannot be reached, refused the credentials, or failed a write."""


class QueryError(KGError):
    """A Cypher query was rejected: syntax error, unknown parameter, or a write without --write."""


class ConfigError(KGError):
    """An option or environment variable has a value kg cannot use."""
