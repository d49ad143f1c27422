"""Plain-Python rules of SNApp: no SQLAlchemy, no Qt."""
