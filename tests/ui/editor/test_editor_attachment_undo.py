"""Undoing an attachment takes its copy back out of media/; redoing puts the same bytes back."""

from __future__ import annotations

from crisisdesk.package.loader import load_package


def attach(window, row: int, source):
    window.injects_tab.select_rows([row], row)
    return window.injects_tab.form.attach(source)


def test_undo_removes_the_copied_file_and_redo_brings_it_back(qtbot, editor_window, paris_copy, tmp_path):
    source = tmp_path / "carte des ilots de chaleur.png"
    source.write_bytes(b"\x89PNG first")
    window = editor_window
    media_before = sorted(p.name for p in (paris_copy / "media").iterdir())
    relative = attach(window, 1, source)
    copied = paris_copy / relative
    assert copied.read_bytes() == b"\x89PNG first"
    window.undo_action.trigger()
    assert relative not in (window.doc.injects[1].get("attachments") or [])
    assert not copied.exists()
    assert sorted(p.name for p in (paris_copy / "media").iterdir()) == media_before
    source.unlink()  # the original gone: redo still has the bytes
    window.redo_action.trigger()
    assert copied.read_bytes() == b"\x89PNG first"
    assert relative in window.doc.injects[1]["attachments"]
    window.save()
    assert any(relative in i.attachments for i in load_package(paris_copy).injects)


def test_a_copy_another_inject_still_lists_stays(qtbot, editor_window, paris_copy, tmp_path):
    source = tmp_path / "communique.pdf"
    source.write_bytes(b"%PDF shared")
    window = editor_window
    # inject 2 already names media/communique.pdf (typed before the file was there)
    window.editor.set(("msel", 2, "attachments"), ["media/communique.pdf"], "lister", merge=False)
    relative = attach(window, 1, source)
    assert relative == "media/communique.pdf"
    window.undo_action.trigger()  # the attachment on inject 1
    assert (paris_copy / relative).read_bytes() == b"%PDF shared"  # inject 2 still lists it
    second = attach(window, 3, source)
    assert second == "media/communique-2.pdf"  # the name is taken: never overwritten
    window.undo_action.trigger()
    assert not (paris_copy / second).exists() and (paris_copy / relative).exists()


def test_a_saved_attachment_is_not_taken_out_of_the_package_on_disk(qtbot, editor_window, paris_copy, tmp_path):
    source = tmp_path / "plan.pdf"
    source.write_bytes(b"%PDF saved")
    window = editor_window
    relative = attach(window, 1, source)
    window.save()
    window.undo_action.trigger()
    # msel.yaml on disk still lists it until the next save: the file stays so the package stays valid
    assert (paris_copy / relative).exists()
    assert load_package(paris_copy) is not None
