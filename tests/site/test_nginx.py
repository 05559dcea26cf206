"""docs/deploy.md's nginx configuration, run for real: the ```nginx block is read from the doc itself (so the
doc cannot drift from what is tested), only its machine-specific parts replaced (ports, certificate, the data
folder, nginx's cache, the upstream's port), and nginx started with it as this user in front of
``broadsheet serve`` over the browser tests' sample site, then asked over HTTPS what a reader's browser asks.

Skipped where nginx is not installed: it is in system-packages.txt, which ``make setup`` installs (CI too).
"""

from __future__ import annotations

import datetime as dt
import grp
import http.client
import ipaddress
import json
import os
import pwd
import re
import shutil
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.servers import free_port, serving

DEPLOY = Path(__file__).resolve().parents[2] / "docs" / "deploy.md"
HOST = "news.example.org"  # the doc's own server_name, kept: requests name it in Host and SNI
NGINX = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")  # not on a user's PATH
ARTICLE = "/the-test-gazette/2025-04-20/article/1-a1/"
PAGE = "/the-test-gazette/2025-04-20/page/1/"
HSTS = "max-age=63072000; includeSubDomains"
IMMUTABLE = "public, max-age=31536000, immutable"

pytestmark = pytest.mark.skipif(
    NGINX is None, reason="nginx is not installed: it is in system-packages.txt (`make setup` installs it)"
)


