"""Settings for the relay: URL, token (stored in the system keyring only), an extra CA bundle, and a
"Test connection" that asks the relay for the account off the UI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal
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

from leaddesk.sync import settings as relay_settings
from leaddesk.sync.client import ConfigurationError, PassingFault, RelayClient, RelayError, Unauthorized


def describe_account(body: dict[str, object]) -> str:
    account = body.get("account")
    agent = body.get("agent")
    account_name = account.get("name") if isinstance(account, dict) else None
    agent_name = agent.get("name") if isinstance(agent, dict) else None
    role = agent.get("role") if isinstance(agent, dict) else None
    return f"{account_name} — {agent_name} ({role})"


def check_connection(url: str, token: str, ca_bundle: str) -> str:
    """One GET /v1/account; a plain-words answer (never the token)."""
    try:
        with RelayClient(url, token, ca_bundle=ca_bundle or None, read_timeout=10) as client:
            return describe_account(client.account())
    except ConfigurationError as problem:
        return f"Cannot use these settings: {problem}"
    except Unauthorized:
        return "The relay refused this token."
    except PassingFault:
        return "The relay could not be reached. Check the address and your connection."
    except RelayError as problem:
        return f"The relay answered with an error ({problem.status})."


def _hint(text: str, *, wrap: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setStyleSheet("color: #6B7785;")
    return label


class _Bridge(QObject):
    done = Signal(str)


#: ``exec()``'s result when the user chose "Leave the demo" (besides Accepted and Rejected).
LEAVE_DEMO = 2
DEMO_TEXT = "This is the demo: it never connects to a relay."
NO_KEYRING = (
    "No system keyring found, so the token was not saved. Install and unlock one (GNOME Keyring or KWallet "
    "on Linux; macOS and Windows have one), or set LEADDESK_RELAY_TOKEN before starting LeadDesk. "
    "The relay address was saved."
)


def keyring_usable() -> bool:
    """False when the keyring library found no real backend (it would fail every call)."""
    import keyring
    import keyring.backends.fail

    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken backend configuration
        return False
    return not isinstance(backend, keyring.backends.fail.Keyring)


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
        stored = relay_settings.load_settings()
        intro = _hint(
            "LeadDesk keeps a copy of your WhatsApp leads on this computer and syncs it with your "
            "company's relay. Your administrator gives you its address and an access token.",
            wrap=True,
        )
        intro.setStyleSheet("color: #4F5B69;")
        self.url_edit = QLineEdit(stored.relay_url)
        self.url_edit.setPlaceholderText("https://relay.example.com")
        self.token_edit = QLineEdit(relay_settings.get_token(stored.relay_url) or "" if stored.relay_url else "")
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_edit.setPlaceholderText("Paste the access token")
        self.ca_edit = QLineEdit(stored.ca_bundle)
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
        self._bridge = _Bridge(self)
        self._bridge.done.connect(self._show_result)
        self._test_thread: threading.Thread | None = None

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Extra CA bundle", "", "Certificates (*.pem *.crt);;All files (*)")
        if path:
            self.ca_edit.setText(path)

    def start_test(self) -> None:
        self.test_button.setEnabled(False)
        self.result_label.setText("Testing…")
        url, token, ca = self.url_edit.text().strip(), self.token_edit.text(), self.ca_edit.text().strip()
        bridge = self._bridge

        def work() -> None:
            bridge.done.emit(check_connection(url, token, ca))

        self._test_thread = threading.Thread(target=work, name="relay-test", daemon=True)
        self._test_thread.start()

    def wait_for_test(self, timeout: float = 30.0) -> None:
        if self._test_thread is not None:
            self._test_thread.join(timeout)

    def _show_result(self, text: str) -> None:
        self.result_label.setText(text)
        self.test_button.setEnabled(True)

    def values(self) -> tuple[str, str, str]:
        return self.url_edit.text().strip(), self.token_edit.text(), self.ca_edit.text().strip()

    def save(self) -> None:
        url, token, ca = self.values()
        try:
            if url:
                from leaddesk.sync.client import check_relay_url

                url = check_relay_url(url)
        except ConfigurationError as problem:
            self.result_label.setText(str(problem))
            return
        previous_url = relay_settings.load_settings().relay_url
        relay_settings.save_settings(relay_settings.RelaySettings(relay_url=url, ca_bundle=ca))
        # A token belongs to its relay: it goes when the address changes or the field is blanked.
        if previous_url and previous_url.strip().rstrip("/") != url:
            relay_settings.delete_token(previous_url)
        if url and not token:
            relay_settings.delete_token(url)
        if url and token:
            try:
                relay_settings.set_token(url, token)
            except Exception:  # any keyring backend failure
                # The address stays saved and in the field; the message says how to give the token.
                self.result_label.setText(NO_KEYRING)
                return
        self.accept()
