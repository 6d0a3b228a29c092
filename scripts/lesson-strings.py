#!/usr/bin/env python3
"""Writes the lesson files' translatable texts as a Qt Linguist .ts file (context "lessons").

lupdate reads C++ and QML, not JSON: this gives translators the lessons' titles, paragraphs, step
labels, link labels and hints in the same form. Kafdesk shows them through
QCoreApplication::translate("lessons", text) (core/lessons/lesson.h), so a .qm compiled from the
translated file by lrelease and loaded with the others translates the lessons too. Command lines
are not translated.

    scripts/lesson-strings.py [LANGUAGE] > kafdesk_lessons_LANGUAGE.ts
"""
import json
import pathlib
import sys
from xml.sax.saxutils import escape

LESSONS = pathlib.Path(__file__).resolve().parent.parent / "resources" / "lessons"


def texts(lesson):
    yield lesson["title"]
    yield from lesson.get("text", [])
    for step in lesson.get("steps", []):
        yield step["label"]
    see = lesson.get("see", {})
    if see.get("label"):
        yield see["label"]
    if lesson.get("hint"):
        yield lesson["hint"]


def main():
    language = sys.argv[1] if len(sys.argv) > 1 else ""
    index = json.loads((LESSONS / "index.json").read_text(encoding="utf-8"))
    seen = []
    for lesson_id in index["lessons"]:
        file_name = f"{lesson_id}.json"
        lesson = json.loads((LESSONS / file_name).read_text(encoding="utf-8"))
        for text in texts(lesson):
            if text not in (s for s, _ in seen):
                seen.append((text, file_name))
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
           f'<TS version="2.1" language="{escape(language)}">', "<context>", "    <name>lessons</name>"]
    for text, file_name in seen:
        out += ["    <message>",
                f'        <location filename="../resources/lessons/{file_name}"/>',
                f"        <source>{escape(text)}</source>",
                '        <translation type="unfinished"></translation>',
                "    </message>"]
    out += ["</context>", "</TS>"]
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
