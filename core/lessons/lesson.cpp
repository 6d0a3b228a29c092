#include "lessons/lesson.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kafdesk {

QStringList lessonActionKinds()
{
    return {QStringLiteral("createTopic"),   QStringLiteral("produce"),     QStringLiteral("consume"),
            QStringLiteral("startGroup"),    QStringLiteral("stopGroup"),   QStringLiteral("killLeader"),
            QStringLiteral("restartKilled"), QStringLiteral("addPartitions"), QStringLiteral("quorumStatus"),
            QStringLiteral("resetOffsets"),  QStringLiteral("drill")};
}

QStringList lessonCheckKinds()
{
    return {QStringLiteral("topicLayout"),     QStringLiteral("keyInOnePartition"), QStringLiteral("consumedCount"),
            QStringLiteral("groupOwnership"),  QStringLiteral("leaderMoved"),       QStringLiteral("quorumHealthy"),
            QStringLiteral("topicConfig"),     QStringLiteral("committedOffsets"),  QStringLiteral("partitionCount"),
            QStringLiteral("drillHeld")};
}

QString lessonText(const QString &source)
{
    return QCoreApplication::translate("lessons", source.toUtf8().constData());
}

namespace {

Error problem(const QString &fileName, const QString &what)
{
    Error e = failure(QCoreApplication::translate("kafdesk::Lesson", "The lesson file %1 is not valid: %2")
                          .arg(fileName, what));
    e.badInput = true;
    return e;
}

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out << v.toString();
    return out;
}

// An action or check object: {"kind": "...", ...parameters}.
LessonAction actionOf(const QJsonObject &object)
{
    LessonAction action;
    action.params = object.toVariantMap();
    action.kind = action.params.take(QStringLiteral("kind")).toString();
    return action;
}

bool allLessonNames(const QStringList &names)
{
    return std::all_of(names.cbegin(), names.cend(),
                       [](const QString &n) { return n.startsWith(QLatin1String("lesson-")); });
}

} // namespace

Result<Lesson> parseLesson(const QByteArray &json, const QString &fileName, const QStringList &pages)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return problem(fileName, parseError.errorString());
    if (!doc.isObject())
        return problem(fileName, QStringLiteral("the top level is not an object"));
    const QJsonObject o = doc.object();
    Lesson lesson;
    lesson.id = o.value(QLatin1String("id")).toString();
    lesson.title = o.value(QLatin1String("title")).toString();
    lesson.paragraphs = strings(o.value(QLatin1String("text")));
    lesson.commands = strings(o.value(QLatin1String("commands")));
    lesson.hint = o.value(QLatin1String("hint")).toString();
    lesson.topics = strings(o.value(QLatin1String("topics")));
    lesson.groups = strings(o.value(QLatin1String("groups")));
    lesson.needsLocalCluster = o.value(QLatin1String("needsLocalCluster")).toBool();
    if (lesson.id.isEmpty() || lesson.title.isEmpty())
        return problem(fileName, QStringLiteral("\"id\" and \"title\" are required"));
    if (lesson.paragraphs.isEmpty())
        return problem(fileName, QStringLiteral("\"text\" needs at least one paragraph"));
    if (!allLessonNames(lesson.topics) || !allLessonNames(lesson.groups))
        return problem(fileName, QStringLiteral("every topic and group a lesson names starts with \"lesson-\""));

    const QStringList actions = lessonActionKinds();
    for (const QJsonValue &s : o.value(QLatin1String("steps")).toArray()) {
        const QJsonObject step = s.toObject();
        LessonStep parsed;
        parsed.label = step.value(QLatin1String("label")).toString();
        parsed.action = actionOf(step.value(QLatin1String("action")).toObject());
        parsed.thenCheck = step.value(QLatin1String("thenCheck")).toBool();
        if (parsed.label.isEmpty())
            return problem(fileName, QStringLiteral("a step has no \"label\""));
        if (!actions.contains(parsed.action.kind))
            return problem(fileName, QStringLiteral("unknown action kind \"%1\"").arg(parsed.action.kind));
        lesson.steps << parsed;
    }
    if (lesson.steps.isEmpty())
        return problem(fileName, QStringLiteral("a lesson needs at least one step"));

    lesson.check = actionOf(o.value(QLatin1String("check")).toObject());
    if (!lessonCheckKinds().contains(lesson.check.kind))
        return problem(fileName, QStringLiteral("unknown check kind \"%1\"").arg(lesson.check.kind));

    const QJsonObject see = o.value(QLatin1String("see")).toObject();
    lesson.see.page = see.value(QLatin1String("page")).toString();
    lesson.see.topic = see.value(QLatin1String("topic")).toString();
    lesson.see.group = see.value(QLatin1String("group")).toString();
    lesson.see.label = see.value(QLatin1String("label")).toString();
    if (!lesson.see.page.isEmpty() && !pages.isEmpty() && !pages.contains(lesson.see.page))
        return problem(fileName, QStringLiteral("unknown page \"%1\"").arg(lesson.see.page));
    return lesson;
}

Result<QList<Lesson>> loadLessons(const QString &directory, const QStringList &pages)
{
    const QString dir = directory.isEmpty() ? QStringLiteral(":/kafdesk/lessons") : directory;
    QFile indexFile(QDir(dir).filePath(QStringLiteral("index.json")));
    if (!indexFile.open(QIODevice::ReadOnly))
        return problem(indexFile.fileName(), indexFile.errorString());
    const QJsonDocument index = QJsonDocument::fromJson(indexFile.readAll());
    QList<Lesson> lessons;
    QStringList seen;
    for (const QString &id : strings(index.object().value(QLatin1String("lessons")))) {
        QFile file(QDir(dir).filePath(id + QStringLiteral(".json")));
        if (!file.open(QIODevice::ReadOnly))
            return problem(file.fileName(), file.errorString());
        auto lesson = parseLesson(file.readAll(), file.fileName(), pages);
        if (!lesson)
            return lesson.error();
        if (lesson->id != id || seen.contains(id))
            return problem(file.fileName(), QStringLiteral("its \"id\" must be its file name, once"));
        seen << id;
        lessons << lesson.value();
    }
    if (lessons.isEmpty())
        return problem(indexFile.fileName(), QStringLiteral("it lists no lesson"));
    return lessons;
}

} // namespace kafdesk
