"""Settings: the server (address, access key kept in the system keyring only, an extra CA bundle, and a
"Test connection" that asks the server for the account off the UI thread) and General (language,
appearance, notices: :class:`leaddesk.views.general_settings.GeneralSettings`)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from leaddesk.sync.connection import ConnectionTest, keyring_usable, save_relay_settings, stored_settings
from leaddesk.views.general_settings import GeneralSettings
from leaddesk.views.theme import colors


def _hint(text: str, *, wrap: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setStyleSheet(f"color: {colors().muted_text.name()};")
    return label


#: ``exec()``'s result when the user chose "Leave the demo" (besides Accepted and Rejected).
LEAVE_DEMO = 2
DEMO_TEXT = str(QT_TRANSLATE_NOOP("DemoSettingsDialog", "This is the demo: it never connects to a server."))


def _tabs(server: QWidget, general: GeneralSettings) -> QTabWidget:
    """The dialog's two pages: the server's settings and this computer's own choices."""
    tabs = QTabWidget()
    tabs.setObjectName("settingsTabs")
    tabs.addTab(server, QCoreApplication.translate("SettingsDialog", "Server"))
    tabs.addTab(general, QCoreApplication.translate("SettingsDialog", "General"))
    tabs.setAccessibleName(QCoreApplication.translate("SettingsDialog", "Settings pages"))
    return tabs


class DemoSettingsDialog(QDialog):
    """Settings in the demo: no server fields, only why and a way out to the real database; and the
    General choices, the same as outside the demo."""

    def __init__(self, parent: QWidget | None = None, *, preferences_store: QSettings | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)
        title = QLabel(QCoreApplication.translate("DemoSettingsDialog", DEMO_TEXT))
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setWordWrap(True)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        explain = _hint(
            self.tr(
                "Its clients and conversations are made up, and what you change in it stays in the demo's own "
                "file on this computer. To sync with your company's server, leave the demo: LeadDesk opens your "
                "real clients, where Settings asks for the server's address and access key."
            ),
            wrap=True,
        )
        self.leave_button = QPushButton(self.tr("Leave the demo"))
        self.leave_button.setObjectName("leaveDemo")
        self.leave_button.clicked.connect(lambda: self.done(LEAVE_DEMO))
        server = QWidget()
        server_column = QVBoxLayout(server)
        server_column.setSpacing(12)
        server_column.addWidget(title)
        server_column.addWidget(explain)
        server_column.addWidget(self.leave_button, 0, Qt.AlignmentFlag.AlignLeft)
        server_column.addStretch(1)
        self.general = GeneralSettings(preferences_store)
        self.tabs = _tabs(server, self.general)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def save(self) -> None:
        """Keep the General choices (the demo has no server settings to keep)."""
        self.general.save()
        self.accept()


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, preferences_store: QSettings | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(600)
        stored_url, stored_token, stored_ca = stored_settings()
        intro = _hint(
            self.tr(
                "LeadDesk keeps a copy of your WhatsApp leads on this computer and syncs it with your "
                "company's server. Your administrator gives you its address and an access key."
            ),
            wrap=True,
        )
        intro.setStyleSheet(f"color: {colors().muted_text.name()};")
        self.url_edit = QLineEdit(stored_url)
        self.url_edit.setPlaceholderText(self.tr("https://server.example.com", "an example address"))
        self.url_edit.setAccessibleName(self.tr("Server address"))
        self.token_edit = QLineEdit(stored_token)
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_edit.setPlaceholderText(self.tr("Paste the access key"))
        self.token_edit.setAccessibleName(self.tr("Access key"))
        self.ca_edit = QLineEdit(stored_ca)
        self.ca_edit.setPlaceholderText(self.tr("Optional: a .pem file"))
        self.ca_edit.setAccessibleName(self.tr("Extra certificates"))
        browse = QPushButton(self.tr("Browse…"))
        browse.setAccessibleName(self.tr("Choose a certificates file"))
        browse.clicked.connect(self._browse)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(browse)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.start_test)
        self.result_label = QLabel("")
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName(self.tr("Connection test result"))
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.result_label, 1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Server address"), self.url_edit)
        form.addRow(self.tr("Access key"), self.token_edit)
        self.keyring_hint = _hint(
            self.tr("Kept in the system keyring, never in a file.")
            if keyring_usable()
            else self.tr(
                "No system keyring found: install one (GNOME Keyring or KWallet) or set LEADDESK_RELAY_TOKEN."
            ),
            wrap=True,
        )
        form.addRow("", self.keyring_hint)
        form.addRow(self.tr("Extra certificates"), ca_row)
        form.addRow("", _hint(self.tr("Only needed where the office network inspects secure connections.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        server = QWidget()
        server_column = QVBoxLayout(server)
        server_column.setSpacing(12)
        server_column.addWidget(intro)
        server_column.addLayout(form)
        server_column.addLayout(test_row)
        server_column.addStretch(1)
        self.general = GeneralSettings(preferences_store)
        self.tabs = _tabs(server, self.general)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self._test = ConnectionTest()
        self._test.finished.connect(self._show_result)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Extra certificates"), "", self.tr("Certificates (*.pem *.crt);;All files (*)")
        )
        if path:
            self.ca_edit.setText(path)

    def start_test(self) -> None:
        self.test_button.setEnabled(False)
        self.result_label.setText(self.tr("Testing…"))
        self._test.start(*self.values())

    def wait_for_test(self, timeout: float = 30.0) -> None:
        self._test.wait(timeout)

    def _show_result(self, text: str) -> None:
        self._say(text)
        self.test_button.setEnabled(True)

    def _say(self, text: str) -> None:
        """Show the test's or the save's words under the form. A window does not grow by itself for
        wrapped text: the dialog grows by the lines the message gains, or the hints above it would be
        squeezed and cut in half."""
        label = self.result_label
        before = label.height()
        label.setText(text)
        if self.isVisible() and label.width() > 0:
            grown = label.heightForWidth(label.width()) - before
            if grown > 0:
                self.resize(self.width(), self.height() + grown)

    def values(self) -> tuple[str, str, str]:
        return self.url_edit.text().strip(), self.token_edit.text(), self.ca_edit.text().strip()

    def save(self) -> None:
        problem = save_relay_settings(*self.values())
        if problem is not None:
            self.tabs.setCurrentIndex(0)
            self._say(problem)
            return
        self.general.save()
        self.accept()
