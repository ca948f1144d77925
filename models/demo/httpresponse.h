#pragma once

#include <QByteArray>
#include <QList>
#include <utility>

namespace Mainstay {

// What a LoopbackHttpServer handler answers. Besides status, headers and body it carries fault
// knobs, so tests can make the server misbehave the way real networks do.
struct HttpResponse
{
    int status = 200;
    QByteArray reason; // empty: the standard phrase for the status
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    // Wait this long before answering (on a timer: the server keeps serving other connections).
    int delayMs = 0;
    // When >= 0: send only the first N bytes of the encoded response (status line and headers
    // included), then close the connection, as a connection dropped mid-body does.
    qint64 dropAfterBytes = -1;
    // Close the connection after this response ("Connection: close").
    bool closeConnection = false;

    static HttpResponse json(int status, const QByteArray &body);
    static HttpResponse text(int status, const QByteArray &body);

    // Replaces any header of that name (case-insensitive).
    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    // Status line, headers with a Content-Length computed from the body and a Connection header,
    // blank line, body. Any Content-Length or Connection header in `headers` is replaced.
    QByteArray encode(bool keepAlive) const;

    static QByteArray standardReason(int status);

    bool operator==(const HttpResponse &) const = default;
};

} // namespace Mainstay
