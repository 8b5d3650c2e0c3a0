"""The one exception hierarchy of kg.

Every error a user can cause derives from :class:`KgError`; the CLI turns it into a one-line message
on stderr and the exit code of its class (see the README's table of exit codes).
"""

from __future__ import annotations


class KgError(Exception):
    """Base of every error kg raises on bad input or a failed operation."""

    exit_code = 1


class ArticleError(KgError):
    """An article or its sidecar metadata cannot be read (missing, empty, not UTF-8, bad JSON)."""

    exit_code = 3


class QueryError(KgError):
    """A SPARQL query is unknown, unreadable, not valid SPARQL, refused or failed in the engine."""

    exit_code = 4


class StoreError(KgError):
    """The persistent store cannot be opened, read or written."""

    exit_code = 5


class ValidationError(KgError):
    """The graph does not conform to the SHACL shapes."""

    exit_code = 6


class QueryTimeout(QueryError):
    """A query kept kg waiting past its timeout and was stopped."""

    exit_code = 8


class ClusterError(KgError):
    """A Dask scheduler is unreachable, or its workers cannot run kg's extraction."""

    exit_code = 7


class NotInStoreError(KgError):
    """An article id given to a command is not in the store."""

    exit_code = 1


#: The exit code of a command stopped by Ctrl-C (128 + SIGINT), as shells report it.
EXIT_INTERRUPTED = 130
