"""Private metadata taken out of image files before they leave the machine.

A photo that needs no scaling is sent as its own bytes (no re-encoding loss), but its EXIF
block can hold the place it was taken (GPS), the camera's serial number and the owner's
name. These functions drop such blocks losslessly, without decoding the picture:

- JPEG: APP1 (EXIF, XMP), APP13 (Photoshop/IPTC) and COM segments; JFIF, ICC colour profiles
  (APP2) and Adobe colour flags (APP14) stay, as they change how the picture looks.
- PNG: eXIf, tEXt, zTXt, iTXt and tIME chunks.
- WebP: its metadata lives in chunks whose removal means rewriting the container header;
  `webp_has_metadata` tells the caller to re-encode instead.

Anything malformed is returned unchanged: the decoder that runs afterwards judges it.
"""

from __future__ import annotations

SOI = b"\xff\xd8"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_JPEG_DROPPED = {0xE1, 0xED, 0xFE}  # APP1, APP13, COM
_PNG_DROPPED = {b"eXIf", b"tEXt", b"zTXt", b"iTXt", b"tIME"}
_SOS, _EOI, _TEM = 0xDA, 0xD9, 0x01


def strip_jpeg_metadata(data: bytes) -> bytes:
    """The JPEG without its EXIF/XMP/IPTC/comment segments (unchanged if malformed)."""
    if not data.startswith(SOI):
        return data
    out = bytearray(SOI)
    i, size = 2, len(data)
    while i + 2 <= size:
        if data[i] != 0xFF:
            return data
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte before a marker
            i += 1
            continue
        if marker in (_SOS, _EOI):  # entropy-coded data follows: copied as it is
            out += data[i:]
            return bytes(out)
        if 0xD0 <= marker <= 0xD7 or marker == _TEM:  # markers without a length
            out += data[i : i + 2]
            i += 2
            continue
        if i + 4 > size:
            return data
        length = int.from_bytes(data[i + 2 : i + 4], "big")
        end = i + 2 + length
        if length < 2 or end > size:
            return data
        if marker not in _JPEG_DROPPED:
            out += data[i:end]
        i = end
    return data


def strip_png_metadata(data: bytes) -> bytes:
    """The PNG without its text, time and EXIF chunks (unchanged if malformed)."""
    if not data.startswith(PNG_SIGNATURE):
        return data
    out = bytearray(PNG_SIGNATURE)
    i, size = len(PNG_SIGNATURE), len(data)
    while i + 12 <= size:
        length = int.from_bytes(data[i : i + 4], "big")
        kind = data[i + 4 : i + 8]
        end = i + 12 + length
        if end > size:
            return data
        if kind not in _PNG_DROPPED:
            out += data[i:end]
        i = end
        if kind == b"IEND":
            return bytes(out)
    return data


def webp_has_metadata(data: bytes) -> bool:
    """Whether a WebP file carries EXIF or XMP chunks."""
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        return False
    i = 12
    while i + 8 <= len(data):
        kind = data[i : i + 4]
        if kind in (b"EXIF", b"XMP "):
            return True
        length = int.from_bytes(data[i + 4 : i + 8], "little")
        i += 8 + length + (length & 1)
    return False


def strip_metadata(data: bytes, mime: str) -> bytes:
    """`data` without private metadata, for the formats that allow it losslessly."""
    if mime == "image/jpeg":
        return strip_jpeg_metadata(data)
    if mime == "image/png":
        return strip_png_metadata(data)
    return data
