#include "issuedetailpane.h"

#include "markdownview.h"

#include "markdownrenderer.h"

#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace Mainstay {

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString when(const QDateTime &at)
{
    return at.isValid() ? at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")) : QString();
}

} // namespace

IssueDetailPane::IssueDetailPane(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_meta(new QLabel(this))
    , m_open(new QPushButton(tr("Open on GitHub"), this))
    , m_browser(new MarkdownView(this))
    , m_sections(new QVBoxLayout)
{
    setObjectName(QStringLiteral("issueDetailPane"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_meta->setTextFormat(Qt::PlainText);
    m_meta->setWordWrap(true);
    QPalette metaPalette = m_meta->palette();
    metaPalette.setColor(QPalette::WindowText, metaPalette.color(QPalette::PlaceholderText));
    m_meta->setPalette(metaPalette);
    m_browser->setObjectName(QStringLiteral("issueDetailBrowser"));
    m_browser->setFrameShape(QFrame::NoFrame);
    m_open->setEnabled(false);
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (m_url.isValid())
            QDesktopServices::openUrl(m_url);
    });
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("\u2715"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Close the detail pane (Esc)"));
    connect(close, &QToolButton::clicked, this, &IssueDetailPane::closeRequested);

    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(close, 0, Qt::AlignTop);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_meta, 1);
    actions->addWidget(m_open, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 8, 8);
    layout->addLayout(top);
    layout->addLayout(actions);
    layout->addWidget(m_browser, 1);
    m_sections->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_sections, 1); // a section (the RFC checklist) shares the height
    clear();
}

void IssueDetailPane::addSection(QWidget *section)
{
    section->setParent(this);
    m_sections->addWidget(section, 1);
}

void IssueDetailPane::clear()
{
    m_number = 0;
    m_url = QUrl();
    m_title->setText(tr("No card selected"));
    m_meta->setText(tr("Select a card and press Enter to read it here."));
    m_open->setEnabled(false);
    m_browser->clear();
}

void IssueDetailPane::setNetworkAccessManager(QNetworkAccessManager *manager)
{
    m_browser->setNetworkAccessManager(manager);
}

MarkdownResult IssueDetailPane::threadHtml(const Issue &issue, const QList<Comment> &comments,
                                           const QList<IssueEvent> &events,
                                           const MarkdownOptions &options, const QPalette &palette)
{
    MarkdownResult result;
    const QString muted = palette.color(QPalette::PlaceholderText).name();
    const QString rule = palette.color(QPalette::Mid).name();
    QString html;
    auto section = [&](const QString &who, const QDateTime &at, const QString &markdown) {
        html += QStringLiteral("<p style=\"color:%1; margin-top:14px; margin-bottom:4px;\">"
                               "<b>%2</b> · %3</p>")
                    .arg(muted, escaped(who), escaped(when(at)));
        const QString body = markdown.trimmed();
        if (body.isEmpty()) {
            html += QStringLiteral("<p><i>%1</i></p>").arg(tr("No description."));
        } else {
            const MarkdownResult part = MarkdownRenderer::render(body, options);
            html += part.html;
            result.remoteImages += part.remoteImages;
        }
        html += QStringLiteral("<hr style=\"color:%1\"/>").arg(rule);
    };
    section(issue.author.login, issue.createdAt, issue.body);
    for (const Comment &comment : comments)
        section(comment.author.login, comment.createdAt, comment.body);

    QStringList history;
    for (const IssueEvent &event : events) {
        if (event.event != QLatin1String("labeled") && event.event != QLatin1String("unlabeled"))
            continue;
        history.append(
            QStringLiteral("<li>%1 %2 <b>%3</b> · %4</li>")
                .arg(escaped(event.actor.login.isEmpty() ? tr("someone") : event.actor.login),
                     event.event == QLatin1String("labeled") ? tr("added") : tr("removed"),
                     escaped(event.labelName), escaped(when(event.createdAt))));
    }
    html += QStringLiteral("<h4>%1</h4>").arg(tr("Label history"));
    html += history.isEmpty() ? QStringLiteral("<p style=\"color:%1\">%2</p>")
                                    .arg(muted, tr("No label changes in the cached events."))
                              : QStringLiteral("<ul>%1</ul>").arg(history.join(QString()));
    result.html = html;
    return result;
}

void IssueDetailPane::showIssue(const Issue &issue, const QList<Comment> &comments,
                                const QList<IssueEvent> &events, const QString &repository,
                                const QUrl &webUrl)
{
    m_number = issue.number;
    m_title->setText(QStringLiteral("#%1 %2").arg(issue.number).arg(issue.title));
    QString state;
    if (issue.isOpen())
        state = tr("Open");
    else if (issue.stateReason == Issue::StateReason::NotPlanned)
        state = tr("Closed as not planned");
    else
        state = issue.isMerged() ? tr("Merged") : tr("Closed");
    QStringList labels;
    for (const Label &label : issue.labels)
        labels.append(label.name);
    QStringList assignees;
    for (const User &user : issue.assignees)
        assignees.append(user.login);
    QString meta = tr("%1 %2 · opened by %3 on %4 · %5")
                       .arg(state, issue.isPullRequest ? tr("pull request") : tr("issue"),
                            issue.author.login, when(issue.createdAt),
                            issue.commentCount == 1 ? tr("1 comment")
                                                    : tr("%1 comments").arg(issue.commentCount));
    if (!labels.isEmpty())
        meta += QStringLiteral("\n") + tr("Labels: %1").arg(labels.join(u", "));
    if (!assignees.isEmpty())
        meta += QStringLiteral("\n") + tr("Assigned: %1").arg(assignees.join(u", "));
    m_meta->setText(meta);
    m_url = issue.htmlUrl.isEmpty()
                ? QUrl(webUrl.toString() + (issue.isPullRequest ? QStringLiteral("/pull/%1")
                                                                : QStringLiteral("/issues/%1"))
                                               .arg(issue.number))
                : QUrl(issue.htmlUrl);
    m_open->setEnabled(m_url.isValid() && (!webUrl.isEmpty() || !issue.htmlUrl.isEmpty()));
    m_open->setToolTip(m_url.toString());
    // The view renders into a fresh document and offers "Load images" when the thread has any;
    // the thread is composed of its parts by threadHtml().
    MarkdownOptions options;
    options.repository = repository;
    options.webUrl = webUrl;
    const QPalette colours = palette();
    m_browser->setRenderer(
        [issue, comments, events, colours](const QString &, const MarkdownOptions &effective) {
            return threadHtml(issue, comments, events, effective, colours);
        });
    m_browser->setMarkdown(issue.body, options);
    Q_EMIT issueShown(issue);
}

} // namespace Mainstay
