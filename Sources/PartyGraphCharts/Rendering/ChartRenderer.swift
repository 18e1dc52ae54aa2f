import Foundation
import PartyGraph
internal import CRsvg

/// Turns a ``Chart`` into SVG, PNG or PDF bytes and files: the only type that touches librsvg and cairo.
///
/// PNG and PDF are the chart's own SVG rendered in-process, so all three formats show the same drawing. PDF gets
/// the chart's title and subtitle as document title and subject, the manifest as keywords, and no creation date,
/// so the same chart gives the same bytes.
public struct ChartRenderer: Sendable {
    /// PNG pixels per CSS pixel (2 gives sharp images on high-density screens).
    public var scale: Double

    /// Creates a renderer.
    /// - Parameter scale: PNG pixels per CSS pixel; PDF and SVG ignore it.
    public init(scale: Double = 2) {
        self.scale = scale
    }

    /// The chart's bytes in a format.
    /// - Parameter chart: the chart to render.
    /// - Parameter format: SVG (the text itself), PNG or PDF.
    /// - Throws: ``ChartError/renderFailed(format:reason:)`` when librsvg or cairo refuse the chart.
    public func data(_ chart: Chart, as format: ChartFormat) throws(ChartError) -> Data {
        if format == .svg { return Data(chart.svg.utf8) }
        let svg = Array(chart.svg.utf8)
        var out: UnsafeMutablePointer<UInt8>?
        var length = 0
        var message: UnsafeMutablePointer<CChar>?
        let code = svg.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { text in
                pg_rsvg_render(text.baseAddress, text.count, format == .pdf ? 1 : 0, chart.width, chart.height, scale,
                               chart.title, chart.subtitle, chart.manifest, &out, &length, &message)
            }
        }
        defer { pg_rsvg_free(out); pg_rsvg_free(message) }
        guard code == 0, let out else {
            throw .renderFailed(format: format, reason: message.map { String(cString: $0) } ?? "code \(code)")
        }
        let bytes = Data(bytes: out, count: length)
        return format == .pdf ? Self.withoutCreationDate(bytes) : bytes
    }

    /// Writes the chart atomically (see `AtomicFile`): nothing is written when rendering fails.
    /// - Parameter chart: the chart to write.
    /// - Parameter format: the file format.
    /// - Parameter path: the file to write; its folder must exist.
    /// - Throws: ``ChartError`` when rendering fails, `PartyGraphError` when the file cannot be written.
    public func write(_ chart: Chart, as format: ChartFormat, to path: String) throws {
        try AtomicFile.write(try data(chart, as: format), to: path)
    }

    /// cairo 1.16 stamps `/CreationDate (D:…)` with the clock into the document info; blanking it to spaces of the
    /// same length keeps every cross-reference offset valid and the bytes deterministic.
    static func withoutCreationDate(_ pdf: Data) -> Data {
        var bytes = [UInt8](pdf)
        let key = Array("/CreationDate (".utf8)
        guard let start = bytes.firstRange(of: key)?.lowerBound,
              let end = bytes[(start + key.count)...].firstIndex(of: UInt8(ascii: ")")) else { return pdf }
        for index in start...end { bytes[index] = UInt8(ascii: " ") }
        return Data(bytes)
    }
}
