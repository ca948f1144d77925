#include "noteschecksview.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Mainstay {

namespace {

int severityRank(NotesCheck::Severity severity)
{
    switch (severity) {
    case NotesCheck::Severity::Error:
        return 0;
    case NotesCheck::Severity::Warning:
        return 1;
    case NotesCheck::Severity::Ok:
        break;
    }
    return 2;
}

} // namespace

QIcon NotesChecksView::severityIcon(NotesCheck::Severity severity, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    QColor color;
    switch (severity) {
    case NotesCheck::Severity::Ok:
        color = dark ? QColor(0x3f, 0xb9, 0x50) : QColor(0x1a, 0x7f, 0x37);
        break;
    case NotesCheck::Severity::Warning:
        color = dark ? QColor(0xd2, 0x99, 0x22) : QColor(0x9a, 0x67, 0x00);
        break;
    case NotesCheck::Severity::Error:
        color = dark ? QColor(0xf8, 0x51, 0x49) : QColor(0xcf, 0x22, 0x2e);
        break;
    }
    QIcon icon;
    for (int size : {16, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        const qreal s = size / 16.0;
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        if (severity == NotesCheck::Severity::Warning) {
            QPainterPath triangle;
            triangle.moveTo(8 * s, 1 * s);
            triangle.lineTo(15 * s, 14.5 * s);
            triangle.lineTo(1 * s, 14.5 * s);
            triangle.closeSubpath();
            p.drawPath(triangle);
        } else {
            p.drawEllipse(QRectF(1 * s, 1 * s, 14 * s, 14 * s));
        }
        QPen pen(Qt::white, 1.8 * s, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        if (severity == NotesCheck::Severity::Ok) {
            p.drawPolyline(QPolygonF(
                {QPointF(4.5 * s, 8.2 * s), QPointF(7 * s, 10.7 * s), QPointF(11.5 * s, 5.5 * s)}));
        } else if (severity == NotesCheck::Severity::Error) {
            p.drawLine(QPointF(5.5 * s, 5.5 * s), QPointF(10.5 * s, 10.5 * s));
            p.drawLine(QPointF(10.5 * s, 5.5 * s), QPointF(5.5 * s, 10.5 * s));
        } else {
            p.drawLine(QPointF(8 * s, 5.5 * s), QPointF(8 * s, 9.5 * s));
            p.drawPoint(QPointF(8 * s, 12 * s));
        }
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

NotesChecksView::NotesChecksView(QWidget *parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("notesChecksView"));
    m_tree->setObjectName(QStringLiteral("checksTree"));
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Check"), tr("Line"), QString()});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(false);
    m_tree->setWordWrap(false);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);
    connect(m_tree, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { activateRow(m_tree->indexOfTopLevelItem(item)); });
}

void NotesChecksView::setChecks(const QList<NotesCheck> &checks)
{
    m_checks = checks;
    std::stable_sort(m_checks.begin(), m_checks.end(),
                     [](const NotesCheck &a, const NotesCheck &b) {
                         return severityRank(a.severity) < severityRank(b.severity);
                     });
    m_tree->clear();
    for (const NotesCheck &check : std::as_const(m_checks)) {
        auto *item = new QTreeWidgetItem(m_tree);
        item->setIcon(0, severityIcon(check.severity, palette()));
        item->setText(0, check.message);
        item->setToolTip(0, check.message);
        item->setData(0, Qt::UserRole, check.id);
        if (check.line > 0)
            item->setText(1, QString::number(check.line));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        if (check.fix) {
            auto *fix =
                new QPushButton(check.fix->label.isEmpty() ? tr("Fix") : check.fix->label, m_tree);
            fix->setObjectName(QStringLiteral("fix-") + check.id);
            fix->setToolTip(tr("Change the notes to fix this"));
            fix->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
            const NotesCheck copy = check;
            connect(fix, &QPushButton::clicked, this, [this, copy] { Q_EMIT fixRequested(copy); });
            m_tree->setItemWidget(item, 2, fix);
        }
    }
}

int NotesChecksView::rowOf(const QString &id) const
{
    for (int i = 0; i < m_checks.size(); ++i)
        if (m_checks.at(i).id == id)
            return i;
    return -1;
}

void NotesChecksView::activateRow(int row)
{
    if (row < 0 || row >= m_checks.size())
        return;
    if (m_checks.at(row).line > 0)
        Q_EMIT jumpToLine(m_checks.at(row).line);
}

QString NotesChecksView::summary() const
{
    int errors = 0;
    int warnings = 0;
    for (const NotesCheck &check : m_checks) {
        errors += check.severity == NotesCheck::Severity::Error;
        warnings += check.severity == NotesCheck::Severity::Warning;
    }
    if (errors == 0 && warnings == 0)
        return m_checks.isEmpty() ? QString() : tr("all passed");
    QStringList parts;
    if (errors)
        parts << (errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors));
    if (warnings)
        parts << (warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings));
    return parts.join(QStringLiteral(", "));
}

