#include "triagedialogs.h"

#include "labelchippainter.h"
#include "markdownview.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCompleter>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace Mainstay {

namespace {

// The picker's rows: the check box, then the label as a chip in its own colour, then its
// description in a quieter colour.
class LabelChipItemDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString name = opt.text;
        opt.text.clear();
        opt.icon = QIcon();
        opt.features &= ~QStyleOptionViewItem::HasDecoration;
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
        const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
        const QVariantList chip{QVariantMap{{QStringLiteral("name"), name},
                                            {QStringLiteral("color"), index.data(Qt::UserRole)}}};
        const int width = LabelChipPainter::preferredWidth(chip, opt.font);
        const QRect chipRect(text.left() + 2, text.top() + 2, std::min(width, text.width()),
                             text.height() - 4);
        LabelChipPainter::paint(painter, chipRect, chip, opt.font,
                                opt.palette.color(QPalette::Text));
        const QString description = index.data(Qt::ToolTipRole).toString();
        if (!description.isEmpty() && chipRect.right() + 12 < text.right()) {
            painter->save();
            painter->setPen(opt.palette.color(QPalette::PlaceholderText));
            const QRect rest(chipRect.right() + 10, text.top(),
                             text.right() - chipRect.right() - 10, text.height());
            painter->drawText(
                rest, Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetrics(opt.font).elidedText(description, Qt::ElideRight, rest.width()));
            painter->restore();
        }
    }
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setHeight(std::max(size.height(), QFontMetrics(option.font).height() + 10));
        return size;
    }
};

QString itemsPhrase(int count)
{
    return count == 1 ? QObject::tr("1 item") : QObject::tr("%1 items").arg(count);
}

} // namespace

// ---------------------------------------------------------------------------------------------

LabelPicker::LabelPicker(const QList<Label> &labels, const QHash<QString, int> &counts, int total,
                         QWidget *parent)
    : QDialog(parent)
    , m_filter(new QLineEdit(this))
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("labelPicker"));
    setWindowTitle(tr("Labels for %1").arg(itemsPhrase(total)));
    m_filter->setPlaceholderText(tr("Type to find a label; Enter toggles, Enter again applies"));
    m_filter->installEventFilter(this);
    for (const Label &label : labels) {
        auto *item = new QListWidgetItem(label.name, m_list);
        item->setToolTip(label.description);
        item->setData(Qt::UserRole, label.color);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        const int count = counts.value(label.name.toLower());
        const Qt::CheckState state = count == 0       ? Qt::Unchecked
                                     : count >= total ? Qt::Checked
                                                      : Qt::PartiallyChecked;
        item->setCheckState(state);
        m_initial.insert(label.name.toLower(), state);
    }
    m_list->setItemDelegate(new LabelChipItemDelegate(m_list));
    m_list->setUniformItemSizes(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Apply"));
    buttons->button(QDialogButtonBox::Ok)->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Ok)->setDefault(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_filter, &QLineEdit::textChanged, this, &LabelPicker::applyFilter);
    connect(m_list, &QListWidget::itemActivated, this, [](QListWidgetItem *item) {
        item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(460, 480);
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

bool LabelPicker::toggle(const QString &name)
{
    const QList<QListWidgetItem *> found = m_list->findItems(name, Qt::MatchFixedString);
    if (found.isEmpty())
        return false;
    QListWidgetItem *item = found.first();
    item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
    return true;
}

LabelChange LabelPicker::change() const
{
    LabelChange change;
    for (int row = 0; row < m_list->count(); ++row) {
        const QListWidgetItem *item = m_list->item(row);
        const Qt::CheckState before = m_initial.value(item->text().toLower());
        const Qt::CheckState after = item->checkState();
        if (after == before)
            continue;
        if (after == Qt::Checked)
            change.add.append(item->text());
        else if (after == Qt::Unchecked)
            change.remove.append(item->text());
    }
    return change;
}

void LabelPicker::applyFilter()
{
    const QString text = m_filter->text().trimmed();
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        item->setHidden(!text.isEmpty() && !item->text().contains(text, Qt::CaseInsensitive));
    }
    // Prefer a label that starts with what was typed.
    QListWidgetItem *best = nullptr;
    for (int row = 0; row < m_list->count() && !text.isEmpty(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        if (!item->isHidden() && item->text().startsWith(text, Qt::CaseInsensitive)) {
            best = item;
            break;
        }
    }
    if (!best)
        best = firstVisible();
    if (best)
        m_list->setCurrentItem(best);
}

QListWidgetItem *LabelPicker::firstVisible() const
{
    for (int row = 0; row < m_list->count(); ++row)
        if (!m_list->item(row)->isHidden())
            return m_list->item(row);
    return nullptr;
}

bool LabelPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
            QCoreApplication::sendEvent(m_list, event);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (m_filter->text().trimmed().isEmpty()) {
                accept();
            } else if (QListWidgetItem *item = m_list->currentItem(); item && !item->isHidden()) {
                item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked
                                                                      : Qt::Checked);
                m_filter->clear();
            }
            return true;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

// ---------------------------------------------------------------------------------------------

AssignDialog::AssignDialog(const QStringList &users, int count, QWidget *parent)
    : QDialog(parent)
    , m_edit(new QLineEdit(this))
{
    setObjectName(QStringLiteral("assignDialog"));
    setWindowTitle(tr("Assign %1").arg(itemsPhrase(count)));
    m_edit->setPlaceholderText(tr("login, another-login"));
    auto *completer = new QCompleter(users, m_edit);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_edit->setCompleter(completer);
    auto *hint = new QLabel(tr("Known maintainers and assignees complete as you type. GitHub "
                               "skips people who cannot be assigned."),
                            this);
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Assign"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_edit);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    resize(380, 150);
}

QStringList AssignDialog::logins() const
{
    QStringList logins;
    for (QString login :
         m_edit->text().split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts)) {
        if (login.startsWith(u'@'))
            login.remove(0, 1);
        if (!login.isEmpty() && !logins.contains(login, Qt::CaseInsensitive))
            logins.append(login);
    }
    return logins;
}

