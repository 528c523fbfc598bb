"""The errors a caller must act on; each message is one line that says what to do."""


class ReferatError(Exception):
    """Base for every error this package raises on purpose."""


class InputError(ReferatError):
    """The file cannot be read as a document (missing, empty, wrong type, undecodable)."""


class PdfError(InputError):
    """The PDF cannot be turned into text (damaged, encrypted, no text layer)."""


class InternalError(ReferatError):
    """An unexpected exception in one step of one document: that document's one line; the run goes on."""


class TextMissingError(InputError):
    """A referat stored before texts were kept, whose file is gone or changed: it cannot be parsed again."""
