"""Schemathesis hooks for the hostile-input suite (loaded through the generated schemathesis.toml).

The evidence upload declares every accepted file type on its `file` part (`encoding.file.contentType`).
Schemathesis ships serializers for images and plain text only, so the document and office types
are sent as raw bytes, like `application/octet-stream`.
"""

import schemathesis

schemathesis.serializer.alias(
    [
        "application/pdf",
        "application/msword",
        "application/vnd.ms-excel",
        "application/vnd.ms-powerpoint",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.oasis.opendocument.text",
        "image/pjpeg",
        "image/webp",
    ],
    "application/octet-stream",
)
