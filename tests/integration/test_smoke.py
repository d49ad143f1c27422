from snapp.db.schema import current_revision, head_revision


def test_fresh_database_is_at_head(db):
    assert current_revision(db) == head_revision()
