"""Maps in and out of other tools: mind maps, outlines and spreadsheets of notes.

Qt-free. Each format module reads bytes into an `Outline` (a plain tree with the
fields a C-K node can take) and writes a session's tree back out; `graft` turns
an outline into nodes of a session, as one operation that is undone whole.
"""
