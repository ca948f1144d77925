#pragma once

#include "appsettings.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Mainstay {

// Edits AppSettings: the API base URL (GitHub Enterprise), where the token comes from, the sync
// interval and the palette. `tokenStatus` says which token source was found, without the token.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(const AppSettings &settings, const QString &tokenStatus,
                   QWidget *parent = nullptr);

    AppSettings settings() const;
    // Shows the outcome of a save or a test (plain text; never the token).
    void setTokenStatus(const QString &text);
    // True once a pasted token was handed to saveTokenRequested().
    bool tokenSaved() const { return m_tokenSaved; }

Q_SIGNALS:
    // The user pasted a token and asked to keep it in the keychain.
    void saveTokenRequested(const QString &token);
    // Test the pasted token, or the one in use when `token` is empty.
    void testTokenRequested(const QString &token);

private:
    void validate();

    AppSettings m_settings;
    QLineEdit *m_apiUrl;
    QLabel *m_apiUrlError;
    QComboBox *m_tokenSource;
    QSpinBox *m_interval;
    QComboBox *m_palette;
    QPushButton *m_okButton = nullptr;
    QLineEdit *m_token;
    QLabel *m_tokenStatus;
    bool m_tokenSaved = false;
};

} // namespace Mainstay
