"""prepare_image on real images made here: orientation, downscaling, formats and refusals."""

from __future__ import annotations

import struct
import time
import zlib
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from desktop.media.image_prepare import (
    MAX_INPUT_BYTES,
    AttachmentError,
    prepare_file,
    prepare_image,
    prepare_qimage,
)
from tests.helpers.sample_images import encode, gif_frames, two_colour_image


def decode(data: bytes) -> QImage:
    image = QImage()
    assert image.loadFromData(data)
    return image


def with_exif_orientation(jpeg: bytes, orientation: int) -> bytes:
    """The JPEG with an APP1 Exif segment holding one IFD0 entry: Orientation (0x0112)."""
    tiff = b"MM\x00\x2a" + struct.pack(">I", 8)
    ifd = struct.pack(">H", 1) + struct.pack(">HHIHH", 0x0112, 3, 1, orientation, 0)
    ifd += struct.pack(">I", 0)
    payload = b"Exif\x00\x00" + tiff + ifd
    segment = b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
    assert jpeg[:2] == b"\xff\xd8"
    return jpeg[:2] + segment + jpeg[2:]


def test_exif_orientation_6_is_applied(qapp: QApplication) -> None:
    # 40x20: red on the left, blue on the right. Orientation 6 = rotate 90° clockwise,
    # so the shown image is 20x40 with red on top.
    source = with_exif_orientation(encode(two_colour_image(40, 20), "JPEG"), 6)
    assert decode(source).size().width() == 40  # a reader without auto-transform: as stored
    prepared = prepare_image(source, "photo.jpg")
    assert (prepared.width, prepared.height) == (20, 40)
    assert prepared.changed and prepared.mime == "image/jpeg"
    result = decode(prepared.data)
    assert (result.width(), result.height()) == (20, 40)  # no EXIF left to rotate it again
    top, bottom = QColor(result.pixel(10, 5)), QColor(result.pixel(10, 35))
    assert top.red() > 200 and top.blue() < 60
    assert bottom.blue() > 200 and bottom.red() < 60


def test_exif_is_dropped_from_a_photo_sent_as_it_is(qapp: QApplication) -> None:
    """Orientation 1 needs no re-encoding; the EXIF block (it can hold GPS) is removed."""
    plain = encode(two_colour_image(40, 20), "JPEG")
    source = with_exif_orientation(plain, 1)
    assert b"Exif" in source
    prepared = prepare_image(source, "photo.jpg")
    assert not prepared.changed and prepared.mime == "image/jpeg"
    assert b"Exif" not in prepared.data
    assert prepared.data == plain  # the picture's own bytes, untouched
    assert decode(prepared.data).size() == decode(source).size()


def test_large_image_downscaled_to_2048(qapp: QApplication) -> None:
    source = encode(two_colour_image(4000, 3000), "JPEG")
    started = time.perf_counter()
    prepared = prepare_image(source, "big.jpg")
    print(f"4000x3000 JPEG prepared in {1000 * (time.perf_counter() - started):.0f} ms, "
          f"{len(source) // 1024} KiB -> {len(prepared.data) // 1024} KiB")
    assert (prepared.width, prepared.height) == (2048, 1536)
    result = decode(prepared.data)
    assert (result.width(), result.height()) == (2048, 1536)
    assert prepared.data[:3] == b"\xff\xd8\xff" and prepared.mime == "image/jpeg"


def test_max_side_is_configurable_and_png_photo_becomes_jpeg(qapp: QApplication) -> None:
    prepared = prepare_image(encode(two_colour_image(1000, 500), "PNG"), "shot.png", 400)
    assert (prepared.width, prepared.height) == (400, 200)
    assert prepared.mime == "image/jpeg" and prepared.name == "shot.jpg"


