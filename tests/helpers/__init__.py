"""What the tests share, each helper in one place (tests/README.md)."""
