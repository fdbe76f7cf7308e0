"""What the Settings dialog does below its widgets: test a relay connection, read and save the settings.

The dialog (``views/settings_dialog.py``) only shows fields and answers; the HTTP call runs here on a
worker thread and its plain-words answer comes back by the ``finished`` signal of :class:`ConnectionTest`.
No widgets here (``QtCore`` only).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal

from leaddesk.sync import settings as relay_settings
from leaddesk.sync.client import (
    ConfigurationError,
    PassingFault,
    RelayClient,
    RelayError,
    Unauthorized,
    check_relay_url,
)

NO_KEYRING = str(
    QT_TRANSLATE_NOOP(
        "ConnectionTest",
        "No system keyring found, so the access key was not saved. Install and unlock one (GNOME Keyring or "
        "KWallet on Linux; macOS and Windows have one), or set LEADDESK_RELAY_TOKEN before starting LeadDesk. "
        "The server address was saved.",
    )
)


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
        return QCoreApplication.translate("ConnectionTest", "Cannot use these settings: %1").replace("%1", str(problem))
    except Unauthorized:
        return QCoreApplication.translate("ConnectionTest", "The server refused this access key.")
    except PassingFault:
        return QCoreApplication.translate(
            "ConnectionTest", "The server could not be reached. Check the address and your connection."
        )
    except RelayError as problem:
        return QCoreApplication.translate("ConnectionTest", "The server answered with an error (%1).").replace(
            "%1", str(problem.status)
        )


class ConnectionTest(QObject):
    """Runs :func:`check_connection` off the UI thread; ``finished(answer)`` arrives on the owner's thread.

    Not parented to the dialog on purpose: a test still running when the dialog closes ends quietly
    (Qt drops the connection to the deleted dialog) instead of emitting into a deleted object.
    """

    finished = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._thread: threading.Thread | None = None

    def start(self, url: str, token: str, ca_bundle: str) -> None:
        def work() -> None:
            self.finished.emit(check_connection(url, token, ca_bundle))

        self._thread = threading.Thread(target=work, name="relay-test", daemon=True)
        self._thread.start()

    def wait(self, timeout: float = 30.0) -> None:
        if self._thread is not None:
            self._thread.join(timeout)


def stored_settings() -> tuple[str, str, str]:
    """(relay URL, its token from the keyring or "", extra CA bundle) as last saved."""
    stored = relay_settings.load_settings()
    token = relay_settings.get_token(stored.relay_url) or "" if stored.relay_url else ""
    return stored.relay_url, token, stored.ca_bundle


def token_for(url: str) -> str | None:
    """The token kept in the keyring for ``url``, if any."""
    return relay_settings.get_token(url)


def save_relay_settings(url: str, token: str, ca_bundle: str) -> str | None:
    """Keep the settings (the token in the keyring only); a plain-words problem, or None when all was saved."""
    try:
        if url:
            url = check_relay_url(url)
    except ConfigurationError as problem:
        return str(problem)
    previous_url = relay_settings.load_settings().relay_url
    relay_settings.save_settings(relay_settings.RelaySettings(relay_url=url, ca_bundle=ca_bundle))
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
            return QCoreApplication.translate("ConnectionTest", NO_KEYRING)
    return None


def keyring_usable() -> bool:
    """False when the keyring library found no real backend (it would fail every call)."""
    import keyring
    import keyring.backends.fail

    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken backend configuration
        return False
    return not isinstance(backend, keyring.backends.fail.Keyring)
