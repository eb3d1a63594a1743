"""netcheck: audit a government department's portal the way the disclosure office's 网查 does."""

__version__ = "0.1.0"
