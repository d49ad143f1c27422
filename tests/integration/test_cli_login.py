"""The command line's first run, login and user, backup and restore commands, as a script would drive them."""

from __future__ import annotations

from snapp_testkit import audit_entries, scalar


def test_first_run_then_logins(db, cli):
    status, _, err = cli("--user", "wang", "supplier", "list", password="whatever1")
    assert status == 2 and "no user yet" in err and "snapp user add NAME --role admin --password-stdin" in err

    status, _, err = cli("user", "add", "wang", "--role", "warehouse", "--password-stdin", stdin="wang's pass\n")
    assert status == 2 and "must be its admin, not warehouse" in err and "--role admin" in err
    assert cli("user", "add", "wang", "--role", "admin", "--password-stdin", stdin="wang's pass\n")[0] == 0

    # Once there is a user, adding another needs an admin's login: the login first, then the new password.
    status, out, _ = cli("--user", "wang", "user", "add", "li", "--role", "warehouse", "--password-stdin",
                           stdin="wang's pass\nli's password\n")  # fmt: skip
    assert status == 0 and "user li (warehouse) added" in out
    status, _, err = cli("--user", "nobody", "user", "add", "x", "--role", "admin", "--password-stdin",
                           stdin="guess1234\nx's password\n")  # fmt: skip
    assert status == 2 and "wrong user name or password" in err

    # SNAPP_PASSWORD logs in; stdin is then free for the new password.
    assert cli("--user", "li", "supplier", "list", password="li's password")[0] == 0
    status, _, err = cli("--user", "li", "supplier", "list")  # no password anywhere, stdin not a terminal
    assert status == 2 and "password" in err and "--password-stdin" in err
    status, out, _ = cli("--user", "li", "user", "passwd", "--password-stdin", stdin="li's password\nnew li pass\n")
    assert status == 0 and "password of li changed" in out
    assert cli("--user", "li", "supplier", "list", password="new li pass")[0] == 0
    status, _, err = cli("--user", "li", "user", "disable", "wang", password="new li pass")
    assert status == 2 and "may not do this" in err

    actions = [(e.user_name, e.action) for e in audit_entries(db)]
    assert ("nobody", "login.failed") in actions and ("li", "access.denied") in actions
    assert actions.count(("li", "login")) == 4


def test_lock_unlock_and_disable_from_the_command_line(db, cli):
    cli("user", "add", "wang", "--role", "admin", "--password-stdin", stdin="wang's pass\n")
    cli("--user", "wang", "user", "add", "li", "--role", "warehouse", "--password-stdin",
          stdin="wang's pass\nli's password\n")  # fmt: skip
    for _ in range(5):
        assert cli("--user", "li", "supplier", "list", password="wrong guess")[0] == 2
    status, _, err = cli("--user", "li", "supplier", "list", password="li's password")
    assert status == 2 and "locked" in err
    status, out, _ = cli("--user", "wang", "user", "list", password="wang's pass")
    assert [line.split()[:4] for line in out.splitlines() if line.startswith("li ")] == [
        ["li", "warehouse", "yes", "yes"]
    ]
    assert cli("--user", "wang", "user", "unlock", "li", password="wang's pass")[0] == 0
    assert cli("--user", "li", "supplier", "list", password="li's password")[0] == 0
    assert cli("--user", "wang", "user", "disable", "li", password="wang's pass")[0] == 0
    status, _, err = cli("--user", "li", "supplier", "list", password="li's password")
    assert status == 2 and "disabled" in err
    status, _, err = cli("--user", "wang", "user", "disable", "wang", password="wang's pass")
    assert status == 2 and "last admin" in err
    assert scalar(db, "SELECT COUNT(*) FROM users WHERE active = :yes", yes=True) == 1


def test_sealed_backup_and_restore_from_the_command_line(db, cli, tmp_path):
    cli("user", "add", "wang", "--role", "admin", "--password-stdin", stdin="wang's pass\n")
    cli("--user", "wang", "location", "add", "WH", "warehouse", password="wang's pass")
    out_file = str(tmp_path / "b.snappbak")
    status, out, _ = cli("--user", "wang", "backup", "--out", out_file, "--passphrase-stdin",
                           stdin="a long passphrase\n", password="wang's pass")  # fmt: skip
    assert status == 0 and "sealed" in out
    cli("--user", "wang", "location", "add", "LATER", "after the backup", password="wang's pass")

    status, _, err = cli("--user", "wang", "restore", out_file, "--passphrase-stdin", stdin="not it\n",
                           password="wang's pass")  # fmt: skip
    assert status == 2 and "passphrase is wrong" in err
    assert scalar(db, "SELECT COUNT(*) FROM locations") == 2
    status, out, _ = cli("--user", "wang", "--password-stdin", "restore", out_file, "--passphrase-stdin",
                           stdin="wang's pass\na long passphrase\n")  # fmt: skip
    assert status == 0 and "restored" in out and "intact" in out
    assert scalar(db, "SELECT code FROM locations") == "WH"
    status, out, _ = cli("--user", "wang", "check", password="wang's pass")
    assert status == 0 and "integrity: ok" in out and "audit trail intact" in out
