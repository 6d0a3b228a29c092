// Fuzzes the message decoders: every decoder, full and preview, on bytes from the wire (a Kafka
// message is whatever a producer sent), and the byte helpers behind them.

#include "fuzzsupport.h"

#include "messages/decoders.h"
#include "messages/decodersformat.h"

#include <QJsonDocument>
#include <QJsonParseError>

using namespace kafdesk;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::ensureApplication(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes = fuzz::bytesOf(data, size);

    for (const Decoder decoder : allDecoders()) {
        KAFDESK_FUZZ_CHECK(decoderFromId(decoderId(decoder)) == decoder);
        for (const bool pretty : {true, false}) {
            const Decoded d = decode(bytes, decoder, pretty);
            if (decoder != Decoder::Auto)
                KAFDESK_FUZZ_CHECK(d.used == decoder);
        }
        // A table cell: one line of at most maxChars characters (the smallest width is 4), whatever
        // the size; a number that fits its decoder is shown whole (at most 24 characters).
        const bool number = decoder == Decoder::Int32 || decoder == Decoder::Int64 || decoder == Decoder::Float64;
        for (const int maxChars : {1, 4, 17, 200}) {
            const QString cell = preview(bytes, decoder, maxChars);
            KAFDESK_FUZZ_CHECK(cell.size() <= std::max(maxChars, 4) || (number && cell.size() <= 24));
            KAFDESK_FUZZ_CHECK(!cell.contains(QLatin1Char('\n')));
        }
    }

    // isValidUtf8 says what Qt's decoder would do: valid bytes come back unchanged.
    qsizetype errorAt = -1;
    if (isValidUtf8(bytes, &errorAt))
        KAFDESK_FUZZ_CHECK(QString::fromUtf8(bytes).toUtf8() == bytes);
    else
        KAFDESK_FUZZ_CHECK(errorAt >= 0 && errorAt < bytes.size());

    // A prefix never ends inside a character of valid text.
    for (const qsizetype maxBytes : {qsizetype(0), qsizetype(1), qsizetype(7), qsizetype(64)}) {
        const QByteArrayView head = decoding::utf8Prefix(bytes, maxBytes);
        KAFDESK_FUZZ_CHECK(bytes.size() <= maxBytes ? head.size() == bytes.size() : head.size() <= maxBytes);
        KAFDESK_FUZZ_CHECK(bytes.startsWith(head));
        if (isValidUtf8(bytes))
            KAFDESK_FUZZ_CHECK(isValidUtf8(head));
    }
    (void)decoding::hexDump(bytes);
    KAFDESK_FUZZ_CHECK(decoding::hexOf(bytes).size() == (bytes.isEmpty() ? 0 : bytes.size() * 3 - 1));

    // Re-indenting keeps the document: what Qt parsed before it parses the same after, both ways.
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes.toByteArray(), &error);
    if (error.error == QJsonParseError::NoError) {
        for (const bool pretty : {true, false}) {
            QJsonParseError again{};
            const QJsonDocument redone = QJsonDocument::fromJson(decoding::reformatJson(bytes, pretty), &again);
            KAFDESK_FUZZ_CHECK(again.error == QJsonParseError::NoError);
            KAFDESK_FUZZ_CHECK(redone == doc);
        }
    } else {
        (void)decoding::reformatJson(bytes, true); // the preview compacts text it has not validated
        (void)decoding::reformatJson(bytes, false);
    }
    return 0;
}
