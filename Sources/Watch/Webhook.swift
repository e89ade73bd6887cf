import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Posts alerts to a URL (`--webhook`): each alert's JSON as the body of a POST with Content-Type
/// application/json, sent in the background so that a slow receiver never delays the watch. A failed POST (no
/// answer within the timeout, a refused connection, a status other than 2xx) is reported through `report` and
/// the watch goes on; nothing is retried.
public final class Webhook: Sendable {
    /// Where alerts go.
    public let url: URL
    private let session: URLSession
    private let pending = DispatchGroup()
    private let report: @Sendable (String) -> Void

    /// Creates a webhook; `report` receives a one-line message for each failed POST (it names the host, never the
    /// whole URL, which may carry a token).
    public init(url: URL, timeout: Double = 5, report: @escaping @Sendable (String) -> Void) {
        self.url = url
        self.report = report
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpMaximumConnectionsPerHost = 1
        session = URLSession(configuration: configuration)
    }

    /// Sends one alert's JSON.
    public func post(_ body: [UInt8]) {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body)
        let host = url.host ?? url.absoluteString
        let report = report
        let pending = pending
        pending.enter()
        let task = session.dataTask(with: request) { _, response, error in
            defer { pending.leave() }
            if let error {
                report("webhook: POST to \(host) failed: \(error.localizedDescription)")
            } else if let status = (response as? HTTPURLResponse)?.statusCode, !(200..<300).contains(status) {
                report("webhook: POST to \(host) answered HTTP \(status)")
            }
        }
        task.resume()
    }

    /// Waits until every POST sent has been answered or failed, or `timeout` seconds.
    public func waitForPending(timeout: Double) {
        _ = pending.wait(timeout: .now() + timeout)
    }
}
