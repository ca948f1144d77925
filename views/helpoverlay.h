#pragma once

#include <QList>
#include <QWidget>

namespace Mainstay {

// A translucent sheet over the main window listing the keyboard shortcuts. Shown with F1 or "?",
// closed with Escape, a click, or the same keys again.
class HelpOverlay : public QWidget
{
    Q_OBJECT
public:
    struct Entry
    {
        QString keys;
        QString description;
        QString group;
    };

    explicit HelpOverlay(QWidget *parent);

    void setEntries(const QList<Entry> &entries)
    {
        m_entries = entries;
        update();
    }
    const QList<Entry> &entries() const { return m_entries; }
    void toggle();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QList<Entry> m_entries;
};

} // namespace Mainstay
