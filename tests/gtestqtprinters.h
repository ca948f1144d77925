#pragma once

// Readable gtest failure output for Qt types (force-included into every test source).
#include <QByteArray>
#include <QDateTime>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVariant>
#include <ostream>

inline void PrintTo(const QString &value, std::ostream *os)
{
    *os << '"' << value.toStdString() << '"';
}
inline void PrintTo(const QByteArray &value, std::ostream *os)
{
    *os << '"' << value.toStdString() << '"';
}
inline void PrintTo(const QStringList &value, std::ostream *os)
{
    *os << '[' << value.join(QStringLiteral(", ")).toStdString() << ']';
}
inline void PrintTo(const QUrl &value, std::ostream *os)
{
    *os << value.toString().toStdString();
}
inline void PrintTo(const QDateTime &value, std::ostream *os)
{
    *os << (value.isValid() ? value.toString(Qt::ISODateWithMs).toStdString()
                            : std::string("(invalid)"));
}
inline void PrintTo(const QSize &value, std::ostream *os)
{
    *os << value.width() << 'x' << value.height();
}
inline void PrintTo(const QVariant &value, std::ostream *os)
{
    *os << value.toString().toStdString();
}