def doc_block() -> str:
    """The one ```nginx block under docs/deploy.md's "## nginx"."""
    section = DEPLOY.read_text().split("\n## nginx\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"^```nginx\n(.*?)^```$", section, re.DOTALL | re.MULTILINE)
    assert len(blocks) == 1, "docs/deploy.md's nginx section should hold one ```nginx block"
    return str(blocks[0])


def replace(text: str, pattern: str, new: str | Callable[[re.Match[str]], str]) -> str:
    """``text`` with every match of ``pattern`` replaced; failing if there is none, so that a change of the
    doc that this test no longer adapts is seen, not silently tested as written."""
    result, count = re.subn(pattern, new, text, flags=re.MULTILINE)
    assert count, f"docs/deploy.md's nginx block no longer has {pattern!r}"
    return result


@dataclass(frozen=True, slots=True)
class Machine:
    """What differs between the doc's machine and this test's."""

    https: int
    http: int
    upstream: int
    media: Path
    cache: Path
    certificate: Path
    key: Path
    ipv6: bool


def adapted(block: str, machine: Machine) -> str:
    """The doc's block with only the machine-specific parts replaced: ports on the loopback (IPv6 lines on
    ``::1``, or dropped where the machine has no IPv6), the certificate, the media folder, the cache folder
    and the upstream's port. Everything else is run as written."""
    ports = {"80": machine.http, "443": machine.https}

    def listen(match: re.Match[str]) -> str:
        port = ports[match["port"]]
        if not match["v6"]:
            return f"listen 127.0.0.1:{port}"
        return f"listen [::1]:{port}" if machine.ipv6 else f"# (no IPv6 here) listen [::]:{port}"

    block = replace(block, r"listen\s+(?P<v6>\[::\]:)?(?P<port>80|443)\b", listen)
    block = replace(block, r"/etc/letsencrypt/live/[^/]+/fullchain\.pem", str(machine.certificate))
    block = replace(block, r"/etc/letsencrypt/live/[^/]+/privkey\.pem", str(machine.key))
    block = replace(block, r"/srv/broadsheet/data/media\b", str(machine.media))
    block = replace(block, r"/var/cache/nginx\b", str(machine.cache))
    return replace(block, r"server\s+127\.0\.0\.1:8000;", f"server 127.0.0.1:{machine.upstream};")


def wrapper(root: Path, site: Path) -> str:
    """A minimal nginx.conf around the site's file, as Debian's /etc/nginx/nginx.conf includes conf.d/ (its
    mime types and defaults), with every file nginx writes under ``root``. As root (CI), the worker runs as
    root too: the test's folders are readable by no other user (nginx's default, nobody)."""
    user = ""
    if os.geteuid() == 0:
        user = f"user {pwd.getpwuid(0).pw_name} {grp.getgrgid(0).gr_name};"
    temps = "\n".join(
        f"    {name}_temp_path {root / name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""{user}
daemon off;
worker_processes 1;
pid {root / "nginx.pid"};
error_log {root / "error.log"} warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    access_log {root / "access.log"};
{temps}
    include {site};
}}
"""


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A key and a certificate for ``HOST`` and 127.0.0.1, made here (no CA): the client trusts it alone."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST)])
    now = dt.datetime.now(dt.UTC)
    names = [x509.DNSName(HOST), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    certificate, private = folder / "fullchain.pem", folder / "privkey.pem"
    certificate.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    private.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return certificate, private


def has_ipv6() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as s:
            s.bind(("::1", 0))
    except OSError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class Proxy:
    """nginx running the doc's configuration: its ports, the certificate it presents, the media folder behind
    it, its cache folder, and what ``nginx -t`` said."""

    https: int
    http: int
    certificate: Path
    media: Path
    cache: Path
    checked: subprocess.CompletedProcess[str]

    def get(self, path: str, headers: Mapping[str, str] | None = None, body: bytes | None = None) -> Response:
        """One request over HTTPS to 127.0.0.1 naming ``HOST``, the certificate verified (it names both)."""
        tls = ssl.create_default_context(cafile=str(self.certificate))
        tls.set_alpn_protocols(["http/1.1"])  # http.client speaks HTTP/1.1; h2 is checked on its own
        conn = http.client.HTTPSConnection("127.0.0.1", self.https, context=tls, timeout=30)
        try:
            method = "GET" if body is None else "POST"
            conn.request(method, path, body=body, headers={"Host": HOST, **(headers or {})})
            return Response.read(conn.getresponse())
        finally:
            conn.close()

    def plain(self, path: str) -> Response:
        conn = http.client.HTTPConnection("127.0.0.1", self.http, timeout=30)
        try:
            conn.request("GET", path, headers={"Host": HOST})
            return Response.read(conn.getresponse())
        finally:
            conn.close()


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @classmethod
    def read(cls, response: http.client.HTTPResponse) -> Response:
        return cls(response.status, response.headers, response.read())

    def all(self, name: str) -> list[str]:
        return self.headers.get_all(name) or []


def wait_for_port(port: int, proc: subprocess.Popen[bytes], log: Path) -> None:
    """Return once nginx listens on ``port``; fail with its error log if it exits first."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"nginx exited with {proc.returncode}: {log.read_text() if log.exists() else ''}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nginx did not listen on {port}")


