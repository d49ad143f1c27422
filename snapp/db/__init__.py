"""Persistence: the SQLAlchemy mapping, the engine, and the Alembic migrations."""
