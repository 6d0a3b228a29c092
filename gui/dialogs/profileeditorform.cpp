// ProfileEditor, continued: the form's widgets and layout. The logic is in profileeditor.cpp.

#include "dialogs/profileeditor.h"
#include "profiles/librdkafkaproperties.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace kafdesk {

namespace {

enum ExtraColumn { KeyColumn, ValueColumn, RemoveColumn };

QLineEdit *passwordEdit(const QString &objectName, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setEchoMode(QLineEdit::Password);
    edit->setClearButtonEnabled(true);
    return edit;
}

QIcon swatchIcon(const QString &colour, const QPalette &palette)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(palette.color(QPalette::Mid));
    painter.setBrush(colour.isEmpty() ? QBrush(Qt::NoBrush) : QBrush(QColor::fromString(colour)));
    painter.drawRoundedRect(QRectF(1.5, 1.5, 13, 13), 3, 3);
    if (colour.isEmpty())
        painter.drawLine(QPointF(3, 13), QPointF(13, 3));
    return QIcon(pixmap);
}

} // namespace

QWidget *ProfileEditor::fileRow(QLineEdit *edit, const QString &title, const QString &filter, bool directories)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    edit->setClearButtonEnabled(true);
    layout->addWidget(edit, 1);
    auto *browse = new QPushButton(tr("Browse\u2026"), row);
    browse->setObjectName(edit->objectName() + QStringLiteral("Browse"));
    layout->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this, edit, title, filter, directories] {
        const QString start = edit->text().isEmpty() ? QString() : QFileInfo(edit->text()).absolutePath();
        auto *dialog = new QFileDialog(this, title, start, filter);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(directories ? QFileDialog::Directory : QFileDialog::ExistingFile);
        connect(dialog, &QFileDialog::fileSelected, edit, [edit](const QString &file) { edit->setText(file); });
        dialog->open();
    });
    return row;
}

