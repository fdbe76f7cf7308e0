"""The relay behind an office proxy that inspects TLS: an extra CA bundle, REQUESTS_CA_BUNDLE, system proxies.

A real HTTPS server on 127.0.0.1 presents a certificate from a private CA (as a TLS-inspecting proxy
does); a real CONNECT proxy on 127.0.0.1 stands for the office proxy.
"""

from __future__ import annotations

import datetime as dt
import http.server
import ipaddress
import select
import socket
import socketserver
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path

import certifi
import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from leaddesk.sync.tls import CABundleError, RelaySession, combined_ca_bundle, configure_tls, make_session


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def make_ca_and_server_cert(folder: Path) -> tuple[Path, Path, Path]:
    """A private CA (``ca.pem``) and a certificate for 127.0.0.1 it signed (``server.pem``, ``server.key``)."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(_name("Office Proxy Test CA"))
        .issuer_name(_name("Office Proxy Test CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False, False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    server = (
        x509.CertificateBuilder()
        .subject_name(_name("127.0.0.1"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    ca_path, cert_path, key_path = folder / "ca.pem", folder / "server.pem", folder / "server.key"
    ca_path.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_path.write_bytes(server.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return ca_path, cert_path, key_path


class _Hello(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b'{"ok": true}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


@pytest.fixture
def https_relay(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """An HTTPS server on 127.0.0.1 whose certificate only the private CA vouches for: (url, ca.pem)."""
    ca_path, cert_path, key_path = make_ca_and_server_cert(tmp_path)
    server = _Server(("127.0.0.1", 0), _Hello)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_path, key_path)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}/", ca_path
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


class _ConnectProxy(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True
    tunnels: list[str]


class _ConnectHandler(socketserver.StreamRequestHandler):
    """A minimal office proxy: answers CONNECT host:port and relays bytes both ways."""

    server: _ConnectProxy

    def handle(self) -> None:
        request = self.rfile.readline().decode("latin-1")
        while self.rfile.readline() not in (b"\r\n", b"\n", b""):
            pass
        method, target, _ = request.split(" ", 2)
        if method != "CONNECT":
            self.wfile.write(b"HTTP/1.1 405 Method Not Allowed\r\n\r\n")
            return
        self.server.tunnels.append(target)
        host, port = target.rsplit(":", 1)
        with socket.create_connection((host, int(port)), timeout=10) as upstream:
            self.wfile.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
            self.wfile.flush()
            sockets = [self.connection, upstream]
            while True:
                readable, _, _ = select.select(sockets, [], [], 10)
                if not readable:
                    return
                for source in readable:
                    data = source.recv(65536)
                    if not data:
                        return
                    (upstream if source is self.connection else self.connection).sendall(data)


@pytest.fixture
def office_proxy() -> Iterator[_ConnectProxy]:
    proxy = _ConnectProxy(("127.0.0.1", 0), _ConnectHandler)
    proxy.tunnels = []
    thread = threading.Thread(target=proxy.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield proxy
    finally:
        proxy.shutdown()
        proxy.server_close()
        thread.join(timeout=5)


@pytest.fixture(autouse=True)
def no_ca_or_proxy_from_the_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    """Start every test from an environment that names no CA bundle and no proxy."""
    for variable in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE", "SSL_CERT_DIR"):
        monkeypatch.delenv(variable, raising=False)
    for variable in ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(variable, raising=False)
        monkeypatch.delenv(variable.lower(), raising=False)


def test_with_nothing_named_the_session_trusts_certifi_and_the_system_proxies() -> None:
    session = configure_tls(requests.Session(), None)
    assert session.verify == certifi.where()
    assert session.trust_env is True


def test_a_private_ca_is_refused_until_the_settings_name_its_bundle(https_relay: tuple[str, Path]) -> None:
    url, ca_path = https_relay
    with make_session(None) as session, pytest.raises(requests.exceptions.SSLError):
        session.get(url, timeout=10)
    with make_session(ca_path) as session:
        assert session.get(url, timeout=10).json() == {"ok": True}
        bundle = Path(str(session.verify))
    text = bundle.read_text(encoding="ascii")
    assert ca_path.read_text(encoding="ascii").strip() in text
    assert Path(certifi.where()).read_text(encoding="ascii").strip()[:2000] in text, "certifi's CAs are kept"


def test_a_plain_session_configured_with_the_extra_bundle_also_connects(https_relay: tuple[str, Path]) -> None:
    url, ca_path = https_relay
    with configure_tls(requests.Session(), ca_path) as session:
        assert session.get(url, timeout=10).status_code == 200


def test_requests_ca_bundle_is_honoured_and_joined_with_the_settings_bundle(
    https_relay: tuple[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, ca_path = https_relay
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(ca_path))
    with make_session(None) as session:
        assert session.get(url, timeout=10).status_code == 200
    # Both named: the environment's bundle (here an unrelated CA) must not push out the Settings' one.
    (tmp_path / "other").mkdir()
    other_ca, _, _ = make_ca_and_server_cert(tmp_path / "other")
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(other_ca))
    with make_session(ca_path) as session:
        assert session.get(url, timeout=10).status_code == 200
        text = Path(str(session.verify)).read_text(encoding="ascii")
    assert other_ca.read_text(encoding="ascii").strip() in text
    assert ca_path.read_text(encoding="ascii").strip() in text


def test_verification_cannot_be_turned_off_on_a_relay_session(https_relay: tuple[str, Path]) -> None:
    url, _ = https_relay
    with make_session(None) as session, pytest.raises(ValueError, match="never turns TLS verification off"):
        session.get(url, timeout=10, verify=False)
    assert isinstance(make_session(None), RelaySession)


def test_a_missing_or_broken_bundle_is_reported_not_ignored(tmp_path: Path) -> None:
    with pytest.raises(CABundleError, match="does not exist"):
        configure_tls(requests.Session(), tmp_path / "nowhere.pem")
    broken = tmp_path / "broken.pem"
    broken.write_text("-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----\n", encoding="ascii")
    with pytest.raises(CABundleError, match="no usable certificate"):
        configure_tls(requests.Session(), broken)


def test_the_joined_bundle_goes_to_the_data_folder_and_is_rewritten_whole(tmp_path: Path) -> None:
    ca_path, _, _ = make_ca_and_server_cert(tmp_path)
    first = combined_ca_bundle(ca_path, tmp_path / "tls")
    second = combined_ca_bundle(None, tmp_path / "tls")
    assert first == second == tmp_path / "tls" / "ca-bundle.pem"
    assert ca_path.read_text(encoding="ascii").strip() not in second.read_text(encoding="ascii")
    assert sorted(path.name for path in (tmp_path / "tls").iterdir()) == ["ca-bundle.pem"]


def test_the_system_proxy_is_used_through_a_tls_tunnel(
    https_relay: tuple[str, Path], office_proxy: _ConnectProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, ca_path = https_relay
    proxy_url = f"http://127.0.0.1:{office_proxy.server_address[1]}"
    monkeypatch.setenv("HTTPS_PROXY", proxy_url)
    monkeypatch.setenv("https_proxy", proxy_url)
    with make_session(ca_path) as session:
        assert session.get(url, timeout=10).json() == {"ok": True}
    assert office_proxy.tunnels == [url.removeprefix("https://").rstrip("/")]
