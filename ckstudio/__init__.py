"""CK Studio: a tool for C-K design-theory co-creation workshops."""

__version__ = "0.1.0"
