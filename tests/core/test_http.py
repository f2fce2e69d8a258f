"""Submitted text reaches the application without control characters, whatever the form."""

from __future__ import annotations

from flask import request

from ethics_hr.core.http import without_controls


def test_control_characters_are_removed_but_line_breaks_and_tabs_kept():
    assert without_controls("สม\x00ชาย\x1b[31m\x7f") == "สมชาย[31m"
    assert without_controls("line\r\nnext\tcolumn") == "line\r\nnext\tcolumn"
    assert without_controls(42) == 42


def test_form_fields_and_query_arguments_arrive_clean(app):
    with app.test_request_context("/?q=a%00b&q=c%01", method="POST", data={"name\x00": ["x\x00y", "z"]}):
        assert request.args.getlist("q") == ["ab", "c"]
        assert request.form.getlist("name") == ["xy", "z"]


def test_uploaded_files_are_left_alone(app):
    import io

    data = {"file": (io.BytesIO(b"\x00\x01binary"), "a.bin")}
    with app.test_request_context("/", method="POST", data=data, content_type="multipart/form-data"):
        assert request.files["file"].read() == b"\x00\x01binary"
