"""Where the relay settings live: the URL and an extra CA bundle in a plain ini file in the config
folder; the token only in the system keyring (service ``LeadDesk``, user name = the relay URL).
"""

from __future__ import annotations

import configparser
import logging
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.errors

from leaddesk.paths import config_dir

log = logging.getLogger(__name__)

KEYRING_SERVICE = "LeadDesk"
FALLBACK_USER = "relay-token"
SECTION = "relay"


@dataclass
class RelaySettings:
    relay_url: str = ""
    ca_bundle: str = ""


def settings_path() -> Path:
    return config_dir() / "relay.ini"


def load_settings(path: Path | None = None) -> RelaySettings:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(path or settings_path(), encoding="utf-8")
    if not parser.has_section(SECTION):
        return RelaySettings()
    return RelaySettings(
        relay_url=parser.get(SECTION, "url", fallback=""), ca_bundle=parser.get(SECTION, "ca_bundle", fallback="")
    )


def save_settings(settings: RelaySettings, path: Path | None = None) -> None:
    target = path or settings_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    parser = configparser.ConfigParser(interpolation=None)
    parser[SECTION] = {"url": settings.relay_url, "ca_bundle": settings.ca_bundle}
    temp = target.with_suffix(".tmp")
    with temp.open("w", encoding="utf-8") as out:
        parser.write(out)
    temp.replace(target)


def _user(relay_url: str) -> str:
    return relay_url.strip().rstrip("/") or FALLBACK_USER


def get_token(relay_url: str) -> str | None:
    try:
        token = keyring.get_password(KEYRING_SERVICE, _user(relay_url))
    except keyring.errors.KeyringError as problem:
        log.warning("the system keyring could not be read: %s", type(problem).__name__)
        return None
    return str(token) if token else None


def set_token(relay_url: str, token: str) -> None:
    """Store the token in the system keyring; raises ``keyring.errors.KeyringError`` if there is none."""
    keyring.set_password(KEYRING_SERVICE, _user(relay_url), token)


def delete_token(relay_url: str) -> None:
    """Forget the token kept for ``relay_url`` (nothing happens if none is kept or there is no keyring)."""
    try:
        keyring.delete_password(KEYRING_SERVICE, _user(relay_url))
    except keyring.errors.PasswordDeleteError:
        pass
    except keyring.errors.KeyringError as problem:
        log.warning("the system keyring could not be changed: %s", type(problem).__name__)
