#include "views/aclspage.h"

#include "cluster/clustersession.h"
#include "commands/aclcommand.h"
#include "models/acltablemodel.h"
#include "views/datatableview.h"
#include "widgets/commandlinepreview.h"
#include "widgets/messagelog.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace kafdesk {

namespace {

enum StackPage { TablePage, StatePage };

// Where kafka-acls.sh connects: like the session, with a client.properties for TLS or SASL.
commands::Target targetOf(const ClusterSession *session)
{
    if (!session)
        return commands::Target(QStringLiteral("localhost:9092"));
    const QMap<QString, QString> &config = session->settings().clientConfig;
    bool secured = false;
    for (auto it = config.cbegin(); it != config.cend(); ++it)
        secured = secured || it.key().startsWith(QLatin1String("sasl.")) || it.key().startsWith(QLatin1String("ssl.")) ||
                  (it.key() == QLatin1String("security.protocol") &&
                   it.value().compare(QLatin1String("plaintext"), Qt::CaseInsensitive) != 0);
    return commands::Target(config.value(QStringLiteral("bootstrap.servers")),
                            secured ? QStringLiteral("client.properties") : QString());
}

} // namespace

AclsPage::AclsPage(QWidget *parent)
    : ClusterPage(parent)
    , m_acls(new AclTableModel(this))
    , m_proxy(new AclFilterModel(this))
{
    m_proxy->setSourceModel(m_acls);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildToolbar());
    layout->addWidget(buildFilters());

    m_stack = new QStackedWidget(this);
    m_table = new QTableView(m_stack);
    m_table->setObjectName(QStringLiteral("aclTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AclTableModel::PrincipalColumn, Qt::AscendingOrder);
    setUpDataTable(m_table, QAbstractItemView::ExtendedSelection);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(AclTableModel::PrincipalColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(AclTableModel::ResourceColumn, QHeaderView::Stretch);
    const QFontMetrics fm = header->fontMetrics();
    const int pad = 32;
    m_table->setColumnWidth(AclTableModel::PrincipalColumn, fm.horizontalAdvance(QLatin1Char('x')) * 28);
    m_table->setColumnWidth(AclTableModel::HostColumn, fm.horizontalAdvance(tr("* (any host)")) + pad);
    m_table->setColumnWidth(AclTableModel::ResourceTypeColumn, fm.horizontalAdvance(tr("Transactional ID")) + pad);
    m_table->setColumnWidth(AclTableModel::PatternColumn, fm.horizontalAdvance(QStringLiteral("Prefixed")) + pad);
    m_table->setColumnWidth(AclTableModel::OperationColumn, fm.horizontalAdvance(tr("Describe configs")) + pad);
    m_table->setColumnWidth(AclTableModel::PermissionColumn, fm.horizontalAdvance(tr("Permission")) + pad);
    m_stack->insertWidget(TablePage, m_table);
    m_stack->insertWidget(StatePage, buildStatePage());
    layout->addWidget(m_stack, 1);

    m_command = new CommandLinePreview(this);
    m_command->setObjectName(QStringLiteral("aclCommandLine"));
    m_command->setVisibleLines(2);
    m_command->setPlaceholder(tr("Select an ACL to see its kafka-acls.sh line."));
    layout->addWidget(m_command);

    connect(m_principal, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setPrincipalFilter(text);
        updateView();
    });
    connect(m_resource, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setResourceFilter(text);
        updateView();
    });
    connect(m_operation, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setOperationFilter(static_cast<AclOperation>(m_operation->currentData().toInt()));
        updateView();
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &AclsPage::updateView);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &AclsPage::updateView);
    connect(m_table, &QWidget::customContextMenuRequested, this, &AclsPage::showContextMenu);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        updateCommand();
    });
    updateActions();
    updateCommand();
    showState(tr("Not connected to a cluster."), {}, false);
}

QWidget *AclsPage::buildFilters()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_principal = new QLineEdit(bar);
    m_principal->setObjectName(QStringLiteral("principalFilter"));
    m_principal->setPlaceholderText(tr("Principal, such as User:alice (Ctrl+F)"));
    m_principal->setClearButtonEnabled(true);
    m_resource = new QLineEdit(bar);
    m_resource->setObjectName(QStringLiteral("resourceFilter"));
    m_resource->setPlaceholderText(tr("Resource name"));
    m_resource->setClearButtonEnabled(true);
    m_operation = new QComboBox(bar);
    m_operation->setObjectName(QStringLiteral("operationFilter"));
    m_operation->addItem(tr("Any operation"), static_cast<int>(AclOperation::Any));
    for (const AclOperation op : acl::operations())
        m_operation->addItem(acl::displayName(op), static_cast<int>(op));
    m_operation->setAccessibleName(tr("Operation"));
    m_count = new QLabel(bar);
    auto *principalLabel = new QLabel(tr("&Principal:"), bar);
    principalLabel->setBuddy(m_principal);
    auto *resourceLabel = new QLabel(tr("&Resource:"), bar);
    resourceLabel->setBuddy(m_resource);
    auto *operationLabel = new QLabel(tr("&Operation:"), bar);
    operationLabel->setBuddy(m_operation);
    row->addWidget(principalLabel);
    row->addWidget(m_principal, 3);
    row->addSpacing(8);
    row->addWidget(resourceLabel);
    row->addWidget(m_resource, 2);
    row->addSpacing(8);
    row->addWidget(operationLabel);
    row->addWidget(m_operation);
    row->addSpacing(8);
    row->addWidget(m_count);
    return bar;
}

