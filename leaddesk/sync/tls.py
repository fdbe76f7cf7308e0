"""TLS and proxy settings for talking to the relay, also behind an office proxy that inspects TLS.

Verification is never turned off. What is trusted:

- certifi's CA bundle (shipped in the PyInstaller bundle too);
- plus the file ``REQUESTS_CA_BUNDLE`` (or ``CURL_CA_BUNDLE``) names, if set;
- plus the extra CA bundle the Settings dialog names (the office proxy's root certificate, in PEM).

They are joined into one file in the data folder (``tls/ca-bundle.pem``) and ``session.verify`` points
at it. ``trust_env`` stays True, so requests takes the system's proxy settings: the ``HTTPS_PROXY``,
``HTTP_PROXY`` and ``NO_PROXY`` variables everywhere, the Internet Options proxy on Windows and the
System Settings proxy on macOS (through ``urllib.request.getproxies``).

Note: a plain ``requests.Session`` lets ``REQUESTS_CA_BUNDLE`` *replace* ``session.verify`` on each
request. :class:`RelaySession` (made by :func:`make_session`) keeps the joined bundle, which already
holds that file's certificates, so nothing the user named is dropped.
"""

from __future__ import annotations

import os
import ssl
import tempfile
from pathlib import Path
from typing import Any

import certifi
import requests

from leaddesk.paths import data_dir

#: The variables requests reads for a CA bundle, in its order.
CA_BUNDLE_VARIABLES = ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE")


class CABundleError(ValueError):
    """A CA bundle file that is missing or holds no certificate Python can load."""


def environment_ca_bundle() -> Path | None:
    """The CA bundle the environment names (``REQUESTS_CA_BUNDLE``, else ``CURL_CA_BUNDLE``), if any."""
    for variable in CA_BUNDLE_VARIABLES:
        value = os.environ.get(variable)
        if value:
            return Path(value)
    return None


def check_ca_bundle(path: Path) -> int:
    """The number of CA certificates in ``path``; :class:`CABundleError` if it is unusable."""
    if not path.is_file():
        raise CABundleError(f"CA bundle {path} does not exist")
    context = ssl.create_default_context(cafile=None)
    try:
        context.load_verify_locations(cafile=str(path))
    except (ssl.SSLError, OSError, ValueError) as problem:
        raise CABundleError(f"CA bundle {path} holds no usable certificate: {problem}") from None
    count = int(context.cert_store_stats()["x509_ca"])
    if count == 0:
        raise CABundleError(f"CA bundle {path} holds no CA certificate")
    return count


def combined_ca_bundle(extra_ca_bundle: Path | None, folder: Path | None = None) -> Path:
    """certifi's bundle, the environment's and ``extra_ca_bundle`` joined into one PEM file.

    Rewritten atomically each time (the window and a scheduled ``sync --once`` may both do it).
    """
    parts = [Path(certifi.where())]
    for path in (environment_ca_bundle(), extra_ca_bundle):
        if path is not None:
            check_ca_bundle(path)
            parts.append(path)
    target_folder = folder or data_dir() / "tls"
    target_folder.mkdir(parents=True, exist_ok=True)
    target = target_folder / "ca-bundle.pem"
    text = "\n".join(part.read_text(encoding="ascii", errors="replace").strip() + "\n" for part in parts)
    handle, temporary = tempfile.mkstemp(dir=target_folder, prefix=".ca-bundle-", suffix=".pem")
    try:
        with os.fdopen(handle, "w", encoding="ascii", errors="replace") as out:
            out.write(text)
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def configure_tls(session: requests.Session, extra_ca_bundle: Path | None = None) -> requests.Session:
    """Point ``session`` at the CA bundle to trust; verification stays on, system proxies are used.

    With no extra bundle and nothing in the environment, ``session.verify`` is certifi's bundle.
    Raises :class:`CABundleError` if a named bundle is missing or unusable (show it to the user).
    Returns the session.
    """
    session.trust_env = True
    if extra_ca_bundle is None and environment_ca_bundle() is None:
        session.verify = certifi.where()
    else:
        session.verify = str(combined_ca_bundle(extra_ca_bundle))
    return session


class RelaySession(requests.Session):
    """A session whose ``verify`` bundle is not replaced by ``REQUESTS_CA_BUNDLE`` at request time.

    :func:`configure_tls` has already joined that file into ``self.verify``; a request that passes
    its own ``verify`` still wins, but can never turn verification off.
    """

    def merge_environment_settings(self, url: Any, proxies: Any, stream: Any, verify: Any, cert: Any) -> Any:
        settings = super().merge_environment_settings(url, proxies, stream, verify, cert)
        if verify is None or verify is True:
            settings["verify"] = self.verify
        if settings["verify"] is False:
            raise ValueError("LeadDesk never turns TLS verification off")
        return settings


def make_session(extra_ca_bundle: Path | None = None) -> RelaySession:
    """A new session for the relay with :func:`configure_tls` applied."""
    session = RelaySession()
    configure_tls(session, extra_ca_bundle)
    return session
