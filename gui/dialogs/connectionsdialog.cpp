#include "dialogs/connectionsdialog.h"

#include "dialogs/profileeditor.h"
#include "models/profilelistmodel.h"
#include "profiles/profilestore.h"
#include "widgets/connectionbadge.h"

#include <QApplication>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace kafdesk {

namespace {

QString quoted(const QString &text)
{
    return QStringLiteral("\u201c") + text + QStringLiteral("\u201d");
}

// Two lines per connection: a colour swatch, the name (and a READ-ONLY pill), and how it connects.
class ProfileItemDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static constexpr int margin = 6;
    static constexpr int swatch = 14;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        QFont bold = option.font;
        bold.setBold(true);
        return {200, QFontMetrics(bold).height() + QFontMetrics(smallFont(option.font)).height() + 2 * margin + 2};
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        opt.icon = QIcon();
        opt.features &= ~QStyleOptionViewItem::HasDecoration;
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const bool selected = opt.state & QStyle::State_Selected;
        const QPalette::ColorGroup group = (opt.state & QStyle::State_Active) ? QPalette::Active : QPalette::Inactive;
        const QColor text = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
        QColor sub = selected ? text : opt.palette.color(group, QPalette::PlaceholderText);
        QFont bold = opt.font;
        bold.setBold(true);
        const QFontMetrics boldMetrics(bold);
        const QRect area = opt.rect.adjusted(margin, margin, -margin, -margin);
        const QRect nameLine(area.left() + swatch + 8, area.top(), area.width() - swatch - 8, boldMetrics.height());

        const QRect box(area.left(), nameLine.center().y() - swatch / 2, swatch, swatch);
        if (index.data(ProfileListModel::IsLocalRole).toBool()) {
            style->standardIcon(QStyle::SP_ComputerIcon, nullptr, widget).paint(painter, box.adjusted(-1, -1, 1, 1));
        } else {
            const QColor colour = index.data(ProfileListModel::ColourRole).value<QColor>();
            painter->setPen(QPen(opt.palette.color(group, QPalette::Mid), 1));
            painter->setBrush(colour.isValid() ? QBrush(colour) : QBrush(Qt::NoBrush));
            painter->drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
        }

        int nameWidth = nameLine.width();
        if (index.data(ProfileListModel::ReadOnlyRole).toBool()) {
            const QSize pill = ConnectionBadge::readOnlyPillSize(opt.font);
            const QRect pillRect(nameLine.right() - pill.width() + 1, nameLine.center().y() - pill.height() / 2,
                                 pill.width(), pill.height());
            ConnectionBadge::paintReadOnlyPill(*painter, pillRect, opt.font);
            nameWidth -= pill.width() + 6;
        }
        painter->setFont(bold);
        painter->setPen(text);
        painter->drawText(QRect(nameLine.topLeft(), QSize(nameWidth, nameLine.height())),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          boldMetrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight, nameWidth));
        const QFont small = smallFont(opt.font);
        painter->setFont(small);
        painter->setPen(sub);
        const QRect subLine(nameLine.left(), nameLine.bottom() + 2, nameLine.width(), QFontMetrics(small).height());
        painter->drawText(subLine, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(small).elidedText(index.data(ProfileListModel::SubtitleRole).toString(),
                                                         Qt::ElideRight, subLine.width()));
        painter->restore();
    }

private:
    static QFont smallFont(const QFont &base)
    {
        QFont f = base;
        if (f.pointSizeF() > 0)
            f.setPointSizeF(f.pointSizeF() * 0.9);
        return f;
    }
};

QPushButton *button(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(objectName);
    b->setAutoDefault(false);
    return b;
}

} // namespace

