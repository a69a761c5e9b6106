"""Real images for the attachment tests, made with QtGui at test time."""

from __future__ import annotations

import struct

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage, QImageWriter, QPainter


def two_colour_image(width: int, height: int) -> QImage:
    """Red on the left half, blue on the right (orientation is visible in the pixels)."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(30, 60, 230))
    painter = QPainter(image)
    painter.fillRect(0, 0, width // 2, height, QColor(230, 30, 30))
    painter.end()
    return image


def encode(image: QImage, fmt: str, quality: int = 90) -> bytes:
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, fmt.encode("ascii"))
    writer.setQuality(quality)
    assert writer.write(image)
    return bytes(array.data())


def gif_frames(count: int, size: int = 4) -> bytes:
    """A GIF89a with `count` frames (Qt cannot write GIF, so the bytes are made here).

    Each frame is one colour from a 2-entry palette, LZW-coded with 2-bit codes.
    """
    out = bytearray(b"GIF89a")
    out += struct.pack("<HHBBB", size, size, 0x80, 0, 0)  # global colour table, 2 entries
    out += bytes([255, 0, 0, 0, 0, 255])
    if count > 1:  # NETSCAPE2.0 loop extension, as animated GIFs carry
        out += b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"
    for frame in range(count):
        out += b"\x21\xf9\x04\x00\x0a\x00\x00\x00"  # graphic control: 0.1 s delay
        out += b"\x2c" + struct.pack("<HHHHB", 0, 0, size, size, 0)
        out += bytes([2]) + _lzw([frame % 2] * (size * size))
    out += b"\x3b"
    return bytes(out)


def _lzw(pixels: list[int]) -> bytes:
    """Minimal GIF LZW with min code size 2: clear, then every pixel as a literal, end.

    Emitting a clear code often enough keeps the code width at 3 bits.
    """
    clear, end = 4, 5
    codes: list[int] = [clear]
    for number, pixel in enumerate(pixels):
        if number and number % 2 == 0:
            codes.append(clear)
        codes.append(pixel)
    codes.append(end)
    bits = 0
    nbits = 0
    data = bytearray()
    for code in codes:
        bits |= code << nbits
        nbits += 3
        while nbits >= 8:
            data.append(bits & 0xFF)
            bits >>= 8
            nbits -= 8
    if nbits:
        data.append(bits & 0xFF)
    blocks = bytearray()
    for start in range(0, len(data), 255):
        chunk = data[start:start + 255]
        blocks += bytes([len(chunk)]) + chunk
    return bytes(blocks) + b"\x00"


def landscape(width: int, height: int) -> QImage:
    """A small painted scene (sky, sun, hills): something recognisable in screenshots."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QLinearGradient, QPainterPath

    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    sky = QLinearGradient(QPointF(0, 0), QPointF(0, height))
    sky.setColorAt(0, QColor(70, 130, 210))
    sky.setColorAt(1, QColor(250, 190, 120))
    painter.fillRect(image.rect(), sky)
    painter.setPen(QColor(0, 0, 0, 0))
    painter.setBrush(QColor(255, 230, 120))
    painter.drawEllipse(QPointF(width * 0.7, height * 0.4), height * 0.12, height * 0.12)
    for shade, base, amplitude in ((QColor(60, 120, 70), 0.72, 0.10),
                                   (QColor(40, 90, 55), 0.82, 0.08)):
        hills = QPainterPath(QPointF(0, height))
        hills.lineTo(0, height * base)
        hills.cubicTo(width * 0.3, height * (base - amplitude), width * 0.6,
                      height * (base + amplitude), width, height * (base - amplitude / 2))
        hills.lineTo(width, height)
        painter.setBrush(shade)
        painter.drawPath(hills)
    painter.end()
    return image
