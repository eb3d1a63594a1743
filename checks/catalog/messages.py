"""A catalog refusal's words as data: a Chinese template and its values, translated where it is shown.

checks/ judges and does not import the application, so it cannot ask netcheck's gettext catalog for
the user's language. A refusal is built here instead from message templates, Chinese text with
{placeholders}, each marked with N_() so that Babel extracts it into netcheck's catalog (the pybabel
command in netcheck/i18n.py reads checks/catalog too). str() of a Message is its Chinese; the
command line shows `message.render(_)`, each template through its gettext `_`. A value that is
itself a Message (a column's name, "不能是「…」") is rendered in the same language; any other value
(a file name, a cell's text, a parser's own words) goes in as written.
"""
from __future__ import annotations

from typing import Callable

Translate = Callable[[str], str]


def N_(message: str) -> str:
    """Marks `message` for extraction; it is translated where it is shown (Message.render)."""
    return message


def _same(message: str) -> str:
    return message


class Message:
    """A template (Chinese, marked with N_) and the values of its placeholders."""

    __slots__ = ("template", "params")

    def __init__(self, template: str, **params):
        self.template, self.params = template, params

    def render(self, translate: Translate | None = None) -> str:
        if not self.template:  # gettext("") is the catalog's header
            return ""
        t = translate or _same
        return t(self.template).format(**{k: render(v, t) for k, v in self.params.items()})

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Message({self.template!r}, **{self.params!r})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Message) and (self.template, self.params) == (other.template, other.params)

    __hash__ = None


def msg(template: str, **params) -> Message:
    return Message(template, **params)


def render(value, translate: Translate | None = None) -> str:
    """A Message in the language `translate` gives (Chinese without one); anything else as str()."""
    return value.render(translate) if isinstance(value, Message) else str(value)


__all__ = ["Message", "N_", "Translate", "msg", "render"]
