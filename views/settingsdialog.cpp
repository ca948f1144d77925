#include "settingsdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

namespace Mainstay {

SettingsDialog::SettingsDialog(const AppSettings &settings, const QString &tokenStatus,
                               QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_apiUrl(new QLineEdit(settings.apiUrl, this))
    , m_apiUrlError(new QLabel(this))
    , m_tokenSource(new QComboBox(this))
    , m_interval(new QSpinBox(this))
    , m_palette(new QComboBox(this))
    , m_token(new QLineEdit(this))
    , m_tokenStatus(new QLabel(this))
{
    setWindowTitle(tr("Settings"));
    m_apiUrl->setPlaceholderText(QStringLiteral("https://api.github.com"));
    m_apiUrl->setToolTip(tr("GitHub Enterprise Server: https://HOST/api/v3"));
    m_apiUrlError->setStyleSheet(QStringLiteral("color:#cf222e;"));
    m_apiUrlError->hide();

    m_tokenSource->addItem(tr("Automatic (environment, then GitHub CLI, then keychain)"),
                           int(AppSettings::TokenSource::Automatic));
    m_tokenSource->addItem(tr("GH_TOKEN / GITHUB_TOKEN environment variable"),
                           int(AppSettings::TokenSource::Environment));
    m_tokenSource->addItem(tr("GitHub CLI (gh auth token)"),
                           int(AppSettings::TokenSource::GitHubCli));
    m_tokenSource->addItem(tr("System keychain"), int(AppSettings::TokenSource::Keychain));
    m_tokenSource->setCurrentIndex(m_tokenSource->findData(int(settings.tokenSource)));

    m_interval->setRange(0, 24 * 60);
    m_interval->setSuffix(tr(" min"));
    m_interval->setSpecialValueText(tr("Only on demand (F5)"));
    m_interval->setValue(settings.syncIntervalMinutes);

    m_palette->addItem(tr("Light"), QStringLiteral("light"));
    m_palette->addItem(tr("Dark"), QStringLiteral("dark"));
    m_palette->setCurrentIndex(std::max(0, m_palette->findData(settings.palette)));

    auto *tokenLabel = new QLabel(tokenStatus, this);
    tokenLabel->setWordWrap(true);
    tokenLabel->setTextFormat(Qt::PlainText);

    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(
        tr("Paste a token (ghp_…, github_pat_…) to keep it in the keychain"));
    m_token->setAccessibleName(tr("New token"));
    auto *saveToken = new QPushButton(tr("Save in keychain"), this);
    auto *testToken = new QPushButton(tr("Test"), this);
    saveToken->setEnabled(false);
    connect(m_token, &QLineEdit::textChanged, saveToken,
            [saveToken](const QString &text) { saveToken->setEnabled(!text.trimmed().isEmpty()); });
    connect(saveToken, &QPushButton::clicked, this, [this] {
        m_tokenSaved = true;
        Q_EMIT saveTokenRequested(m_token->text().trimmed());
    });
    connect(testToken, &QPushButton::clicked, this,
            [this] { Q_EMIT testTokenRequested(m_token->text().trimmed()); });
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(saveToken);
    tokenRow->addWidget(testToken);
    m_tokenStatus->setWordWrap(true);
    m_tokenStatus->setTextFormat(Qt::PlainText);
    m_tokenStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    form->addRow(tr("API URL:"), m_apiUrl);
    form->addRow(QString(), m_apiUrlError);
    form->addRow(tr("Token from:"), m_tokenSource);
    form->addRow(QString(), tokenLabel);
    form->addRow(tr("Token:"), tokenRow);
    form->addRow(QString(), m_tokenStatus);
    form->addRow(tr("Sync every:"), m_interval);
    form->addRow(tr("Palette:"), m_palette);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_okButton = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_apiUrl, &QLineEdit::textChanged, this, &SettingsDialog::validate);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

void SettingsDialog::validate()
{
    const QUrl url(m_apiUrl->text().trimmed(), QUrl::StrictMode);
    const bool ok =
        url.isValid() && !url.host().isEmpty() &&
        (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"));
    m_apiUrlError->setText(ok ? QString()
                              : tr("Enter an http(s) URL, e.g. https://github.example.com/api/v3"));
    m_apiUrlError->setVisible(!ok);
    if (m_okButton)
        m_okButton->setEnabled(ok);
}

void SettingsDialog::setTokenStatus(const QString &text)
{
    m_tokenStatus->setText(text);
}

AppSettings SettingsDialog::settings() const
{
    AppSettings s = m_settings;
    s.apiUrl = m_apiUrl->text().trimmed();
    s.tokenSource = AppSettings::TokenSource(m_tokenSource->currentData().toInt());
    s.syncIntervalMinutes = m_interval->value();
    s.palette = m_palette->currentData().toString();
    return s;
}

} // namespace Mainstay
