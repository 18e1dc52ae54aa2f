import Foundation

extension Manifest {
    /// The manifests an output carries, wherever ``OutputKind/manifestPlacement`` put them: a sidecar named
    /// directly or found beside the output (``sidecarPath(for:)``), SVG `<metadata>`, GraphML graph data, a JSON
    /// object's `manifest` member, node-link JSON's `graph.manifest`, or the `manifest` of each object of a JSON array.
    ///
    /// - Returns: one manifest, or one per element of a JSON array.
    /// - Throws: ``PartyGraphError/unreadable(file:reason:)`` when the file cannot be read;
    ///   ``PartyGraphError/noManifest(file:reason:)`` when it carries none or one that does not decode.
    public static func read(fromOutputAt path: String) throws(PartyGraphError) -> [Manifest] {
        let sidecar = sidecarPath(for: path)
        if !path.hasSuffix(sidecarSuffix), FileManager.default.fileExists(atPath: sidecar) {
            return [try decode(try contents(of: sidecar), file: sidecar)]
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw .noManifest(file: path, reason: "it is a folder and \(sidecar) does not exist")
        }
        let data = try contents(of: path)
        if path.hasSuffix(sidecarSuffix) { return [try decode(data, file: path)] }
        if data.starts(with: Array("%PDF".utf8)) {
            guard let json = fromPDFKeywords(data) else {
                throw .noManifest(file: path, reason: "its document info has no Keywords entry, and \(sidecar) does not exist")
            }
            return [try decode(json, file: path)]
        }
        let text = String(decoding: data.prefix(1 << 20), as: UTF8.self)
        let start = text.drop { $0.isWhitespace }.first
        if start == "<" {
            let whole = String(decoding: data, as: UTF8.self)
            guard let json = fromSVG(whole) ?? fromGraphML(whole) else {
                throw .noManifest(file: path, reason: "it has no <metadata id=\"\(svgMetadataID)\"> and no GraphML manifest data")
            }
            return [try decode(json, file: path)]
        }
        let decoder = JSONDecoder()
        if start == "[" {
            guard let list = try? decoder.decode([Member].self, from: data) else {
                throw .noManifest(file: path, reason: "it is a JSON array whose objects have no manifest member")
            }
            return list.map(\.manifest)
        }
        if start == "{" {
            if let member = try? decoder.decode(Member.self, from: data) { return [member.manifest] }
            if let graph = try? decoder.decode(GraphMember.self, from: data) { return [graph.graph.manifest] }
            throw .noManifest(file: path, reason: "it is a JSON object with no manifest member (nor graph.manifest)")
        }
        throw .noManifest(file: path, reason: "\(sidecar) does not exist, and the file embeds none")
    }

    /// The text of a PDF's document-info `/Keywords` entry (where a chart keeps ``jsonText``): a hex string (UTF-16BE
    /// with its byte-order mark, as cairo writes text beyond ASCII) or a literal string with PDF escapes; `nil` when
    /// there is none.
    static func fromPDFKeywords(_ pdf: Data) -> Data? {
        let bytes = [UInt8](pdf)
        guard let key = bytes.firstRange(of: Array("/Keywords".utf8)) else { return nil }
        var position = key.upperBound
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") { position += 1 }
        guard position < bytes.count else { return nil }
        if bytes[position] == UInt8(ascii: "<") {
            guard let end = bytes[position...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
            let digits = bytes[(position + 1)..<end].compactMap { byte -> UInt8? in
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
                case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
                case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
                default: nil
                }
            }
            let raw = stride(from: 0, to: digits.count - 1, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
            guard raw.starts(with: [0xFE, 0xFF]) else { return Data(raw) }
            let units = stride(from: 2, to: raw.count - 1, by: 2).map { UInt16(raw[$0]) << 8 | UInt16(raw[$0 + 1]) }
            return Data(String(decoding: units, as: UTF16.self).utf8)
        }
        guard bytes[position] == UInt8(ascii: "(") else { return nil }
        var text: [UInt8] = [], depth = 0
        position += 1
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\\"), position + 1 < bytes.count {
                position += 1
                let escaped = bytes[position]
                switch escaped {
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "0")...UInt8(ascii: "7"):
                    var value = 0, count = 0
                    while count < 3, position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(bytes[position]) {
                        value = value * 8 + Int(bytes[position] - UInt8(ascii: "0")); position += 1; count += 1
                    }
                    text.append(UInt8(truncatingIfNeeded: value))
                    continue
                default: text.append(escaped)
                }
            } else if byte == UInt8(ascii: "(") {
                depth += 1; text.append(byte)
            } else if byte == UInt8(ascii: ")") {
                if depth == 0 { return Data(text) }
                depth -= 1; text.append(byte)
            } else {
                text.append(byte)
            }
            position += 1
        }
        return nil
    }

    private struct Member: Decodable { var manifest: Manifest }
    private struct GraphMember: Decodable { var graph: Member }

    private static func contents(of path: String) throws(PartyGraphError) -> Data {
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadable(file: path, reason: error.localizedDescription)
        }
    }

    private static func decode(_ data: Data, file: String) throws(PartyGraphError) -> Manifest {
        do { return try JSONDecoder().decode(Manifest.self, from: data) } catch {
            throw .noManifest(file: file, reason: "its manifest does not read as one (\(error))")
        }
    }
}
