"""Real documents for the attachment tests, written at test time with pypdf and python-docx."""

from __future__ import annotations

import io
import zipfile
import zlib

import docx
from pypdf import PdfWriter
from pypdf.generic import (
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    StreamObject,
)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _font(writer: PdfWriter) -> DictionaryObject:
    font = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
        NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
    })
    return DictionaryObject({NameObject("/F1"): writer._add_object(font)})


def _image_xobject(writer: PdfWriter, jpeg: bytes | None, side: int) -> object:
    image = StreamObject()
    image.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Image"),
        NameObject("/Width"): NumberObject(side),
        NameObject("/Height"): NumberObject(side),
        NameObject("/BitsPerComponent"): NumberObject(8),
    })
    if jpeg is not None:
        image[NameObject("/ColorSpace")] = NameObject("/DeviceRGB")
        image[NameObject("/Filter")] = NameObject("/DCTDecode")
        image._data = jpeg
    else:  # grey stripes, Flate-compressed raw pixels
        image[NameObject("/ColorSpace")] = NameObject("/DeviceGray")
        image[NameObject("/Filter")] = NameObject("/FlateDecode")
        pixels = bytes((0 if (x // 8) % 2 else 220) for _y in range(side) for x in range(side))
        image._data = zlib.compress(pixels)
    return writer._add_object(image)


def make_pdf(pages: list[str | None], *, password: str | None = None,
             jpeg: bytes | None = None, image_side: int = 64) -> bytes:
    """A PDF with one page per entry: its text (one line per text line), or None for a page
    holding only an image (a scan): a JPEG when `jpeg` is given, else grey pixels."""
    writer = PdfWriter()
    for content in pages:
        page = writer.add_blank_page(width=612, height=792)
        resources = DictionaryObject()
        if content is None:
            name = _image_xobject(writer, jpeg, image_side)
            resources[NameObject("/XObject")] = DictionaryObject({NameObject("/Im1"): name})
            ops = b"q 500 0 0 500 56 146 cm /Im1 Do Q"
        else:
            resources[NameObject("/Font")] = _font(writer)
            lines = [f"({_escape(line)}) Tj T*" for line in content.splitlines()]
            ops = ("BT /F1 12 Tf 14 TL 72 720 Td " + " ".join(lines) + " ET").encode("cp1252")
        page[NameObject("/Resources")] = resources
        stream = DecodedStreamObject()
        stream.set_data(ops)
        page[NameObject("/Contents")] = writer._add_object(stream)
    if password is not None:
        writer.encrypt(password, algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    """A Word document with these paragraphs and, after them, a table."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def zip_bomb_docx(inflated_mb: int = 64) -> bytes:
    """A zip that looks like a .docx whose document.xml inflates to `inflated_mb` MB."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        chunk = b"<w:t>" + b"A" * (1024 * 1024 - 11) + b"</w:t>"
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(inflated_mb):
                member.write(chunk)
    return out.getvalue()
