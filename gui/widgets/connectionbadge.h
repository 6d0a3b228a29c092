#pragma once

#include <QColor>
#include <QString>
#include <QWidget>

class QPainter;

namespace kafdesk {

// The current connection at a glance, for the main window's toolbar: a chip with the profile's
// label colour as a stripe, its name, and a "READ-ONLY" pill (a lock and text, in a colour that
// reads in light and dark palettes) when changes are refused. Shows "Not connected" when empty.
class ConnectionBadge : public QWidget {
    Q_OBJECT
public:
    explicit ConnectionBadge(QWidget *parent = nullptr);

    void setConnection(const QString &name, const QColor &colour, bool readOnly);
    void clear();

    const QString &name() const { return m_name; }
    const QColor &colour() const { return m_colour; }
    bool isReadOnly() const { return m_readOnly; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // The pill, shared with the connections list: its size for a font, and how it is painted.
    static QSize readOnlyPillSize(const QFont &font);
    static void paintReadOnlyPill(QPainter &painter, const QRect &rect, const QFont &font);
    // The pill's text, in every place that shows it.
    static QString readOnlyText();

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QString shownName() const;
    void updateToolTip();

    QString m_name;
    QColor m_colour;
    bool m_readOnly = false;
};

} // namespace kafdesk
