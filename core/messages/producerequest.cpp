#include "messages/producerequest.h"

#include "admin/validation.h"
#include "messages/producepayload.h"


namespace kafdesk {

QString valueFormatValue(ValueFormat format)
{
    switch (format) {
    case ValueFormat::Text:
        return QStringLiteral("text");
    case ValueFormat::Json:
        return QStringLiteral("json");
    case ValueFormat::Hex:
        return QStringLiteral("hex");
    case ValueFormat::File:
        return QStringLiteral("file");
    }
    return QStringLiteral("text");
}

std::optional<ValueFormat> valueFormatFromValue(const QString &value)
{
    for (ValueFormat f : {ValueFormat::Text, ValueFormat::Json, ValueFormat::Hex, ValueFormat::File})
        if (valueFormatValue(f) == value)
            return f;
    return std::nullopt;
}

namespace produce {

namespace {

Error bad(const QString &message, const QString &detail = {})
{
    return Error{message, detail, true};
}

} // namespace

Status validateValue(ValueFormat format, const QString &value)
{
    if (format == ValueFormat::File)
        return checkFile(value);
    auto bytes = valueBytes(format, value);
    if (!bytes)
        return bytes.error();
    return ok();
}

Status validate(const ProduceRequest &request, const TopicInfo &topic)
{
    if (request.topic.trimmed().isEmpty())
        return bad(QStringLiteral("Choose the topic to produce to."));
    if (const Status s = validation::validateTopicName(request.topic); !s)
        return bad(s.error().message, s.error().detail);
    if (topic.known == TopicInfo::Known::Missing)
        return bad(QStringLiteral("The topic %1 does not exist on this cluster: create it first.").arg(request.topic));
    if (request.partition < -1)
        return bad(QStringLiteral("Partition %1 is not a partition: choose 0 or more, or automatic.").arg(request.partition));
    if (topic.known == TopicInfo::Known::Exists && request.partition >= topic.partitionCount)
        return bad(QStringLiteral("Topic %1 has %2 partition(s), 0 to %3: there is no partition %4.")
                       .arg(request.topic)
                       .arg(topic.partitionCount)
                       .arg(topic.partitionCount - 1)
                       .arg(request.partition));
    if (request.copies < 1 || request.copies > maxCopies)
        return bad(QStringLiteral("Copies must be between 1 and %1; %2 was asked for.")
                       .arg(groupedNumber(maxCopies))
                       .arg(request.copies));
    for (qsizetype i = 0; i < request.headers.size(); ++i)
        if (request.headers.at(i).name.isEmpty())
            return bad(QStringLiteral("Header %1 has no name: every header needs one (its value may be empty).").arg(i + 1));
    if (request.idempotence && request.acks != Acks::All)
        return bad(QStringLiteral("An idempotent producer needs acks=all: choose acks \"all\" or turn idempotence off."));
    if (request.key && request.key->toUtf8().size() > maxValueBytes)
        return bad(QStringLiteral("The key is larger than %1 bytes.").arg(groupedNumber(maxValueBytes)));
    return validateValue(request.format, request.value);
}

} // namespace produce
} // namespace kafdesk
