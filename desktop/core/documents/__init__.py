"""Documents attached to a message: text extraction (PDF, Word, text files), limits, tokens.

Pure Python (pypdf, python-docx, charset-normalizer); no Qt. Everything here blocks: run it
in a worker thread.
"""
