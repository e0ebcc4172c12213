"""The vendored GraphiQL files: pinned tarballs, checked, unpacked file by file."""

from __future__ import annotations

import hashlib
import io
import re
import tarfile
from pathlib import Path

import pytest

from server import assets
from server.assets import PACKAGES, VENDOR, AssetError, Package, fetch_all, missing, unpack


def tarball(files: dict[str, bytes]) -> bytes:
    """An npm-style tarball: every file under `package/`."""
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return out.getvalue()


def pinned(data: bytes, files: tuple[str, ...] = ("dist/app.js",)) -> Package:
    return Package("@scope/app", "1.2.3", hashlib.sha256(data).hexdigest(), files)


def test_every_package_is_a_registry_tarball_pinned_by_sha256() -> None:
    for chosen in PACKAGES:
        assert chosen.url.startswith("https://registry.npmjs.org/")
        assert chosen.url.endswith(f"-{chosen.version}.tgz")
        assert re.fullmatch(r"[0-9a-f]{64}", chosen.sha256)
        assert chosen.licenses or chosen.note  # where its license is, when it has no file


def test_a_scoped_package_url_follows_the_registry() -> None:
    chosen = Package("@graphiql/plugin-explorer", "4.0.6", "0" * 64, ())
    assert chosen.url == (
        "https://registry.npmjs.org/@graphiql/plugin-explorer/-/plugin-explorer-4.0.6.tgz"
    )
    assert chosen.folder == "@graphiql/plugin-explorer@4.0.6"


def test_unpack_writes_the_pinned_files_and_license_only(tmp_path: Path) -> None:
    data = tarball(
        {
            "package/dist/app.js": b"app()",
            "package/LICENSE": b"MIT License",
            "package/dist/app.js.map": b"{}",
            "package/../../escape.js": b"evil()",
        }
    )
    chosen = pinned(data)
    unpack(chosen, assets.verified(chosen, data), tmp_path)
    folder = tmp_path / "@scope" / "app@1.2.3"
    found = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert found == [f"@scope/app@1.2.3/{n}" for n in (".sha256", "LICENSE", "dist/app.js")]
    assert (folder / "dist" / "app.js").read_bytes() == b"app()"
    assert assets.installed(chosen, tmp_path)


def test_a_tarball_with_another_checksum_is_refused() -> None:
    chosen = pinned(b"the pinned bytes")
    with pytest.raises(
        AssetError, match=f"{re.escape(chosen.url)}: sha256 is [0-9a-f]{{64}}, expected"
    ):
        assets.verified(chosen, b"other bytes")


def test_a_tarball_without_a_pinned_file_is_refused(tmp_path: Path) -> None:
    data = tarball({"package/LICENSE": b"MIT"})
    with pytest.raises(AssetError, match="has no file package/dist/app.js"):
        unpack(pinned(data), data, tmp_path)
    assert not (tmp_path / "@scope" / "app@1.2.3").exists()


def test_fetch_all_fetches_only_what_is_not_unpacked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tarball({"package/dist/app.js": b"app()", "package/LICENSE": b"MIT"})
    chosen = pinned(data)
    fetched: list[str] = []

    def download(wanted: Package) -> bytes:
        fetched.append(wanted.folder)
        return data

    monkeypatch.setattr(assets, "PACKAGES", (chosen,))
    monkeypatch.setattr(assets, "download", download)
    assert (fetch_all(tmp_path, io.StringIO()), fetch_all(tmp_path, io.StringIO())) == (1, 0)
    assert fetched == ["@scope/app@1.2.3"]
    assert '"sha256": "' + chosen.sha256 in (tmp_path / "NOTICE.json").read_text()


def test_set_up_unpacked_every_served_file_with_its_license() -> None:
    assert missing(VENDOR) == []
    for chosen in PACKAGES:
        folder = VENDOR / chosen.folder
        assert (folder / assets.MARKER).read_text().strip() == chosen.sha256
        for license_file in chosen.licenses:
            assert "MIT License" in (folder / license_file).read_text(encoding="utf-8")