void ProfileEditor::buildForm()
{
    auto *content = new QWidget(this);
    auto *column = new QVBoxLayout(content);

    m_keychainNote = newMessageLabel(QStringLiteral("keychainNote"), content);
    column->addWidget(m_keychainNote);

    auto *general = new QFormLayout;
    general->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_name = new QLineEdit(content);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("e.g. Production (eu-west)"));
    general->addRow(tr("&Name:"), m_name);
    m_nameMessage = newMessageLabel(QStringLiteral("nameMessage"), content);
    general->addRow(QString(), m_nameMessage);

    auto *label = new QWidget(content);
    auto *labelRow = new QHBoxLayout(label);
    labelRow->setContentsMargins(0, 0, 0, 0);
    m_colourButton = new QToolButton(label);
    m_colourButton->setObjectName(QStringLiteral("colourButton"));
    m_colourButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_colourButton->setText(tr("Colour\u2026"));
    m_colourButton->setToolTip(tr("A colour that marks this connection in the window, so a production cluster "
                                  "is hard to mistake for a test one."));
    m_noColourButton = new QToolButton(label);
    m_noColourButton->setObjectName(QStringLiteral("noColourButton"));
    m_noColourButton->setText(tr("None"));
    m_readOnly = new QCheckBox(tr("&Read-only"), label);
    m_readOnly->setObjectName(QStringLiteral("readOnly"));
    m_readOnly->setToolTip(tr("Kafdesk refuses every change on this connection: creating or deleting topics, "
                              "changing configs, resetting offsets."));
    labelRow->addWidget(m_colourButton);
    labelRow->addWidget(m_noColourButton);
    labelRow->addSpacing(16);
    labelRow->addWidget(m_readOnly);
    labelRow->addStretch(1);
    general->addRow(tr("Label:"), label);

    m_bootstrap = new QLineEdit(content);
    m_bootstrap->setObjectName(QStringLiteral("bootstrapServers"));
    m_bootstrap->setPlaceholderText(tr("broker1.example.com:9092, broker2.example.com:9092"));
    general->addRow(tr("&Bootstrap servers:"), m_bootstrap);
    m_bootstrapMessage = newMessageLabel(QStringLiteral("bootstrapMessage"), content);
    general->addRow(QString(), m_bootstrapMessage);

    m_protocol = new QComboBox(content);
    m_protocol->setObjectName(QStringLiteral("securityProtocol"));
    for (const SecurityProtocol p : {SecurityProtocol::Plaintext, SecurityProtocol::Ssl,
                                     SecurityProtocol::SaslPlaintext, SecurityProtocol::SaslSsl})
        m_protocol->addItem(nameOf(p), static_cast<int>(p));
    m_protocol->setToolTip(tr("PLAINTEXT: no encryption, no login. SSL: TLS. SASL_PLAINTEXT: a login without "
                              "encryption. SASL_SSL: a login over TLS (what most managed clusters use)."));
    general->addRow(tr("&Security protocol:"), m_protocol);
    column->addLayout(general);

    m_saslBox = new QGroupBox(tr("SASL login"), content);
    m_saslBox->setObjectName(QStringLiteral("saslBox"));
    auto *sasl = new QFormLayout(m_saslBox);
    sasl->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_mechanism = new QComboBox(m_saslBox);
    m_mechanism->setObjectName(QStringLiteral("saslMechanism"));
    m_mechanism->addItem(tr("(choose)"), static_cast<int>(SaslMechanism::None));
    for (const SaslMechanism m : {SaslMechanism::Plain, SaslMechanism::ScramSha256, SaslMechanism::ScramSha512})
        m_mechanism->addItem(nameOf(m), static_cast<int>(m));
    sasl->addRow(tr("&Mechanism:"), m_mechanism);
    m_user = new QLineEdit(m_saslBox);
    m_user->setObjectName(QStringLiteral("userName"));
    sasl->addRow(tr("&User name:"), m_user);
    m_password = passwordEdit(QStringLiteral("password"), m_saslBox);
    sasl->addRow(tr("&Password:"), m_password);
    m_saslMessage = newMessageLabel(QStringLiteral("saslMessage"), m_saslBox);
    sasl->addRow(QString(), m_saslMessage);
    column->addWidget(m_saslBox);

    m_tlsBox = new QGroupBox(tr("TLS"), content);
    m_tlsBox->setObjectName(QStringLiteral("tlsBox"));
    auto *tls = new QFormLayout(m_tlsBox);
    tls->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const QString pem = tr("PEM files (*.pem *.crt *.cer *.key);;All files (*)");
    m_caFile = new QLineEdit(m_tlsBox);
    m_caFile->setObjectName(QStringLiteral("caFile"));
    m_caFile->setPlaceholderText(tr("the system's CA certificates"));
    tls->addRow(tr("&CA certificates:"), fileRow(m_caFile, tr("CA certificates (PEM)"), pem, false));
    auto *clientHint = new QLabel(tr("A client certificate only if the brokers ask for one (mutual TLS): PEM "
                                     "files, or a PKCS#12 keystore."),
                                  m_tlsBox);
    clientHint->setWordWrap(true);
    clientHint->setForegroundRole(QPalette::PlaceholderText);
    tls->addRow(QString(), clientHint);
    m_certFile = new QLineEdit(m_tlsBox);
    m_certFile->setObjectName(QStringLiteral("clientCertFile"));
    tls->addRow(tr("Client c&ertificate:"), fileRow(m_certFile, tr("Client certificate (PEM)"), pem, false));
    m_keyFile = new QLineEdit(m_tlsBox);
    m_keyFile->setObjectName(QStringLiteral("clientKeyFile"));
    tls->addRow(tr("Client &key:"), fileRow(m_keyFile, tr("Client private key (PEM)"), pem, false));
    m_keyPassword = passwordEdit(QStringLiteral("keyPassword"), m_tlsBox);
    m_keyPassword->setPlaceholderText(tr("only for an encrypted key"));
    tls->addRow(tr("Key pass&word:"), m_keyPassword);
    m_pkcs12File = new QLineEdit(m_tlsBox);
    m_pkcs12File->setObjectName(QStringLiteral("pkcs12File"));
    tls->addRow(tr("PKCS#&12 keystore:"),
                fileRow(m_pkcs12File, tr("PKCS#12 keystore"), tr("PKCS#12 (*.p12 *.pfx);;All files (*)"), false));
    m_pkcs12Password = passwordEdit(QStringLiteral("pkcs12Password"), m_tlsBox);
    m_pkcs12Password->setPlaceholderText(tr("kept in the keychain, never in the settings"));
    tls->addRow(tr("Keystore passw&ord:"), m_pkcs12Password);
    m_tlsMessage = newMessageLabel(QStringLiteral("tlsMessage"), m_tlsBox);
    tls->addRow(QString(), m_tlsMessage);
    column->addWidget(m_tlsBox);

    auto *extrasBox = new QGroupBox(tr("Further librdkafka properties"), content);
    auto *extras = new QVBoxLayout(extrasBox);
    m_extras = new QTableWidget(0, 3, extrasBox);
    m_extras->setObjectName(QStringLiteral("extraProperties"));
    m_extras->setHorizontalHeaderLabels({tr("Property"), tr("Value"), QString()});
    m_extras->horizontalHeader()->setSectionResizeMode(KeyColumn, QHeaderView::Stretch);
    m_extras->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    m_extras->horizontalHeader()->setSectionResizeMode(RemoveColumn, QHeaderView::ResizeToContents);
    m_extras->verticalHeader()->hide();
    m_extras->setSelectionMode(QAbstractItemView::NoSelection);
    m_extras->setMinimumHeight(m_extras->horizontalHeader()->sizeHint().height() +
                               3 * m_extras->verticalHeader()->defaultSectionSize() + 4);
    extras->addWidget(m_extras);
    auto *add = new QPushButton(tr("&Add property"), extrasBox);
    add->setObjectName(QStringLiteral("addProperty"));
    connect(add, &QPushButton::clicked, this, [this] {
        addExtraRow({}, {});
        if (auto *key = qobject_cast<QLineEdit *>(m_extras->cellWidget(m_extras->rowCount() - 1, KeyColumn)))
            key->setFocus();
    });
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(add);
    addRow->addStretch(1);
    extras->addLayout(addRow);
    m_extrasMessage = newMessageLabel(QStringLiteral("extrasMessage"), extrasBox);
    extras->addWidget(m_extrasMessage);
    column->addWidget(extrasBox);
    column->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the form narrows with the dialog

    m_generalMessage = newMessageLabel(QStringLiteral("generalMessage"), this);
    m_status = newMessageLabel(QStringLiteral("saveStatus"), this);
    m_revertButton = new QPushButton(tr("Re&vert"), this);
    m_revertButton->setObjectName(QStringLiteral("revertButton"));
    m_saveButton = new QPushButton(tr("Sa&ve"), this);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 10);
    buttons->addStretch(1);
    buttons->addWidget(m_revertButton);
    buttons->addWidget(m_saveButton);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll, 1);
    outer->addWidget(m_generalMessage);
    outer->addLayout(buttons);

    for (QLineEdit *edit : {m_name, m_bootstrap, m_user, m_password, m_caFile, m_certFile, m_keyFile, m_keyPassword,
                            m_pkcs12File, m_pkcs12Password})
        connect(edit, &QLineEdit::textChanged, this, &ProfileEditor::validate);
    connect(m_readOnly, &QCheckBox::toggled, this, &ProfileEditor::validate);
    connect(m_mechanism, &QComboBox::currentIndexChanged, this, &ProfileEditor::validate);
    connect(m_protocol, &QComboBox::currentIndexChanged, this, [this] {
        updateProtocolFields();
        validate();
    });
    connect(m_noColourButton, &QToolButton::clicked, this, [this] { setLabelColour(QColor()); });
    connect(m_colourButton, &QToolButton::clicked, this, [this] {
        auto *dialog =
            new QColorDialog(m_colour.isEmpty() ? QColor(0x1f, 0x77, 0xb4) : QColor::fromString(m_colour), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(tr("Label colour"));
        connect(dialog, &QColorDialog::colorSelected, this, &ProfileEditor::setLabelColour);
        dialog->open();
    });
    // Inside a dialog, Return in a field must not press Save or Browse.
    for (QPushButton *b : findChildren<QPushButton *>())
        b->setAutoDefault(false);
    connect(m_saveButton, &QPushButton::clicked, this, &ProfileEditor::save);
    connect(m_revertButton, &QPushButton::clicked, this, &ProfileEditor::revert);
}

