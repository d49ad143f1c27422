"""The core's sentences in the user's language.

The core says every refusal as a ``snapp.errors.Text`` (a code and its
values); its English and Chinese wording is in ``snapp.messages``. Screens
show them in the language installed last: at start, and whenever Settings
changes it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from snapp.errors import Problem, said
from snapp.paths import resource


def language() -> str:
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def say(message: str) -> str:
    """``message`` in the user's language, when the core wrote it as a Text."""
    return said(message, language())


def say_problem(problem: Problem) -> str:
    return problem.say(language())


def install_translation(app: QCoreApplication, code: str) -> None:
    """``code`` is a language such as zh_CN, or empty for the system's; it replaces the language installed before."""
    for old in app.findChildren(QTranslator):
        app.removeTranslator(old)
        old.deleteLater()
    locale = QLocale(code) if code else QLocale.system()
    QLocale.setDefault(locale)  # the core's sentences follow it (language() above)
    for name, folder in (("snapp", str(resource("translations"))),
                         ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):  # fmt: skip
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