QWidget *AclsPage::buildStatePage()
{
    auto *state = new QWidget(m_stack);
    auto *stateLayout = new QVBoxLayout(state);
    m_state = new QLabel(state);
    m_state->setObjectName(QStringLiteral("aclState"));
    m_state->setAlignment(Qt::AlignCenter);
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont larger = m_state->font();
    larger.setPointSizeF(larger.pointSizeF() * 1.15);
    m_state->setFont(larger);
    m_hint = new QLabel(state);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setFixedWidth(620);
    m_hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *busy = new QProgressBar(state);
    busy->setRange(0, 0);
    busy->setTextVisible(false);
    busy->setMaximumWidth(240);
    m_busy = busy;
    stateLayout->addStretch();
    stateLayout->addWidget(m_state);
    stateLayout->addWidget(m_hint, 0, Qt::AlignHCenter);
    stateLayout->addWidget(busy, 0, Qt::AlignCenter);
    stateLayout->addStretch();
    return state;
}

void AclsPage::attach(ClusterSession *session, MessageLog *log)
{
    ClusterPage::attach(session, log);
    ++m_generation;
    m_request = 0;
    m_again = false;
    m_loaded = false;
    m_failing = false;
    m_sinceLoad.invalidate();
    m_acls->clear();
    updateActions();
    updateCommand();
    if (!session) {
        showState(tr("Not connected to a cluster."), {}, false);
        return;
    }
    showState(tr("Waiting for the cluster's metadata…"), {}, true);
    load();
}

void AclsPage::showSnapshot(const ClusterSnapshotPtr &snapshot)
{
    if (snapshot && !m_loaded && !isLoading() && !m_failing)
        load();
}

void AclsPage::showEvent(QShowEvent *event)
{
    ClusterPage::showEvent(event);
    if (session() && !isLoading() && (!m_sinceLoad.isValid() || m_sinceLoad.elapsed() >= staleAfterMs))
        load();
}

void AclsPage::focusFilter()
{
    m_principal->setFocus(Qt::ShortcutFocusReason);
    m_principal->selectAll();
}

void AclsPage::refresh()
{
    load();
}

void AclsPage::load()
{
    ClusterSession *s = session();
    // As GroupsPage: not before the cluster answered once, nor while it does not.
    if (!s || !s->latestSnapshot() || s->state() == ConnectionState::Lost)
        return;
    if (m_request) {
        m_again = true;
        return;
    }
    if (!m_loaded)
        showState(tr("Listing the ACLs…"), {}, true);
    const quint64 generation = m_generation;
    m_sinceLoad.start();
    m_request = s->submit<QList<AclBinding>>([](ClusterOperations &ops) { return ops.listAcls(AclFilter{}); }, this,
                                             [this, generation](const Result<QList<AclBinding>> &result) {
        if (generation != m_generation)
            return; // another session by now
        m_request = 0;
        if (result) {
            m_failing = false;
            m_loaded = true;
            m_acls->setAcls(result.value());
            updateView();
            updateActions();
            updateCommand();
        } else if (result.error().message != cancelledError().message) {
            if (!m_failing && messageLog())
                messageLog()->error(result.error(), m_loaded);
            m_failing = true;
            // No authorizer: the brokers answer SECURITY_DISABLED; their words are in the detail.
            const bool noAuthorizer = result.error().fullText().contains(QLatin1String("SECURITY_DISABLED")) ||
                                      result.error().fullText().contains(QLatin1String("No Authorizer"), Qt::CaseInsensitive);
            if (!m_loaded)
                showState(noAuthorizer ? tr("This cluster has no authorizer, so it keeps no ACLs.")
                                       : tr("Could not list the ACLs."),
                          result.error().fullText(), false);
            else
                m_count->setText(tr("refresh failed: %1").arg(result.error().message));
        }
        if (m_again) {
            m_again = false;
            load();
        }
    });
}

void AclsPage::showState(const QString &text, const QString &hint, bool busy)
{
    m_state->setText(text);
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());
    m_busy->setVisible(busy);
    m_stack->setCurrentIndex(StatePage);
    m_count->clear();
}

void AclsPage::updateView()
{
    if (!m_loaded)
        return;
    const int total = m_acls->rowCount();
    if (total == 0) {
        showState(tr("No ACLs."),
                  tr("Kafka allows everyone everything on a resource that has no ACL when its brokers set "
                     "allow.everyone.if.no.acl.found=true; when they do not, only super users get in."),
                  false);
        return;
    }
    m_stack->setCurrentIndex(TablePage);
    const int shown = m_proxy->rowCount();
    if (shown < total)
        m_count->setText(tr("%1 of %2 shown").arg(shown).arg(total));
    else
        m_count->setText(total == 1 ? tr("1 ACL") : tr("%1 ACLs").arg(total));
}

void AclsPage::updateCommand()
{
    const QList<AclBinding> selected = selectedAcls();
    const commands::Target target = targetOf(session());
    if (!session())
        m_command->setCommand({});
    else if (selected.isEmpty())
        m_command->setCommand(commands::listAcls(target).line);
    else if (selected.size() == 1)
        m_command->setCommand(commands::createAcl(target, selected.first()).line);
    else
        m_command->setCommand(commands::deleteAcls(target, selected).line);
}

QString AclsPage::emptyStateText() const
{
    return m_stack->currentIndex() == StatePage ? m_state->text() : QString();
}

QList<AclBinding> AclsPage::selectedAcls() const
{
    QList<AclBinding> out;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        if (const AclBinding *a = m_acls->aclAt(m_proxy->mapToSource(index).row()))
            out << *a;
    std::sort(out.begin(), out.end(), &AclTableModel::less);
    return out;
}

bool AclsPage::selectAcl(const AclBinding &acl)
{
    const int row = m_acls->rowOf(acl);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_acls->index(row, 0));
    if (!index.isValid())
        return false;
    m_table->setCurrentIndex(index);
    m_table->selectRow(index.row());
    return true;
}

} // namespace kafdesk
