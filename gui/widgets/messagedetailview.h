#pragma once

#include "messages/decoders.h"
#include "messages/message.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QTabWidget;
class QTableWidget;

namespace kafdesk {

// One consumed message in full: partition, offset, timestamp and its type, sizes; the value and
// the key through the chosen decoders (JSON indented), with the decoder's complaint when the bytes
// do not fit it; and the headers as a table. Values past maxDecodedBytes are shown from their
// start only, and say so. GUI thread only.
class MessageDetailView : public QWidget {
    Q_OBJECT
public:
    static constexpr qsizetype maxDecodedBytes = 4 * 1024 * 1024;

    explicit MessageDetailView(QWidget *parent = nullptr);

    void setMessage(const Message &message, Decoder keyDecoder, Decoder valueDecoder);
    // Redecodes the message shown with other decoders.
    void setDecoders(Decoder keyDecoder, Decoder valueDecoder);
    // Back to the "select a message" state.
    void clear();

    bool hasMessage() const { return m_message.has_value(); }
    const std::optional<Message> &message() const { return m_message; }
    QString valueText() const;
    QString keyText() const;
    QString summaryText() const;
    QString valueNote() const;
    QTableWidget *headersTable() const { return m_headers; }

private:
    void refresh();

    std::optional<Message> m_message;
    Decoder m_keyDecoder = Decoder::Auto;
    Decoder m_valueDecoder = Decoder::Auto;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_summary = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_value = nullptr;
    QLabel *m_valueNote = nullptr;
    QPlainTextEdit *m_key = nullptr;
    QLabel *m_keyNote = nullptr;
    QTableWidget *m_headers = nullptr;
};

} // namespace kafdesk