@pytest.fixture(scope="module")
def proxy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Proxy]:
    data = tmp_path_factory.mktemp("proxied-site")
    env = {
        **os.environ,
        "BROADSHEET_DATA_DIR": str(data),
        "BROADSHEET_WORKERS": "0",
        "BROADSHEET_TRUSTED_PROXY": "127.0.0.1",  # as docs/deploy.md's environment says
        "BROADSHEET_ALLOWED_HOSTS": f"{HOST},127.0.0.1",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    subprocess.run([sys.executable, "-m", "broadsheet.web.testing", str(data)], env=env, check=True, timeout=300)
    root = tmp_path_factory.mktemp("nginx")
    certificate, key = self_signed(root)
    with serving(env) as (url, _):
        https, http = free_port(), free_port()
        while http == https:
            http = free_port()
        machine = Machine(
            https=https,
            http=http,
            upstream=int(url.rsplit(":", 1)[1]),
            media=data / "media",
            cache=root / "cache",
            certificate=certificate,
            key=key,
            ipv6=has_ipv6(),
        )
        machine.cache.mkdir()  # as Debian's package makes /var/cache/nginx; nginx makes only the last folder
        site = root / "broadsheet.conf"
        site.write_text(adapted(doc_block(), machine))
        conf = root / "nginx.conf"
        conf.write_text(wrapper(root, site))
        command = [str(NGINX), "-p", f"{root}/", "-c", str(conf), "-e", str(root / "error.log")]
        checked = subprocess.run([*command, "-t"], capture_output=True, text=True, timeout=60)
        assert checked.returncode == 0, f"nginx -t refused docs/deploy.md's block:\n{checked.stderr}"
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_for_port(machine.https, proc, root / "error.log")
            yield Proxy(machine.https, machine.http, certificate, machine.media, machine.cache, checked)
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def test_nginx_accepts_the_block_without_warnings(proxy: Proxy) -> None:
    """``nginx -t`` passes (the fixture asserts it) and says nothing of the doc's lines but that they pass."""
    lines = [line for line in proxy.checked.stderr.splitlines() if "[warn]" in line or "[emerg]" in line]
    assert not lines, "\n".join(lines)


def test_the_home_page_is_proxied_over_https_with_hsts(proxy: Proxy) -> None:
    response = proxy.get("/")
    assert response.status == 200
    assert b"</html>" in response.body
    assert response.all("Strict-Transport-Security") == [HSTS]


def test_https_speaks_http2(proxy: Proxy) -> None:
    tls = ssl.create_default_context(cafile=str(proxy.certificate))
    tls.set_alpn_protocols(["h2", "http/1.1"])
    with (
        socket.create_connection(("127.0.0.1", proxy.https), timeout=30) as raw,
        tls.wrap_socket(raw, server_hostname=HOST) as conn,
    ):
        assert conn.selected_alpn_protocol() == "h2"


def test_plain_http_is_redirected_to_https(proxy: Proxy) -> None:
    response = proxy.plain(ARTICLE + "?x=1")
    assert response.status == 301
    assert response.headers["Location"] == f"https://{HOST}{ARTICLE}?x=1"


def test_links_the_page_makes_absolute_name_https_and_the_host(proxy: Proxy) -> None:
    """nginx's X-Forwarded-Proto and -Host reach the server, which trusts them from 127.0.0.1."""
    html = proxy.get(ARTICLE).body.decode()
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html)
    og = re.search(r'<meta property="og:url" content="([^"]+)">', html)
    assert canonical and og
    assert canonical[1] == og[1] == f"https://{HOST}{ARTICLE}"


def info(proxy: Proxy) -> tuple[str, dict[str, object]]:
    """The page's IIIF info.json (its URL from the page, as the reader's script finds it), as nginx serves it."""
    html = proxy.get(PAGE).body.decode()
    found = re.search(r'data-info="([^"]+)"', html)
    assert found
    path = urlsplit(found[1]).path
    response = proxy.get(path)
    assert response.status == 200
    assert response.headers["Content-Type"] == "application/json"
    return path, json.loads(response.body)


def served_from(response: Response, file: Path) -> bool:
    """Whether ``response`` is nginx's own answer from ``file``: its body, and nginx's ETag (the file's
    modification time and size in hex), which the server's media view does not make."""
    stat = file.stat()
    return (
        response.body == file.read_bytes() and response.headers["ETag"] == f'"{int(stat.st_mtime):x}-{stat.st_size:x}"'
    )


def test_a_tile_is_answered_by_nginx_from_its_one_file(proxy: Proxy) -> None:
    path, document = info(proxy)
    service = str(document["id"])
    assert service == path.removesuffix("/info.json")
    tile = proxy.media / service.removeprefix("/media/") / "0,0,512,512_512,512.jpg"
    assert tile.is_file()
    assert not (tile.parent / "0,0,512,512").exists()  # only the new layout's file is there
    response = proxy.get(f"{service}/0,0,512,512/512,512/0/default.jpg")
    assert response.status == 200
    assert response.headers["Content-Type"] == "image/jpeg"
    assert served_from(response, tile)
    assert response.all("Cache-Control") == [IMMUTABLE]
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.all("Strict-Transport-Security") == [HSTS]