// ---------------------------------------------------------------------------------------------

CloseDialog::CloseDialog(bool notPlanned, int count, QWidget *parent)
    : QDialog(parent)
    , m_reason(new QButtonGroup(this))
    , m_comment(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("closeDialog"));
    setWindowTitle(tr("Close %1").arg(itemsPhrase(count)));
    auto *completed = new QRadioButton(tr("Completed — done, fixed or answered"), this);
    auto *notPlannedButton =
        new QRadioButton(tr("Not planned — won't fix, duplicate, stale"), this);
    m_reason->addButton(completed, 0);
    m_reason->addButton(notPlannedButton, 1);
    setNotPlanned(notPlanned);
    m_comment->setPlaceholderText(
        tr("Optional comment, posted before closing (@{author} mentions the author)"));
    m_comment->setTabChangesFocus(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Close"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(completed);
    layout->addWidget(notPlannedButton);
    layout->addWidget(m_comment, 1);
    layout->addWidget(buttons);
    resize(460, 280);
}

void CloseDialog::setNotPlanned(bool notPlanned)
{
    m_reason->button(notPlanned ? 1 : 0)->setChecked(true);
}

QString CloseDialog::reason() const
{
    return m_reason->checkedId() == 1 ? QStringLiteral("not_planned") : QStringLiteral("completed");
}

QString CloseDialog::comment() const
{
    return m_comment->toPlainText().trimmed();
}

// ---------------------------------------------------------------------------------------------

ReplyDialog::ReplyDialog(const QList<CannedReply> &replies, int count,
                         std::function<QString(const QString &)> render, QWidget *parent)
    : QDialog(parent)
    , m_cannedReplies(replies)
    , m_render(std::move(render))
    , m_replies(new QListWidget(this))
    , m_body(new QPlainTextEdit(this))
    , m_preview(new MarkdownView(this))
{
    setObjectName(QStringLiteral("replyDialog"));
    setWindowTitle(tr("Reply to %1").arg(itemsPhrase(count)));
    for (const CannedReply &reply : replies) {
        auto *item = new QListWidgetItem(reply.title.isEmpty() ? reply.id : reply.title, m_replies);
        item->setData(Qt::UserRole, reply.id);
    }
    m_body->setPlaceholderText(tr("Write a reply, or pick a canned one"));
    m_body->setTabChangesFocus(true);
    auto *note = new QLabel(count == 1 ? tr("Preview as it will be posted:")
                                       : tr("One comment for each of the %1 items; preview for "
                                            "the first:")
                                             .arg(count),
                            this);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_body, 2);
    rightLayout->addWidget(note);
    rightLayout->addWidget(m_preview, 3);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_replies);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({240, 460});
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *send = buttons->button(QDialogButtonBox::Ok);
    send->setText(tr("Send"));
    send->setEnabled(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_replies, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_cannedReplies.size())
            m_body->setPlainText(m_cannedReplies[row].body);
    });
    connect(m_body, &QPlainTextEdit::textChanged, this, [this, send] {
        send->setEnabled(!m_body->toPlainText().trimmed().isEmpty());
        updatePreview();
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(720, 460);
    if (!replies.isEmpty())
        m_replies->setCurrentRow(0);
}

void ReplyDialog::setMarkdownOptions(const MarkdownOptions &options)
{
    m_options = options;
    updatePreview();
}

QString ReplyDialog::body() const
{
    return m_body->toPlainText().trimmed();
}

void ReplyDialog::updatePreview()
{
    const QString text = m_render ? m_render(body()) : body();
    m_preview->setMarkdown(text, m_options, true);
}

} // namespace Mainstay
