"""GraphiQL's third-party files: pinned npm tarballs, fetched once at set-up.

`python -m server.assets` (run by `make`) downloads each tarball of `PACKAGES`
from the npm registry, checks its sha256, and unpacks the files the pages serve,
with the package's license, into `server/static/vendor/NAME@VERSION/`. That
folder is ignored by git and included in the wheel, so an installed service
needs no network: the browser loads everything from the service itself.

Why these versions: GraphiQL 5 ships only ES modules meant for a bundler
(monaco-editor imports CSS from JavaScript and React 19 has no browser build),
so it cannot load offline without one. GraphiQL 4.1.2 is the last release with
a self-contained browser build (UMD); it runs on React 18's UMD builds, and
@graphiql/plugin-explorer 4.0.6 is the explorer built for it.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sys
import tarfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TextIO

REGISTRY = "https://registry.npmjs.org"
VENDOR = Path(__file__).resolve().parent / "static" / "vendor"
MARKER = ".sha256"
"""In each unpacked folder: the checksum of the tarball it came from."""
TIMEOUT = 60.0


class AssetError(Exception):
    """A pinned tarball that cannot be fetched, does not match its checksum, or lacks a file."""


@dataclass(frozen=True, slots=True)
class Package:
    """One npm tarball: which files of it are served, and which give its license."""

    name: str
    version: str
    sha256: str
    files: tuple[str, ...]
    licenses: tuple[str, ...] = ("LICENSE",)
    note: str = ""

    @property
    def folder(self) -> str:
        """`@graphiql/plugin-explorer@4.0.6`: the served folder, as unpkg names it."""
        return f"{self.name}@{self.version}"

    @property
    def url(self) -> str:
        """`https://registry.npmjs.org/@graphiql/plugin-explorer/-/plugin-explorer-4.0.6.tgz`."""
        base = self.name.rsplit("/", 1)[-1]
        return f"{REGISTRY}/{self.name}/-/{base}-{self.version}.tgz"


PACKAGES = (
    Package(
        "react",
        "18.3.1",
        "8d9bed01a672e7eaf387942d781ad47c6a43089a30a0306060f9fd5ac7870347",
        ("umd/react.production.min.js",),
    ),
    Package(
        "react-dom",
        "18.3.1",
        "031d4427a99f2f3f6cac18bbbf308594a67e4f47d10f4896fdec446505b040e0",
        ("umd/react-dom.production.min.js",),
    ),
    Package(
        "graphiql",
        "4.1.2",
        "6aa9cb6d82e656d38b72991264f41545889881e8dc23059199be3b94fff2ad05",
        ("graphiql.min.js", "graphiql.min.css"),
    ),
    Package(
        "@graphiql/plugin-explorer",
        "4.0.6",
        "2cc330a206eb4e437753036c2d849bac3322f71257b33955a4dddb6ae3cc4041",
        ("dist/index.umd.js", "dist/style.css"),
        licenses=(),
        note="MIT (package.json); its tarball has no license file: it is part of the "
        "graphql/graphiql repository (see graphiql@4.1.2/LICENSE) and bundles "
        "graphiql-explorer (see graphiql-explorer@0.9.0/LICENSE)",
    ),
    Package(
        "graphiql-explorer",
        "0.9.0",
        "1c943be51d0a0532d4f9665e8013c09a3e25e5eedcef16ec84e3de5a43f45eaa",
        (),
        note="license only: @graphiql/plugin-explorer bundles it",
    ),
)


def package(name: str) -> Package:
    return next(p for p in PACKAGES if p.name == name)


def url_of(name: str, file: str) -> str:
    """The URL a page loads a vendored file from: `/static/vendor/react@18.3.1/umd/...`."""
    chosen = package(name)
    if file not in chosen.files:
        raise KeyError(f"{file} is not a served file of {chosen.folder}")
    return f"/static/vendor/{chosen.folder}/{file}"


def missing(vendor: Path = VENDOR) -> list[str]:
    """The served files not on disk, as `folder/file` (empty once set-up has run)."""
    return [
        f"{p.folder}/{f}"
        for p in PACKAGES
        for f in p.files
        if not (vendor / p.folder / f).is_file()
    ]


def installed(chosen: Package, vendor: Path) -> bool:
    folder = vendor / chosen.folder
    marker = folder / MARKER
    if not marker.is_file() or marker.read_text(encoding="ascii").strip() != chosen.sha256:
        return False
    return all((folder / f).is_file() for f in (*chosen.files, *chosen.licenses))


def download(chosen: Package) -> bytes:
    """The tarball's bytes, refused unless their sha256 is the pinned one."""
    try:
        with urllib.request.urlopen(chosen.url, timeout=TIMEOUT) as response:
            data: bytes = response.read()
    except OSError as exc:
        raise AssetError(f"{chosen.url}: cannot be fetched ({exc})") from None
    return verified(chosen, data)


def verified(chosen: Package, data: bytes) -> bytes:
    digest = hashlib.sha256(data).hexdigest()
    if digest != chosen.sha256:
        raise AssetError(f"{chosen.url}: sha256 is {digest}, expected {chosen.sha256}")
    return data


def unpack(chosen: Package, data: bytes, vendor: Path) -> None:
    """Write the pinned files (never any other member) into the package's folder, whole."""
    staging = vendor / f".partial-{chosen.folder.replace('/', '-')}"
    shutil.rmtree(staging, ignore_errors=True)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        for file in (*chosen.files, *chosen.licenses):
            target = staging / _safe(file)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(_member(archive, chosen, file))
    (staging / MARKER).write_text(chosen.sha256 + "\n", encoding="ascii")
    final = vendor / chosen.folder
    final.parent.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(final, ignore_errors=True)
    os.replace(staging, final)


def _safe(file: str) -> PurePosixPath:
    path = PurePosixPath(file)
    if path.is_absolute() or ".." in path.parts:
        raise AssetError(f"{file}: a served file must be a relative path inside the package")
    return path


def _member(archive: tarfile.TarFile, chosen: Package, file: str) -> bytes:
    try:
        member = archive.extractfile(f"package/{file}")
    except KeyError:
        member = None
    if member is None:
        raise AssetError(f"{chosen.url}: has no file package/{file}")
    return member.read()


def notice() -> str:
    """What is vendored, from where, under which license (written beside the folders)."""
    entries = [
        {
            "package": p.folder,
            "tarball": p.url,
            "sha256": p.sha256,
            "files": list(p.files),
            "license_files": [f"{p.folder}/{f}" for f in p.licenses],
            "note": p.note,
        }
        for p in PACKAGES
    ]
    return json.dumps(entries, indent=2) + "\n"


def fetch_all(vendor: Path = VENDOR, log: TextIO | None = None) -> int:
    """Fetch and unpack every package not yet unpacked at its pinned checksum; how many."""
    vendor.mkdir(parents=True, exist_ok=True)
    fetched = 0
    for chosen in PACKAGES:
        if installed(chosen, vendor):
            continue
        print(f"fetching {chosen.url}", file=log or sys.stderr)
        unpack(chosen, download(chosen), vendor)
        fetched += 1
    (vendor / "NOTICE.json").write_text(notice(), encoding="utf-8")
    return fetched


def main() -> int:
    try:
        fetch_all()
    except AssetError as exc:
        print(f"server.assets: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
