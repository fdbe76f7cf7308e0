"""Settings → General: the staff's own choices on this computer (language, light or dark, notices).

Read and saved only through :mod:`leaddesk.preferences`. The language is picked at start-up, before any
widget exists, so a new choice takes effect on the next start (the panel says so); the theme is applied
by whoever opened the dialog, after it was saved.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from leaddesk.preferences import SYSTEM, Preferences, load_preferences, save_preferences

#: Languages by their own names, the way every program lists them (never translated).
LANGUAGE_NAMES = (("es", "Español"), ("en", "English"))


class GeneralSettings(QWidget):
    """Language, appearance and notices; :meth:`save` keeps them in ``store`` (the user's settings
    when None; tests pass an ini file)."""

    def __init__(self, store: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("generalSettings")
        self._store = store
        self._saved = load_preferences(store)

        self.language = QComboBox()
        self.language.setObjectName("languageChoice")
        self.language.addItem(self.tr("Same as the system"), SYSTEM)
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setAccessibleName(self.tr("Language"))
        self.language_hint = QLabel(self.tr("A new language takes effect the next time LeadDesk starts."))
        self.language_hint.setObjectName("languageHint")
        self.language_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.language_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.theme = QComboBox()
        self.theme.setObjectName("themeChoice")
        self.theme.addItem(self.tr("Same as the system"), SYSTEM)
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.addItem(self.tr("Dark"), "dark")
        self.theme.setAccessibleName(self.tr("Appearance"))

        self.notices = QCheckBox(self.tr("Show a notice when a client writes or a new client arrives"))
        self.notices.setObjectName("noticesChoice")
        self.notices_for_bot = QCheckBox(self.tr("Also for the bot's own messages"))
        self.notices_for_bot.setObjectName("noticesForBotChoice")
        self.notices.toggled.connect(self.notices_for_bot.setEnabled)
        notices_hint = QLabel(self.tr("Only while LeadDesk is in the background."))
        notices_hint.setTextFormat(Qt.TextFormat.PlainText)
        notices_hint.setWordWrap(True)
        notices_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.language_hint)
        form.addRow(self.tr("Appearance"), self.theme)
        notices_column = QVBoxLayout()
        notices_column.addWidget(self.notices)
        notices_column.addWidget(self.notices_for_bot)
        notices_column.addWidget(notices_hint)
        form.addRow(self.tr("Notices"), notices_column)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        self.show_preferences(self._saved)

    def show_preferences(self, preferences: Preferences) -> None:
        self.language.setCurrentIndex(max(self.language.findData(preferences.language), 0))
        self.theme.setCurrentIndex(max(self.theme.findData(preferences.theme), 0))
        self.notices.setChecked(preferences.notices)
        self.notices_for_bot.setChecked(preferences.notices_for_bot_messages)
        self.notices_for_bot.setEnabled(preferences.notices)

    def preferences(self) -> Preferences:
        """The choices as the panel shows them now."""
        return Preferences(
            language=str(self.language.currentData()),
            theme=str(self.theme.currentData()),
            notices=self.notices.isChecked(),
            notices_for_bot_messages=self.notices_for_bot.isChecked(),
        )

    def language_changed(self) -> bool:
        """A language other than the one saved is chosen (it shows on the next start)."""
        return self.preferences().language != self._saved.language

    def save(self) -> Preferences:
        chosen = self.preferences()
        save_preferences(chosen, self._store)
        self._saved = chosen
        return chosen
