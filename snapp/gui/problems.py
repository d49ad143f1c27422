"""The core's sentences in the user's language.

The core says every refusal as a ``snapp.errors.Text`` (a code and its
values); its English and Chinese wording is in ``snapp.messages``. Screens
show them in the language the desktop was started in.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

from snapp.errors import Problem, said


def language() -> str:
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def say(message: str) -> str:
    """``message`` in the user's language, when the core wrote it as a Text."""
    return said(message, language())


def say_problem(problem: Problem) -> str:
    return problem.say(language())