ConnectionsDialog::ConnectionsDialog(ProfileStore *store, const QString &localClusterName, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_localClusterName(localClusterName)
{
    setWindowTitle(tr("Connections"));
    m_model = new ProfileListModel(store, localClusterName, this);
    buildUi();
    if (m_store && m_store->keychainState() == ProfileStore::KeychainState::Unknown)
        m_store->checkKeychain();
    selectLocalCluster();
}

ConnectionsDialog::~ConnectionsDialog() = default;

void ConnectionsDialog::buildUi()
{
    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new ProfileItemDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setUniformItemSizes(true);
    m_list->setMinimumWidth(250);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &ConnectionsDialog::onCurrentChanged);
    connect(m_list, &QListView::activated, this, [this] { connectSelected(); });

    m_newButton = button(tr("&New"), QStringLiteral("newButton"), this);
    m_duplicateButton = button(tr("D&uplicate"), QStringLiteral("duplicateButton"), this);
    m_deleteButton = button(tr("&Delete\u2026"), QStringLiteral("deleteButton"), this);
    m_importButton = button(tr("&Import client.properties\u2026"), QStringLiteral("importButton"), this);
    m_importButton->setToolTip(tr("Make a profile from the client.properties file a Java client or the Kafka "
                                  "command-line tools use (--command-config)."));
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_newButton);
    listButtons->addWidget(m_duplicateButton);
    listButtons->addWidget(m_deleteButton);
    leftLayout->addLayout(listButtons);
    leftLayout->addWidget(m_importButton);

    m_importPanel = new QFrame(this);
    m_importPanel->setObjectName(QStringLiteral("importPanel"));
    m_importPanel->setFrameShape(QFrame::StyledPanel);
    auto *importLayout = new QVBoxLayout(m_importPanel);
    auto *importTitle = new QHBoxLayout;
    importTitle->addWidget(new QLabel(tr("<b>Import report</b>"), m_importPanel), 1);
    auto *closeReport = new QToolButton(m_importPanel);
    closeReport->setText(QStringLiteral("\u2715"));
    closeReport->setAutoRaise(true);
    closeReport->setToolTip(tr("Hide the report"));
    connect(closeReport, &QToolButton::clicked, m_importPanel, &QWidget::hide);
    importTitle->addWidget(closeReport);
    importLayout->addLayout(importTitle);
    m_importReport = new QTextBrowser(m_importPanel);
    m_importReport->setObjectName(QStringLiteral("importReport"));
    m_importReport->setOpenLinks(false);
    m_importReport->setMinimumHeight(110);
    m_importReport->setMaximumHeight(190);
    importLayout->addWidget(m_importReport);
    m_importPanel->hide();

    auto *localPage = new QWidget(this);
    auto *localLayout = new QVBoxLayout(localPage);
    m_localText = new QLabel(localPage);
    m_localText->setObjectName(QStringLiteral("localText"));
    m_localText->setWordWrap(true);
    m_localText->setTextFormat(Qt::RichText);
    m_localText->setText(
        tr("<h3>Local cluster</h3><p>The Apache Kafka cluster %1 that Kafdesk bundles: real brokers on this "
           "computer (127.0.0.1), with their data under Kafdesk's own directory.</p><p><b>Connect</b> starts it "
           "if it is not running (three brokers when it is new). Nothing to configure: no login, no TLS.</p>"
           "<p>To reach another cluster, make a profile with <b>New</b> or <b>Import client.properties\u2026</b>.</p>")
            .arg(quoted(m_localClusterName).toHtmlEscaped()));
    localLayout->addWidget(m_localText);
    localLayout->addStretch(1);

    m_editor = new ProfileEditor(m_store, this);
    m_editor->setObjectName(QStringLiteral("profileEditor"));
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(localPage);
    m_pages->addWidget(m_editor);
    connect(m_editor, &ProfileEditor::changed, this, &ConnectionsDialog::updateButtons);
    connect(m_editor, &ProfileEditor::aboutToSave, this, [this] { m_followSelection = false; });
    connect(m_editor, &ProfileEditor::saveFailed, this, [this] { m_followSelection = true; });
    connect(m_editor, &ProfileEditor::savedAs, this, [this](const QString &name) {
        setCurrentRow(m_model->rowOf(name));
        m_followSelection = true;
        updateButtons();
    });
    connect(m_editor, &ProfileEditor::secretsSettled, this, [this] {
        if (!m_pendingAction)
            return;
        m_pendingAction = false;
        setBusy(false);
        showTestResult(true, {}, {});
        run(m_pending);
    });

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_importPanel);
    rightLayout->addWidget(m_pages, 1);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({280, 620});

    m_secretPanel = new QFrame(this);
    m_secretPanel->setObjectName(QStringLiteral("secretPanel"));
    m_secretPanel->setFrameShape(QFrame::StyledPanel);
    auto *secretLayout = new QVBoxLayout(m_secretPanel);
    m_secretReason = ProfileEditor::newMessageLabel(QStringLiteral("secretReason"), m_secretPanel);
    secretLayout->addWidget(m_secretReason);
    m_secretForm = new QFormLayout;
    secretLayout->addLayout(m_secretForm);
    m_secretPanel->hide();

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("testBusy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setFixedWidth(90);
    m_busy->hide();
    m_testStatus = ProfileEditor::newMessageLabel(QStringLiteral("testStatus"), this);
    m_testDetail = ProfileEditor::newMessageLabel(QStringLiteral("testDetail"), this);
    m_testDetail->setForegroundRole(QPalette::PlaceholderText);
    auto *statusText = new QVBoxLayout;
    statusText->setSpacing(2);
    statusText->addWidget(m_testStatus);
    statusText->addWidget(m_testDetail);
    m_cancelButton = button(tr("Cancel test"), QStringLiteral("cancelTestButton"), this);
    m_cancelButton->hide();
    auto *status = new QHBoxLayout;
    status->addWidget(m_busy, 0, Qt::AlignTop);
    status->addLayout(statusText, 1);
    status->addWidget(m_cancelButton, 0, Qt::AlignTop);

    m_testButton = button(tr("&Test connection"), QStringLiteral("testButton"), this);
    m_connectButton = button(tr("&Connect"), QStringLiteral("connectButton"), this);
    m_closeButton = button(tr("Close"), QStringLiteral("closeButton"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_testButton);
    buttons->addStretch(1);
    buttons->addWidget(m_connectButton);
    buttons->addWidget(m_closeButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_secretPanel);
    layout->addLayout(status);
    layout->addLayout(buttons);

    connect(m_newButton, &QPushButton::clicked, this, &ConnectionsDialog::newProfile);
    connect(m_duplicateButton, &QPushButton::clicked, this, &ConnectionsDialog::duplicateProfile);
    connect(m_deleteButton, &QPushButton::clicked, this, &ConnectionsDialog::deleteProfile);
    connect(m_importButton, &QPushButton::clicked, this, &ConnectionsDialog::importClientProperties);
    connect(m_testButton, &QPushButton::clicked, this, &ConnectionsDialog::testConnection);
    connect(m_cancelButton, &QPushButton::clicked, this, &ConnectionsDialog::cancelTest);
    connect(m_connectButton, &QPushButton::clicked, this, &ConnectionsDialog::connectSelected);
    connect(m_closeButton, &QPushButton::clicked, this, &ConnectionsDialog::reject);
    resize(980, 720);
}

bool ConnectionsDialog::localSelected() const
{
    return m_pages->currentIndex() == 0;
}

void ConnectionsDialog::setCurrentRow(int row)
{
    const bool follow = m_followSelection;
    m_followSelection = false;
    if (row < 0)
        m_list->selectionModel()->clear();
    else
        m_list->selectionModel()->setCurrentIndex(m_model->index(row), QItemSelectionModel::ClearAndSelect);
    m_followSelection = follow;
}

void ConnectionsDialog::selectLocalCluster()
{
    setCurrentRow(ProfileListModel::localRow);
    showSelection(m_model->index(ProfileListModel::localRow));
}

void ConnectionsDialog::selectProfile(const QString &name)
{
    const int row = m_model->rowOf(name);
    if (row < 0)
        return;
    setCurrentRow(row);
    showSelection(m_model->index(row));
}

void ConnectionsDialog::onCurrentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    if (!m_followSelection)
        return;
    if (localSelected() || !m_editor->hasUnsavedChanges()) {
        showSelection(current);
        return;
    }
    // Ask before the edits go; until then the selection stays where the edits are.
    const bool wasLocal = current.data(ProfileListModel::IsLocalRole).toBool();
    const QString target = current.data(ProfileListModel::ProfileNameRole).toString();
    setCurrentRow(previous.isValid() ? previous.row() : -1);
    auto *box = new QMessageBox(QMessageBox::Question, tr("Unsaved changes"),
                                tr("Save the changes to %1?").arg(quoted(m_editor->profile().name)),
                                QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("unsavedBox"));
    box->setWindowModality(Qt::WindowModal);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, wasLocal, target] {
        const QMessageBox::StandardButton answer = box->standardButton(box->clickedButton());
        if (answer == QMessageBox::Cancel || answer == QMessageBox::NoButton)
            return;
        if (answer == QMessageBox::Save && !m_editor->save())
            return;
        if (wasLocal)
            selectLocalCluster();
        else
            selectProfile(target);
    });
    box->open();
}