def test_png_with_transparency_stays_png(qapp: QApplication) -> None:
    image = QImage(3000, 1000, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    painter.fillRect(0, 0, 1500, 1000, QColor(20, 200, 20))
    painter.end()
    prepared = prepare_image(encode(image, "PNG"), "logo.png")
    assert prepared.mime == "image/png" and prepared.data.startswith(b"\x89PNG")
    assert (prepared.width, prepared.height) == (2048, 682)
    result = decode(prepared.data)
    assert result.hasAlphaChannel()
    assert QColor.fromRgba(result.pixel(2000, 500)).alpha() == 0


def test_opaque_alpha_channel_is_not_transparency(qapp: QApplication) -> None:
    image = QImage(3000, 100, QImage.Format.Format_ARGB32)
    image.fill(QColor(200, 30, 30, 255))
    prepared = prepare_image(encode(image, "PNG"), "opaque.png")
    assert prepared.mime == "image/jpeg"


def test_small_image_keeps_its_bytes(qapp: QApplication) -> None:
    source = encode(two_colour_image(300, 200), "PNG")
    prepared = prepare_image(source, "small.png")
    assert prepared.data == source and not prepared.changed
    assert (prepared.mime, prepared.name) == ("image/png", "small.png")


def test_animated_gif_refused(qapp: QApplication) -> None:
    with pytest.raises(AttachmentError, match="animated"):
        prepare_image(gif_frames(2), "spinner.gif")
    # A single-frame GIF is a still image.
    assert prepare_image(gif_frames(1), "still.gif").mime == "image/gif"


def test_animated_png_refused(qapp: QApplication) -> None:
    png = encode(two_colour_image(8, 8), "PNG")
    actl = b"acTL" + struct.pack(">II", 3, 0)
    chunk = struct.pack(">I", 8) + actl + struct.pack(">I", zlib.crc32(actl))
    ihdr_end = 8 + 8 + 13 + 4
    with pytest.raises(AttachmentError, match="animated"):
        prepare_image(png[:ihdr_end] + chunk + png[ihdr_end:], "anim.png")


def test_truncated_jpeg_refused(qapp: QApplication) -> None:
    source = encode(two_colour_image(400, 300), "JPEG")
    with pytest.raises(AttachmentError, match="cut off"):
        prepare_image(source[: len(source) * 2 // 3], "broken.jpg")


def test_corrupt_png_refused(qapp: QApplication) -> None:
    source = bytearray(encode(two_colour_image(400, 300), "PNG"))
    source[60:400] = b"\x00" * 340  # image data garbled, the end still there
    with pytest.raises(AttachmentError):
        prepare_image(bytes(source), "garbled.png")


def test_text_file_refused(qapp: QApplication, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("just some text, not a picture\n" * 20)
    with pytest.raises(AttachmentError, match=r"notes\.txt.*not an image"):
        prepare_file(notes)


def test_pdf_refused(qapp: QApplication) -> None:
    with pytest.raises(AttachmentError, match="not an image"):
        prepare_image(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", "doc.pdf")


def test_oversize_file_refused_before_reading(qapp: QApplication, tmp_path: Path) -> None:
    big = tmp_path / "huge.jpg"
    with big.open("wb") as out:
        out.truncate(MAX_INPUT_BYTES + 1)  # sparse: nothing is written or read
    with pytest.raises(AttachmentError, match=r"limit is 20\.0 MB"):
        prepare_file(big)
    with pytest.raises(AttachmentError, match="limit"):
        prepare_image(b"\xff\xd8\xff" + b"\x00" * MAX_INPUT_BYTES, "huge.jpg")


def test_too_many_megapixels_refused(qapp: QApplication) -> None:
    # A PNG header that claims 12000x9000 (108 MP); the size check comes before decoding.
    image = QImage(12000, 9000, QImage.Format.Format_Mono)
    image.fill(0)
    with pytest.raises(AttachmentError, match="megapixels"):
        prepare_image(encode(image, "PNG"), "poster.png")


def test_pasted_bitmap_kept_lossless_or_scaled(qapp: QApplication) -> None:
    small = prepare_qimage(two_colour_image(800, 600), "pasted-image.png")
    assert small.mime == "image/png" and (small.width, small.height) == (800, 600)
    assert decode(small.data).pixelColor(10, 10) == two_colour_image(800, 600).pixelColor(10, 10)
    started = time.perf_counter()
    big = prepare_qimage(two_colour_image(5120, 2880), "pasted-image.png")
    print(f"5120x2880 pasted bitmap prepared in {1000 * (time.perf_counter() - started):.0f} ms")
    assert big.mime == "image/jpeg" and (big.width, big.height) == (2048, 1152)
    assert big.name == "pasted-image.jpg"
