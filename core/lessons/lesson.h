#pragma once

// Guided lessons as data: each lesson is a JSON file under resources/lessons (compiled into the
// core's resources), naming its explanation, its steps (actions from a fixed set implemented in
// C++), the view where its effect shows, the equivalent Kafka command lines, and a check run
// against the live cluster. A new lesson that reuses existing action and check kinds needs no C++.
//
// Translation: the texts in the files are source texts; they are shown through
// QCoreApplication::translate("lessons", text) (see lessonText()). lupdate does not read JSON:
// scripts/lesson-strings.py writes them as a .ts file for translators; its .qm, loaded with the
// others, translates the lessons. Command lines stay as written.

#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace kafdesk {

// One action (a step's button) or one check: a kind from the fixed set and its parameters.
struct LessonAction {
    QString kind;
    QVariantMap params;

    QString text(const QString &key) const { return params.value(key).toString(); }
    int number(const QString &key, int fallback = 0) const { return params.value(key, fallback).toInt(); }
    bool flag(const QString &key, bool fallback = false) const { return params.value(key, fallback).toBool(); }
};

struct LessonStep {
    QString label;  // the button's text
    LessonAction action;
    bool thenCheck = false; // the check runs after this step too (the last step's always does)
};

// Where the lesson's effect is seen: a navigation page by name (NavigationTree::Page's enum
// key, e.g. "PartitionMap"), optionally on a topic or a group.
struct LessonLink {
    QString page;
    QString topic;
    QString group;
    QString label; // the link's text
};

struct Lesson {
    QString id;    // also the file name without .json
    QString title;
    QStringList paragraphs;
    QList<LessonStep> steps;
    LessonLink see;
    QStringList commands; // the same by hand, one command line each
    LessonAction check;
    QString hint;         // what to try when the check fails
    // What the lesson creates, removed before its first step runs again (names start "lesson-").
    QStringList topics;
    QStringList groups;
    // Kills or stops brokers: only on the bundled cluster.
    bool needsLocalCluster = false;
};

// The action and check kinds the engine implements (lessonengine.cpp), and the page names a
// link may use. A file naming anything else is refused.
QStringList lessonActionKinds();
QStringList lessonCheckKinds();

// Parses one lesson file; a sentence naming the file and the first problem otherwise.
// `pages` lists the page names a link may use (empty: not checked).
Result<Lesson> parseLesson(const QByteArray &json, const QString &fileName, const QStringList &pages = {});
// Every lesson of `directory` (default: the compiled-in :/kafdesk/lessons), in the order of its
// index.json ({"lessons": ["topics-partitions", ...]}).
Result<QList<Lesson>> loadLessons(const QString &directory = {}, const QStringList &pages = {});

// A lesson file's text in the user's language.
QString lessonText(const QString &source);

} // namespace kafdesk
