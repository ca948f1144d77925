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

private:
    void validate();

    AppSettings m_settings;
    QLineEdit *m_apiUrl;
    QLabel *m_apiUrlError;
    QComboBox *m_tokenSource;
    QSpinBox *m_interval;
    QComboBox *m_palette;
    QPushButton *m_okButton = nullptr;
};

} // namespace Mainstay