def test_a_tile_of_a_build_made_before_the_layout_is_answered_from_its_url_path(proxy: Proxy) -> None:
    path, _ = info(proxy)
    service = path.removesuffix("/info.json")
    old = proxy.media / service.removeprefix("/media/") / "0,0,64,64" / "64,64" / "0" / "default.jpg"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"\xff\xd8\xff\xe0 an old build's tile")
    response = proxy.get(f"{service}/0,0,64,64/64,64/0/default.jpg")
    assert response.status == 200
    assert served_from(response, old)


def test_a_missing_tile_or_image_is_404_and_not_cached_for_good(proxy: Proxy) -> None:
    """As from the server's media view: a file missing now (a media folder being restored) may be there later."""
    path, _ = info(proxy)
    for missing in (path.replace("/info.json", "/0,0,1,1/1,1/0/default.jpg"), path.replace("/info.json", "/nope.jpg")):
        response = proxy.get(missing)
        assert response.status == 404
        assert not any("immutable" in value for value in response.all("Cache-Control"))
        assert response.all("Strict-Transport-Security") == [HSTS]


def test_no_file_outside_the_media_folder_is_served(proxy: Proxy) -> None:
    """The database beside the media folder, asked for by the tile location and by /media/ with dot segments."""
    database = (proxy.media.parent / "broadsheet.sqlite3").read_bytes()[:16]
    path, _ = info(proxy)
    service = path.removesuffix("/info.json")
    for attempt in (
        "/media/../broadsheet.sqlite3",
        "/media/%2e%2e/broadsheet.sqlite3",
        "/media/..%2fbroadsheet.sqlite3",
        "/media../broadsheet.sqlite3",
        f"{service}/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/0/default.jpg",
    ):
        response = proxy.get(attempt)
        assert response.status in (400, 404), attempt
        assert not response.body.startswith(database), attempt


def test_page_images_are_plain_files_cached_for_good(proxy: Proxy) -> None:
    path, _ = info(proxy)
    screen = path.replace("/iiif/info.json", "/screen.jpg")
    response = proxy.get(screen)
    assert response.status == 200
    assert response.headers["Content-Type"] == "image/jpeg"
    assert served_from(response, proxy.media / screen.removeprefix("/media/"))
    assert response.all("Cache-Control") == [IMMUTABLE]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.all("Strict-Transport-Security") == [HSTS]


def test_static_files_are_kept_in_nginx_cache(proxy: Proxy) -> None:
    first = proxy.get("/static/reader/reader.css")
    second = proxy.get("/static/reader/reader.css")
    assert first.status == second.status == 200
    assert first.body == second.body
    assert any(p.is_file() for p in (proxy.cache / "broadsheet").rglob("*"))


def test_a_reader_cannot_send_a_large_body_but_the_newsroom_can_upload_one(proxy: Proxy) -> None:
    two_mb = b"x" * (2 * 1024 * 1024)
    assert proxy.get("/", body=two_mb).status == 413
    assert proxy.get("/staff/upload/", body=two_mb).status == 403  # passed on: the server's CSRF check answers


def test_logins_past_the_limit_get_429(proxy: Proxy) -> None:
    """10 a minute and a burst of 5: of 20 requests sent at once, whatever the machine's speed (they would
    have to take a minute and a half), some are refused."""
    statuses = [proxy.get("/staff/login/").status for _ in range(20)]
    assert statuses[0] == 200
    assert 429 in statuses


def test_searches_past_the_limit_get_429(proxy: Proxy) -> None:
    """2 a second and a burst of 10: of 60 searches sent one after another, some are refused unless
    they took 25 seconds. Run after the tests above: the flood leaves this address's bucket empty."""
    statuses = [proxy.get("/search.json?q=the").status for _ in range(60)]
    assert statuses[0] == 200
    assert 429 in statuses


def test_reader_requests_past_the_limit_get_429(proxy: Proxy) -> None:
    """20 a second and a burst of 40: of 400 page views sent one after another, some are refused unless
    they took 18 seconds; a page view a reader's browser makes alone is answered."""
    statuses = [proxy.get("/").status for _ in range(400)]
    assert statuses[0] == 200
    assert 429 in statuses
