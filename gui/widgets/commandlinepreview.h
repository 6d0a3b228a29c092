#pragma once

#include <QString>
#include <QWidget>

class QPlainTextEdit;
class QPushButton;

namespace kafdesk {

// The equivalent command line of what a dialog is about to do: read-only monospace text and a
// "Copy" button that puts the line on the clipboard. A long line is shown broken between options
// with shell continuations (" \" and a newline), never inside an option or a value, so what is
// shown can be selected and pasted as it is too. The owner calls setCommand() whenever its fields
// change. GUI thread only.
class CommandLinePreview : public QWidget {
    Q_OBJECT
public:
    explicit CommandLinePreview(QWidget *parent = nullptr);

    // The command to show; an empty one shows the placeholder and disables Copy.
    void setCommand(const QString &command);
    QString command() const { return m_command; }
    // What the box shows now: the command laid out for its width.
    QString displayedText() const;
    // Shown (greyed) while there is no command, e.g. "Choose a change to see its command."
    void setPlaceholder(const QString &text);
    // How many lines the box shows at least (4 by default); it grows with the command by up to
    // four more, then scrolls.
    void setVisibleLines(int lines);

    QPushButton *copyButton() const { return m_copy; }

    // The command broken into lines of at most `columns` characters where it can be: between an
    // option with its values and the next, continued with " \"; after "&&" a new command starts.
    // Text with line breaks of its own (a here-document) is left as it is.
    static QString layOut(const QString &command, int columns);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    void copied(const QString &command);

private:
    void copy();
    void reflow();
    void fitHeight();

    QPlainTextEdit *m_text = nullptr;
    QPushButton *m_copy = nullptr;
    QString m_command;
    int m_minLines = 4;
    int m_copyGeneration = 0; // the "Copied" label reverts only for the latest copy
};

} // namespace kafdesk
