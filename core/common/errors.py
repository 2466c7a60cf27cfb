"""One error for bad input that a page explains: a code for the translated message, and what fills it in."""

from __future__ import annotations


class CodedError(ValueError):
    """Input core cannot use; ``code`` picks the page's message (``<prefix>.<code>``), ``info`` fills its fields."""

    def __init__(self, code: str, **info):
        super().__init__(code)
        self.code, self.info = code, info
