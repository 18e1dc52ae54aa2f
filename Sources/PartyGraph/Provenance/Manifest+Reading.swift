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
