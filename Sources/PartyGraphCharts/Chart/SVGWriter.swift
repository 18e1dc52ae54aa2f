import PartyGraph
import Foundation

/// Builds an SVG document as text: one place for escaping, number format, fonts and the frame every chart shares.
struct SVGWriter {
    /// The font every chart names; `make deps` installs it (Noto Sans covers Vietnamese and Lao-script names' Latin forms).
    static let font = "Noto Sans, DejaVu Sans, sans-serif"

    let width: Double
    let height: Double
    private(set) var body = ""

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// XML-escapes text for content and attribute values: `& < > " '`, and drops characters XML 1.0 cannot hold.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\t": out += "&#\(scalar.value);"
            default:
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Fixed one-decimal numbers, so the same chart is the same text.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }

    mutating func raw(_ text: String) { body += text + "\n" }

    mutating func text(_ content: String, x: Double, y: Double, size: Double = 12, anchor: String = "start", weight: String? = nil,
                       fill: String = "#222", rotate: Double? = nil) {
        var attributes = "x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" font-size=\"\(Self.number(size))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\""
        if let weight { attributes += " font-weight=\"\(weight)\"" }
        if let rotate { attributes += " transform=\"rotate(\(Self.number(rotate)) \(Self.number(x)) \(Self.number(y)))\"" }
        raw("<text \(attributes)>\(Self.escaped(content))</text>")
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String = "#ccc", width: Double = 1) {
        raw("<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\"/>")
    }

    mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, stroke: String? = nil, title: String? = nil) {
        let s = stroke.map { " stroke=\"\($0)\"" } ?? ""
        let shape = "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(w))\" height=\"\(Self.number(h))\" fill=\"\(fill)\"\(s)"
        if let title { raw(shape + "><title>\(Self.escaped(title))</title></rect>") } else { raw(shape + "/>") }
    }

    /// Room the header takes: the heading and two caption lines.
    static let headerHeight = 78.0

    /// The whole document: white background, the heading and the caption lines (dataset; window and sources) on
    /// top, the full title in `<title>`, the manifest in the `<metadata>` element `Manifest` reads back
    /// (`PartyGraph/Manifest/svgMetadataID`), so `partygraph verify` checks a chart as it checks a diagram.
    func document(title: String, heading: String, lines: [String], manifest: String?) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" "
        out += "viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" font-family=\"\(Self.font)\">\n"
        out += "<title>\(Self.escaped(title))</title>\n"
        if let manifest { out += "<metadata id=\"\(Manifest.svgMetadataID)\">\(Self.escaped(manifest))</metadata>\n" }
        out += "<rect x=\"0\" y=\"0\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" fill=\"#ffffff\"/>\n"
        out += "<text x=\"16\" y=\"26\" font-size=\"16\" font-weight=\"bold\" fill=\"#111\">\(Self.escaped(heading))</text>\n"
        for (index, line) in lines.enumerated() {
            out += "<text x=\"16\" y=\"\(46 + 17 * index)\" font-size=\"12\" fill=\"#555\">\(Self.escaped(line))</text>\n"
        }
        out += body
        out += "</svg>\n"
        return out
    }

    /// A round step (1, 2 or 5 times a power of ten) giving at most `count` steps up to `maximum`.
    static func niceStep(_ maximum: Double, count: Int = 5) -> Double {
        let raw = maximum / Double(count)
        let power = pow(10, (log10(raw)).rounded(.down))
        for factor in [1.0, 2.0, 5.0, 10.0] where factor * power >= raw { return factor * power }
        return 10 * power
    }

    /// A categorical palette (Okabe–Ito, its yellow swapped for a darker wine that reads on white), cycled.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#882255", "#000000"]
}
