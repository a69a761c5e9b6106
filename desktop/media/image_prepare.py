"""Images made ready to send: EXIF orientation applied, downscaled, re-encoded, or refused.

Pure functions on bytes using QtGui's image readers only (QImageReader and QImage work in any
thread and need no widgets), so they run in worker threads; no Pillow (bundle size).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader, QImageWriter

from desktop.core.image_metadata import strip_metadata, webp_has_metadata
from desktop.core.settings import Settings

DEFAULT_MAX_SIDE = int(Settings.default("attachments.max_image_side"))
MAX_INPUT_BYTES = 20 * 1024 * 1024  # an image file (the store takes documents up to 50 MB)
MAX_PIXELS = 100_000_000
JPEG_QUALITY = 90


translate = QCoreApplication.translate  # lupdate collects translate("PrepareImage", …)

# Raster formats a vision model can be sent (after re-encoding where needed). Qt also reads
# PDF and SVG through plugins; those are documents, not photos, and are refused.
_ACCEPTED = {"jpeg", "jpg", "jfif", "png", "gif", "webp", "bmp", "tif", "tiff"}
# Formats whose bytes are sent unchanged when no scaling or rotation is needed.
_KEPT = {"jpeg": "image/jpeg", "jpg": "image/jpeg", "jfif": "image/jpeg", "png": "image/png",
         "gif": "image/gif", "webp": "image/webp"}


class AttachmentError(Exception):
    """The file cannot be attached; the message says why, for the user."""


@dataclass(frozen=True)
class PreparedImage:
    """What goes into the message: encoded bytes, their MIME type, a display name, the size."""

    data: bytes
    mime: str
    name: str
    width: int
    height: int
    changed: bool  # re-encoded (scaled, rotated or converted) rather than the original bytes


def _megabytes(size: int) -> str:
    return f"{size / 1048576:.1f}"


def _refuse(name: str, reason: str) -> AttachmentError:
    shown = name or translate("PrepareImage", "The image")
    return AttachmentError(
        translate("PrepareImage", "{0} cannot be attached: {1}").format(shown, reason))


def _apng_frames(data: bytes) -> int:
    """Frames an animated PNG declares (its acTL chunk, before the image data), else 1."""
    pos = 8
    while pos + 8 <= len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        kind = data[pos + 4:pos + 8]
        if kind == b"acTL" and pos + 12 <= len(data):
            return int.from_bytes(data[pos + 8:pos + 12], "big")
        if kind in (b"IDAT", b"IEND"):
            return 1
        pos += 12 + length
    return 1


def _truncated(data: bytes, fmt: str) -> bool:
    """Qt shows a cut-off JPEG or PNG with grey rows instead of failing: look for the end."""
    if fmt in ("jpeg", "jpg", "jfif"):
        scan = data.find(b"\xff\xda")  # the first scan; an EXIF thumbnail's end is before it
        return scan < 0 or data.find(b"\xff\xd9", scan) < 0
    if fmt == "png":
        return data.rfind(b"IEND") < 0
    return False


def _has_transparency(image: QImage) -> bool:
    """True when some pixel is not fully opaque (an alpha channel alone is not enough)."""
    if not image.hasAlphaChannel():
        return False
    alpha = image.convertToFormat(QImage.Format.Format_Alpha8)
    width, stride = alpha.width(), alpha.bytesPerLine()
    bits = bytes(alpha.constBits())
    return any(
        bits.count(255, y * stride, y * stride + width) != width for y in range(alpha.height())
    )


def _encode(image: QImage, fmt: str, quality: int) -> bytes:
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, fmt.encode("ascii"))
    writer.setQuality(quality)
    if not writer.write(image):
        raise AttachmentError(translate(
            "PrepareImage", "The image could not be encoded as {0}.").format(fmt))
    buffer.close()
    return bytes(array.data())


def _renamed(name: str, extension: str) -> str:
    if not name:
        return f"image.{extension}"
    path = Path(name)
    return path.name if path.suffix.lower() == f".{extension}" else f"{path.stem}.{extension}"


def prepare_image(data: bytes, name: str, max_side: int = DEFAULT_MAX_SIDE) -> PreparedImage:
    """Check, orient and downscale an image for sending; AttachmentError says why not.

    The longest side is brought down to `max_side` (smooth scaling) and the result encoded as
    JPEG (quality 90), or PNG where some pixel is transparent. An image that needs no change
    keeps its original bytes, less its private metadata (EXIF, XMP, text chunks).
    """
    if len(data) > MAX_INPUT_BYTES:
        raise _refuse(name, translate(
            "PrepareImage", "the file is {0} MB; the limit is {1} MB.").format(
            _megabytes(len(data)), _megabytes(MAX_INPUT_BYTES)))
    if not data:
        raise _refuse(name, translate("PrepareImage", "the file is empty."))
    array = QByteArray(data)
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    fmt = bytes(reader.format().data()).decode("ascii", "replace").lower()
    if fmt not in _ACCEPTED:
        raise _refuse(name, translate(
            "PrepareImage", "it is not an image in a known format "
                            "(JPEG, PNG, GIF, WebP, BMP or TIFF)."))
    size = reader.size()
    if size.isValid() and size.width() * size.height() > MAX_PIXELS:
        raise _refuse(name, translate(
            "PrepareImage", "it has {0} megapixels; the limit is {1}.").format(
            round(size.width() * size.height() / 1e6), MAX_PIXELS // 1_000_000))
    frames = _apng_frames(data) if fmt == "png" else reader.imageCount()
    if frames > 1 or (reader.supportsAnimation() and reader.imageCount() > 1):
        raise _refuse(name, translate(
            "PrepareImage", "it is animated ({0} frames); attach a still image.").format(
            max(frames, reader.imageCount())))
    if _truncated(data, fmt):
        raise _refuse(name, translate(
            "PrepareImage", "the file is cut off (incomplete or corrupt)."))
    rotated = reader.transformation() != QImageIOHandler.Transformation.TransformationNone
    scale = size.isValid() and max(size.width(), size.height()) > max_side
    if scale:
        # Decoding straight to the smaller size is much faster for JPEG and saves memory;
        # the longest side stays the longest after an EXIF rotation.
        reader.setScaledSize(size.scaled(QSize(max_side, max_side),
                                         Qt.AspectRatioMode.KeepAspectRatio))
    reader.setAllocationLimit(0)  # the megapixel check above is the limit
    image = reader.read()
    if image.isNull():
        raise _refuse(name, translate(
            "PrepareImage", "it could not be decoded ({0}).").format(reader.errorString()))
    if max(image.width(), image.height()) > max_side:  # a reader that ignored the scaled size
        image = image.scaled(QSize(max_side, max_side), Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    if not scale and not rotated and fmt in _KEPT and not webp_has_metadata(data):
        # Sent as it is, but without the EXIF/XMP/text blocks (GPS position, camera serial).
        mime = _KEPT[fmt]
        return PreparedImage(strip_metadata(data, mime), mime, name or f"image.{fmt}",
                             image.width(), image.height(), changed=False)
    return _reencoded(image, name)


def _reencoded(image: QImage, name: str) -> PreparedImage:
    """JPEG at quality 90, or PNG when some pixel is transparent."""
    if _has_transparency(image):
        encoded, mime, extension = _encode(image, "PNG", -1), "image/png", "png"
    else:
        opaque = image.convertToFormat(QImage.Format.Format_RGB32)
        encoded, mime, extension = _encode(opaque, "JPEG", JPEG_QUALITY), "image/jpeg", "jpg"
    return PreparedImage(encoded, mime, _renamed(name, extension), image.width(),
                         image.height(), changed=True)


def prepare_file(path: Path, max_side: int = DEFAULT_MAX_SIDE,
                 name: str | None = None) -> PreparedImage:
    """`prepare_image` on a file, refusing an oversize one before reading it (blocking).

    `name` is what the user sees (a stored attachment's file is named by its hash).
    """
    name = name or path.name
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise _refuse(name, translate(
                "PrepareImage", "the file is {0} MB; the limit is {1} MB.").format(
                _megabytes(size), _megabytes(MAX_INPUT_BYTES)))
        data = path.read_bytes()
    except OSError as exc:
        raise _refuse(name, exc.strerror or str(exc)) from exc
    return prepare_image(data, name, max_side)


def prepare_qimage(image: QImage, name: str, max_side: int = DEFAULT_MAX_SIDE) -> PreparedImage:
    """A pasted bitmap (no file behind it): PNG if it fits, else scaled and re-encoded."""
    if image.isNull():
        raise _refuse(name, translate("PrepareImage", "the clipboard held no readable image."))
    if image.width() * image.height() > MAX_PIXELS:
        raise _refuse(name, translate(
            "PrepareImage", "it has {0} megapixels; the limit is {1}.").format(
            round(image.width() * image.height() / 1e6), MAX_PIXELS // 1_000_000))
    if max(image.width(), image.height()) > max_side:  # scaled before any encoding
        return _reencoded(image.scaled(QSize(max_side, max_side),
                                       Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation), name)
    return prepare_image(_encode(image, "PNG", -1), name, max_side)
