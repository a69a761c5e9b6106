"""Private metadata is dropped from JPEG and PNG bytes without touching the picture data."""

from __future__ import annotations

import struct
import zlib

from desktop.core.image_metadata import (
    strip_jpeg_metadata,
    strip_metadata,
    strip_png_metadata,
    webp_has_metadata,
)

GPS = b"GPSLatitude 59.3293 N GPSLongitude 18.0686 E"


def segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def jpeg(*segments: bytes) -> bytes:
    scan = segment(0xDA, b"\x01\x01\x00\x00\x3f\x00") + b"\x12\xff\x00\x34\xff\xd0\x56"
    return b"\xff\xd8" + b"".join(segments) + scan + b"\xff\xd9"


def test_jpeg_loses_exif_xmp_iptc_and_comments_but_keeps_colour_and_tables() -> None:
    jfif = segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    icc = segment(0xE2, b"ICC_PROFILE\x00\x01\x01profile")
    adobe = segment(0xEE, b"Adobe\x00\x64\x00\x00\x00\x00\x01")
    tables = segment(0xDB, bytes(65)) + segment(0xC0, b"\x08\x00\x10\x00\x10\x01\x01\x11\x00")
    private = [segment(0xE1, b"Exif\x00\x00" + GPS), segment(0xE1, b"http://ns.adobe.com/xap/"
               + GPS), segment(0xED, b"Photoshop 3.0\x00" + GPS), segment(0xFE, b"owner: A. N.")]
    source = jpeg(jfif, *private, icc, adobe, tables)
    stripped = strip_jpeg_metadata(source)
    assert GPS not in stripped and b"owner" not in stripped
    assert stripped == jpeg(jfif, icc, adobe, tables)  # everything else byte for byte
    assert strip_metadata(source, "image/jpeg") == stripped


def test_jpeg_without_metadata_is_unchanged_and_malformed_is_left_alone() -> None:
    clean = jpeg(segment(0xE0, b"JFIF\x00"))
    assert strip_jpeg_metadata(clean) == clean
    cut = jpeg(segment(0xE1, b"Exif\x00\x00" + GPS))[:12]
    assert strip_jpeg_metadata(cut) == cut  # the decoder afterwards refuses it
    assert strip_jpeg_metadata(b"not a jpeg") == b"not a jpeg"


def chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def test_png_loses_text_time_and_exif_chunks() -> None:
    signature = b"\x89PNG\r\n\x1a\n"
    header = chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
    colour = chunk(b"gAMA", struct.pack(">I", 45455))
    data = chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
    end = chunk(b"IEND", b"")
    private = [chunk(b"tEXt", b"Author\x00A. N."), chunk(b"eXIf", b"MM\x00\x2a" + GPS),
               chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + GPS),
               chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(GPS)),
               chunk(b"tIME", b"\x07\xea\x0c\x02\x0c\x00\x00")]
    source = signature + header + colour + private[0] + private[1] + data + b"".join(
        private[2:]) + end
    stripped = strip_png_metadata(source)
    assert stripped == signature + header + colour + data + end
    assert strip_metadata(source, "image/png") == stripped
    assert strip_png_metadata(source[:-6]) == source[:-6]  # no IEND: left alone


def test_webp_metadata_is_detected() -> None:
    def riff(*chunks: bytes) -> bytes:
        body = b"WEBP" + b"".join(chunks)
        return b"RIFF" + struct.pack("<I", len(body)) + body

    def webp_chunk(kind: bytes, data: bytes) -> bytes:
        return kind + struct.pack("<I", len(data)) + data + (b"\x00" if len(data) % 2 else b"")

    image = webp_chunk(b"VP8 ", b"\x00" * 11)
    assert not webp_has_metadata(riff(image))
    assert webp_has_metadata(riff(webp_chunk(b"VP8X", b"\x08" + b"\x00" * 9), image,
                                  webp_chunk(b"EXIF", GPS)))
    assert webp_has_metadata(riff(image, webp_chunk(b"XMP ", GPS)))
    assert strip_metadata(riff(image), "image/webp") == riff(image)
