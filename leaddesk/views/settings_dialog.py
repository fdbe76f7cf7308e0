"""Settings for the relay: URL, token (stored in the system keyring only), an extra CA bundle, and a
"Test connection" that asks the relay for the account off the UI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from leaddesk.sync.connection import ConnectionTest, keyring_usable, save_relay_settings, stored_settings
from leaddesk.views.theme import colors


def _hint(text: str, *, wrap: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setStyleSheet(f"color: {colors().muted_text.name()};")
    return label


#: ``exec()``'s result when the user chose "Leave the demo" (besides Accepted and Rejected).
LEAVE_DEMO = 2
DEMO_TEXT = "This is the demo: it never connects to a relay."


class DemoSettingsDialog(QDialog):
    """Settings in the demo: no relay fields, only why, and a way out to the real database."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Relay settings")
        self.setMinimumWidth(520)
        title = QLabel(DEMO_TEXT)
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setWordWrap(True)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        explain = _hint(
            "Its clients and conversations are made up, and what you change in it stays in the demo database "
            "on this computer. To sync with your company's relay, leave the demo: LeadDesk opens your real "
            "database, where Settings asks for the relay's address and token.",
            wrap=True,
        )
        self.leave_button = QPushButton("Leave the demo")
        self.leave_button.setObjectName("leaveDemo")
        self.leave_button.clicked.connect(lambda: self.done(LEAVE_DEMO))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.leave_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addStretch(1)
        layout.addWidget(buttons)


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Relay settings")
        self.setMinimumWidth(560)
        stored_url, stored_token, stored_ca = stored_settings()
        intro = _hint(
            "LeadDesk keeps a copy of your WhatsApp leads on this computer and syncs it with your "
            "company's relay. Your administrator gives you its address and an access token.",
            wrap=True,
        )
        intro.setStyleSheet(f"color: {colors().muted_text.name()};")
        self.url_edit = QLineEdit(stored_url)
        self.url_edit.setPlaceholderText("https://relay.example.com")
        self.token_edit = QLineEdit(stored_token)
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_edit.setPlaceholderText("Paste the access token")
        self.ca_edit = QLineEdit(stored_ca)
        self.ca_edit.setPlaceholderText("Optional: a .pem file")
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(browse)
        self.test_button = QPushButton("Test connection")
        self.test_button.clicked.connect(self.start_test)
        self.result_label = QLabel("")
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setWordWrap(True)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.result_label, 1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("Relay address", self.url_edit)
        form.addRow("Access token", self.token_edit)
        self.keyring_hint = _hint(
            "Kept in the system keyring, never in a file."
            if keyring_usable()
            else "No system keyring found: install one (GNOME Keyring or KWallet) or set LEADDESK_RELAY_TOKEN.",
            wrap=True,
        )
        form.addRow("", self.keyring_hint)
        form.addRow("Extra certificates", ca_row)
        form.addRow("", _hint("Only needed where the office network inspects secure connections."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._test = ConnectionTest()
        self._test.finished.connect(self._show_result)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Extra CA bundle", "", "Certificates (*.pem *.crt);;All files (*)")
        if path:
            self.ca_edit.setText(path)

    def start_test(self) -> None:
        self.test_button.setEnabled(False)
        self.result_label.setText("Testing…")
        self._test.start(*self.values())

    def wait_for_test(self, timeout: float = 30.0) -> None:
        self._test.wait(timeout)

    def _show_result(self, text: str) -> None:
        self.result_label.setText(text)
        self.test_button.setEnabled(True)

    def values(self) -> tuple[str, str, str]:
        return self.url_edit.text().strip(), self.token_edit.text(), self.ca_edit.text().strip()

    def save(self) -> None:
        problem = save_relay_settings(*self.values())
        if problem is not None:
            self.result_label.setText(problem)
            return
        self.accept()
