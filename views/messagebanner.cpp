#include "messagebanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace Mainstay {

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageBanner"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText); // server messages are text, never markup
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setText(QStringLiteral("✕"));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Dismiss"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void MessageBanner::showMessage(Level level, const QString &text)
{
    // Several problems can arise at once (a damaged cache and a missing token): keep them all,
    // at the gravest level among them, until dismissed.
    if (isVisible() && !m_label->text().isEmpty() && !m_label->text().contains(text)) {
        m_level = std::max(m_level, level);
        m_label->setText(m_label->text() + QLatin1Char('\n') + text);
    } else {
        m_level = level;
        m_label->setText(text);
    }
    level = m_level;
    const char *colors =
        level == Level::Error     ? "background:#ffebe9;border:1px solid #ff8182;color:#1f2328;"
        : level == Level::Warning ? "background:#fff8c5;border:1px solid #d4a72c;color:#1f2328;"
                                  : "background:#ddf4ff;border:1px solid #54aeff;color:#1f2328;";
    setStyleSheet(QStringLiteral("#messageBanner{%1border-radius:6px;} #messageBanner "
                                 "QLabel{border:none;background:transparent;}")
                      .arg(QLatin1String(colors)));
    show();
}

QString MessageBanner::text() const
{
    return m_label->text();
}

} // namespace Mainstay
