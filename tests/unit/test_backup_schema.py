"""Restore compares schemas by their definitions, not by the order Alembic's batch mode happened to write them in."""

from snapp.db.backup import _canonical

ONE = """CREATE TABLE "serials" (
\tid INTEGER NOT NULL, 
\tCONSTRAINT pk_serials PRIMARY KEY (id), 
\tCONSTRAINT fk_serials_item_id_items FOREIGN KEY(item_id) REFERENCES items (id), 
\tCONSTRAINT uq_serials_item_id_serial UNIQUE (item_id, serial)
)"""
REORDERED = """CREATE TABLE "serials" (
\tid INTEGER NOT NULL, 
\tCONSTRAINT uq_serials_item_id_serial UNIQUE (item_id, serial), 
\tCONSTRAINT pk_serials PRIMARY KEY (id), 
\tCONSTRAINT fk_serials_item_id_items FOREIGN KEY(item_id) REFERENCES items (id)
)"""


def test_the_same_definitions_in_another_order_are_the_same_table():
    assert _canonical(ONE) == _canonical(REORDERED)


def test_a_changed_or_added_definition_is_another_table():
    assert _canonical(ONE) != _canonical(ONE.replace("UNIQUE (item_id, serial)", "UNIQUE (serial)"))
    assert _canonical(ONE) != _canonical(ONE.replace("NOT NULL, ", "NOT NULL, \n\tx TEXT, "))
