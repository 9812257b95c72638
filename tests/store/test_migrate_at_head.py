"""Start-up skips Alembic when the store's schema is already at head (checked with sqlite3)."""

from __future__ import annotations

import subprocess
import sys

from ker_field.store import migrate
from ker_field.store.engine import make_engine
from ker_field.store.local import LocalStore
from ker_field.store.paths import DB_FILENAME


def test_script_heads_read_as_text_match_alembic():
    assert migrate.script_heads() == {migrate.head_revision()}


def test_at_head_only_when_the_file_is_at_the_latest_revision(tmp_path):
    db = tmp_path / DB_FILENAME
    assert not migrate.at_head(db)  # no file yet
    engine = make_engine(db)
    migrate.upgrade(engine, "0001")  # a device last opened long ago
    engine.dispose()
    assert not migrate.at_head(db)
    store = LocalStore.open(tmp_path)  # upgrades in place
    try:
        assert migrate.current_revision(store.engine) == migrate.head_revision()
        assert migrate.at_head(db)
    finally:
        store.close()


def test_opening_a_store_at_head_does_not_import_alembic(tmp_path):
    LocalStore.open(tmp_path).close()
    code = (
        "import sys; from ker_field.store.local import LocalStore; "
        f"LocalStore.open({str(tmp_path)!r}).close(); print('alembic' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
