import Foundation

extension Manifest {
    /// The `id` of the SVG `<metadata>` element that holds a manifest.
    public static let svgMetadataID = "partygraph-manifest"

    /// The SVG `<metadata>` element holding ``jsonText`` as escaped element content.
    public var svgMetadataElement: String {
        "<metadata id=\"\(Self.svgMetadataID)\">" + XMLText.escaped(jsonText, content: true) + "</metadata>"
    }

    /// An SVG document with ``svgMetadataElement`` inserted right after its root `<svg …>` start tag; the document
    /// unchanged when it has no root `<svg` element.
    public func embedded(inSVG svg: Data) -> Data {
        let text = String(decoding: svg, as: UTF8.self)
        guard let root = text.range(of: "<svg"), let close = text[root.upperBound...].firstIndex(of: ">") else { return svg }
        let insertAt = text.index(after: close)
        return Data((text[..<insertAt] + "\n" + svgMetadataElement + text[insertAt...]).utf8)
    }

    /// Reads the manifest ``svgMetadataElement`` wrote into an SVG (or any XML) document; `nil` when there is none.
    static func fromSVG(_ text: String) -> Data? {
        let start = "<metadata id=\"\(svgMetadataID)\">"
        guard let open = text.range(of: start), let close = text.range(of: "</metadata>", range: open.upperBound..<text.endIndex)
        else { return nil }
        return Data(XMLText.decoded(String(text[open.upperBound..<close.lowerBound])).utf8)
    }

    /// Reads the manifest a GraphML document holds as its graph-level `manifest` data; `nil` when there is none.
    static func fromGraphML(_ text: String) -> Data? {
        let start = "<data key=\"g_manifest\">"
        guard let open = text.range(of: start), let close = text.range(of: "</data>", range: open.upperBound..<text.endIndex)
        else { return nil }
        return Data(XMLText.decoded(String(text[open.upperBound..<close.lowerBound])).utf8)
    }
}
