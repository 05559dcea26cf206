"""One exception hierarchy for everything a user can get wrong or a file can break.

Each class carries the exit code the CLI uses and a message that says what to do next.
Only the CLI turns these into exit codes; only the web layer turns them into HTTP statuses.
"""

from __future__ import annotations


class BroadsheetError(Exception):
    """Base of every expected failure. ``str(err)`` is a one-line message for the user."""

    exit_code = 1


class InputFileError(BroadsheetError):
    """The input file cannot be used: missing, not a PDF, broken, encrypted, too large."""

    exit_code = 2


class NotAPdfError(InputFileError):
    """The file does not start like a PDF."""


class BrokenPdfError(InputFileError):
    """PDFium could not parse the file."""


class EncryptedPdfError(InputFileError):
    """The PDF needs a password."""


class TooLargeError(InputFileError):
    """The file or one of its pages is beyond the configured limits."""


class PageError(BroadsheetError):
    """One page could not be processed; the other pages still are."""

    exit_code = 3


class JobLimitError(PageError):
    """A page's work (rendering, reading, OCR) went past a limit of its worker process — memory, CPU time,
    wall time — or killed the process. The page fails alone, with a message naming the limit and the
    setting that raises it; the worker is replaced and the other pages go on."""


class UsageError(BroadsheetError):
    """The command line asked for something impossible (bad page range, missing folder)."""

    exit_code = 64


class OcrModelMissingError(UsageError):
    """OCR was asked for in a language whose Tesseract model is not installed here. Refused before any
    page is read, with the Debian package to install: otherwise every scanned or legacy-font page would
    fail alike, each after the slow work of rendering it."""


class IngestError(BroadsheetError):
    """An edition could not be ingested; the edition that was published before (if any) is still shown."""

    exit_code = 4


class PartialEditionError(IngestError):
    """Some pages of an edition failed: it is not published (over a good edition or as a first one) unless
    the operator says so, since readers would find pages missing. ``failures`` maps each failed page to
    why; ``remedy`` is how the caller's user publishes it anyway (a flag, a form's box)."""

    def __init__(self, edition: str, failures: dict[int, str], remedy: str = "pass --allow-partial") -> None:
        self.failures = failures
        pages = ", ".join(map(str, sorted(failures)))
        first = min(failures)
        super().__init__(
            f"{edition}: page{'s' if len(failures) > 1 else ''} {pages} failed (page {first}: {failures[first]}); "
            f"nothing was published and the published edition is unchanged: {remedy} to publish it anyway"
        )


class EditionBusyError(BroadsheetError):
    """Another process is ingesting the same edition now; two at once would purge each other's builds.
    Exit code 75 (``EX_TEMPFAIL``): run it again later."""

    exit_code = 75


class StorageError(IngestError):
    """A folder the ingest writes to is full or read-only: one line naming it (never a traceback). What
    the ingest had written is removed; the published edition is unchanged. Exit code 74 (``EX_IOERR``)."""

    exit_code = 74


class SearchIndexError(BroadsheetError):
    """The search index could not be written (another process held it too long, or it is damaged)."""

    exit_code = 5


class OcrError(PageError):
    """A scanned page could not be read by OCR (Tesseract missing, failed or too slow)."""


class TaskLostError(BroadsheetError):
    """A background task's worker no longer holds its lease (it was presumed dead and another worker took
    the task over): it stops without finishing, and the other worker's run is the one that counts."""

    exit_code = 6
