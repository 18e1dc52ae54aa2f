import Foundation
import PartyGraph

/// A chart drawn as SVG text, with the title and size the renderer needs for PNG and PDF.
///
/// Charts are built by `PartyGraph/Dataset` methods (`PartyGraph/Dataset/timelineChart(_:manifest:)`,
/// `PartyGraph/Dataset/coMeetingChart(level:filter:manifest:)`, `PartyGraph/Dataset/trajectoryChart(_:manifest:)`)
/// and turned into files by ``ChartRenderer``. The SVG is ours, so tooltips, metadata and diacritics are exact.
public struct Chart: Sendable, Hashable {
    /// The chart's title: what is drawn, and of which dataset.
    public var title: String
    /// The line under the title: the window and the sources.
    public var subtitle: String
    /// Width in CSS pixels (PNG pixels at scale 1, PDF points).
    public var width: Double
    /// Height in CSS pixels.
    public var height: Double
    /// The caller's opaque manifest (JSON text), kept in SVG `<metadata>` and in the PDF keywords; `nil` for none.
    public var manifest: String?
    /// The complete SVG document.
    public var svg: String
}

/// The file formats a chart is written in.
public enum ChartFormat: String, CaseIterable, Sendable, Codable {
    /// The SVG text itself.
    case svg
    /// A bitmap, rendered by librsvg and cairo.
    case png
    /// A one-page PDF with document info, rendered by librsvg and cairo.
    case pdf
}

/// Why a chart could not be turned into PNG or PDF bytes.
public enum ChartError: Error, Sendable, Hashable {
    /// librsvg or cairo refused the chart; `reason` is their message. A bug of ours, since we wrote the SVG.
    case renderFailed(format: ChartFormat, reason: String)
}

/// The caption lines every chart shares: dataset title, window and sources.
enum Caption {
    /// "all dates", "2019 to 2023", "from 2020", "at 2021-05-01", with the statuses when not all.
    static func window(_ filter: FilterEcho) -> String {
        var text: String
        if let at = filter.at {
            text = "at \(at)"
        } else {
            switch (filter.from, filter.to) {
            case let (from?, to?): text = "\(from) to \(to)"
            case let (from?, nil): text = "from \(from)"
            case let (nil, to?): text = "until \(to)"
            case (nil, nil): text = "all dates"
            }
        }
        text += ", " + filter.statuses.map(\.rawValue).joined(separator: " or ") + " meetings"
        if let kinds = filter.meetingKinds { text += " (" + kinds.map(\.rawValue).joined(separator: ", ") + ")" }
        if let knownAt = filter.knownAt { text += ", as known at \(knownAt)" }
        return text
    }

    /// The publishers of the given sources, distinct, in order; the first three and how many more.
    static func sources(_ sources: [Source]) -> String {
        var publishers: [String] = []
        for source in sources where !publishers.contains(source.publisher) { publishers.append(source.publisher) }
        if publishers.isEmpty { return "no sources" }
        let shown = publishers.prefix(3).joined(separator: "; ")
        let more = publishers.count > 3 ? " and \(publishers.count - 3) more" : ""
        return "Sources: " + shown + more + " (\(sources.count) report\(sources.count == 1 ? "" : "s"))"
    }
}
