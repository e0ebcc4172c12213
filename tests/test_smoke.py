from pathlib import Path

from loaders import read_document

DATA = Path(__file__).resolve().parent.parent / "data"


def test_read_document_reads_the_embedded_default() -> None:
    document = read_document(DATA / "micc-2007-2008.txt")
    assert document.portfolio == "Immigration et Communautés culturelles"
    assert [p.number for p in document.programs] == [1, 2]