void ConnectionsDialog::showSelection(const QModelIndex &index)
{
    clearSecretPrompt();
    showTestResult(true, {}, {});
    if (index.isValid() && !index.data(ProfileListModel::IsLocalRole).toBool()) {
        m_editor->editSaved(index.data(ProfileListModel::ProfileNameRole).toString());
        m_pages->setCurrentWidget(m_editor);
    } else if (index.isValid()) {
        m_pages->setCurrentIndex(0);
    }
    updateButtons();
}

void ConnectionsDialog::updateButtons()
{
    const bool local = localSelected();
    m_duplicateButton->setEnabled(!local);
    m_deleteButton->setEnabled(!local && !m_editor->isNew());
    m_testButton->setEnabled(!isTesting() && !m_pendingAction);
    const QStringList problems = local ? QStringList() : m_editor->problems();
    m_connectButton->setEnabled(problems.isEmpty() && !m_pendingAction);
    m_connectButton->setToolTip(!problems.isEmpty() ? tr("Fix the profile first: %1").arg(problems.first())
                                : local             ? tr("Start the local cluster if needed and connect to it.")
                                : m_editor->hasUnsavedChanges() ? tr("Save the profile and connect.")
                                                                : tr("Connect with this profile."));
}

void ConnectionsDialog::newProfile()
{
    ConnectionProfile p;
    p.name = unusedName(tr("New connection"));
    setCurrentRow(-1);
    clearSecretPrompt();
    m_editor->editNew(p);
    m_pages->setCurrentWidget(m_editor);
    updateButtons();
}