void ProfileEditor::addExtraRow(const QString &key, const QString &value)
{
    const int row = m_extras->rowCount();
    m_extras->insertRow(row);
    auto *keyEdit = new QLineEdit(key, m_extras);
    keyEdit->setFrame(false);
    keyEdit->setPlaceholderText(tr("e.g. client.id"));
    auto *valueEdit = new QLineEdit(value, m_extras);
    valueEdit->setFrame(false);
    valueEdit->setEchoMode(isSecretProperty(key) ? QLineEdit::Password : QLineEdit::Normal);
    auto *remove = new QToolButton(m_extras);
    remove->setText(QStringLiteral("\u2715"));
    remove->setAutoRaise(true);
    remove->setToolTip(tr("Remove this property"));
    m_extras->setCellWidget(row, KeyColumn, keyEdit);
    m_extras->setCellWidget(row, ValueColumn, valueEdit);
    m_extras->setCellWidget(row, RemoveColumn, remove);
    connect(keyEdit, &QLineEdit::textChanged, this, [this, valueEdit](const QString &text) {
        valueEdit->setEchoMode(isSecretProperty(text.trimmed()) ? QLineEdit::Password : QLineEdit::Normal);
        validate();
    });
    connect(valueEdit, &QLineEdit::textChanged, this, &ProfileEditor::validate);
    connect(remove, &QToolButton::clicked, this, [this, remove] {
        for (int r = 0; r < m_extras->rowCount(); ++r) {
            if (m_extras->cellWidget(r, RemoveColumn) == remove) {
                m_extras->removeRow(r);
                break;
            }
        }
        validate();
    });
    validate();
}

void ProfileEditor::updateColourButton()
{
    m_colourButton->setIcon(swatchIcon(m_colour, palette()));
    m_noColourButton->setEnabled(!m_colour.isEmpty());
}

} // namespace kafdesk