RegenerateConflictsView::RegenerateConflictsView(QWidget *parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
    , m_empty(new QLabel(tr("No conflicts. Regenerating keeps your edits; a generated line you "
                            "changed whose pull request changed too is listed here."),
                         this))
{
    setObjectName(QStringLiteral("regenerateConflictsView"));
    m_tree->setObjectName(QStringLiteral("conflictsTree"));
    m_tree->setColumnCount(4);
    m_tree->setHeaderLabels({tr("Line"), tr("Your text (kept)"), tr("Generated now"), QString()});
    m_tree->setRootIsDecorated(false);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);
    layout->addWidget(m_empty);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const int row = m_tree->indexOfTopLevelItem(item);
        if (row >= 0 && row < m_conflicts.size())
            Q_EMIT jumpToLine(m_conflicts.at(row).line);
    });
    rebuild();
}

void RegenerateConflictsView::setConflicts(const QList<RegenerateConflict> &conflicts)
{
    m_conflicts = conflicts;
    rebuild();
}

void RegenerateConflictsView::removeConflict(int index)
{
    if (index >= 0 && index < m_conflicts.size())
        m_conflicts.removeAt(index);
    rebuild();
}

void RegenerateConflictsView::dismissLater(const RegenerateConflict &conflict)
{
    // The row's buttons are being clicked: rebuild once their signal has returned.
    QTimer::singleShot(0, this,
                       [this, conflict] { removeConflict(int(m_conflicts.indexOf(conflict))); });
}

void RegenerateConflictsView::rebuild()
{
    m_tree->clear();
    for (int i = 0; i < m_conflicts.size(); ++i) {
        const RegenerateConflict &conflict = m_conflicts.at(i);
        auto *item = new QTreeWidgetItem(m_tree);
        item->setText(0, QString::number(conflict.line));
        item->setText(1, conflict.oldText.trimmed());
        item->setToolTip(1, conflict.oldText);
        item->setText(2, conflict.newText.trimmed());
        item->setToolTip(2, conflict.newText);
        auto *buttons = new QWidget(m_tree);
        auto *row = new QHBoxLayout(buttons);
        row->setContentsMargins(2, 0, 2, 0);
        auto *use = new QPushButton(tr("Use generated"), buttons);
        use->setObjectName(QStringLiteral("useGenerated"));
        auto *keep = new QPushButton(tr("Keep mine"), buttons);
        keep->setObjectName(QStringLiteral("keepMine"));
        row->addWidget(use);
        row->addWidget(keep);
        const RegenerateConflict copy = conflict;
        connect(use, &QPushButton::clicked, this, [this, copy] {
            Q_EMIT useGenerated(copy);
            dismissLater(copy);
        });
        connect(keep, &QPushButton::clicked, this, [this, copy] { dismissLater(copy); });
        m_tree->setItemWidget(item, 3, buttons);
    }
    m_tree->setVisible(!m_conflicts.isEmpty());
    m_empty->setVisible(m_conflicts.isEmpty());
}

} // namespace Mainstay
