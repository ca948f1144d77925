#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace Mainstay {

// An inline message strip above the content (like KMessageWidget): errors a person can act on
// stay visible until dismissed instead of flashing by in the status bar.
class MessageBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Level
    {
        Information,
        Warning,
        Error
    };

    explicit MessageBanner(QWidget *parent = nullptr);

    // Shows `text`; while the banner is up, further messages are added below the earlier ones.
    void showMessage(Level level, const QString &text);
    QString text() const;
    Level level() const { return m_level; }

private:
    QLabel *m_label;
    QToolButton *m_close;
    Level m_level = Level::Information;
};

} // namespace Mainstay