void ConnectionsDialog::duplicateProfile()
{
    if (localSelected())
        return;
    ConnectionProfile p = m_editor->profile();
    p.name = unusedName(tr("%1 (copy)").arg(p.name));
    setCurrentRow(-1);
    clearSecretPrompt();
    m_editor->editNew(p, true);
    updateButtons();
}

void ConnectionsDialog::deleteProfile()
{
    if (localSelected() || m_editor->isNew() || !m_store)
        return;
    const QString name = m_editor->savedName();
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete connection"),
                                tr("Delete the connection profile %1?").arg(quoted(name)), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("deleteBox"));
    box->setInformativeText(tr("Its settings and the secrets it keeps in the keychain go; the cluster itself is "
                               "not touched."));
    QPushButton *confirm = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmDelete"));
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    box->setWindowModality(Qt::WindowModal);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, confirm, name] {
        if (box->clickedButton() != confirm || !m_store)
            return;
        const int row = m_model->rowOf(name);
        m_followSelection = false;
        const Status removed = m_store->remove(name);
        m_followSelection = true;
        if (!removed) {
            showTestResult(false, removed.error().message, removed.error().detail);
            return;
        }
        // The neighbour below takes its place, or the one above.
        const int next = qMin(row, m_model->rowCount() - 1);
        setCurrentRow(next);
        showSelection(m_model->index(next));
    });
    box->open();
}

void ConnectionsDialog::reject()
{
    if (localSelected() || !m_editor->hasUnsavedChanges()) {
        QDialog::reject();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Unsaved changes"),
                                tr("Save the changes to %1 before closing?").arg(quoted(m_editor->profile().name)),
                                QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("unsavedBox"));
    box->setWindowModality(Qt::WindowModal);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box] {
        const QMessageBox::StandardButton answer = box->standardButton(box->clickedButton());
        if (answer == QMessageBox::Discard || (answer == QMessageBox::Save && m_editor->save()))
            QDialog::reject();
    });
    box->open();
}

QString ConnectionsDialog::unusedName(const QString &base) const
{
    if (!m_store || !m_store->contains(base))
        return base;
    for (int n = 2;; ++n) {
        const QString candidate = QStringLiteral("%1 %2").arg(base).arg(n);
        if (!m_store->contains(candidate))
            return candidate;
    }
}

} // namespace kafdesk
