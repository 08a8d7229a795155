"""Dojang's domain layer. Nothing under core/ may import Qt."""
__version__ = "0.1.0"
