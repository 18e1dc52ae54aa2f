/// A stable, readable identifier of a node, such as `person/hun-sen` or `party/cpp`.
///
/// Ids are slugs: a kind prefix, a slash and lowercase ASCII letters, digits and hyphens.
/// They never change once published, so researchers can cite them.
public struct NodeID: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    /// Creates an id from its text; ``slugProblem`` says whether it is well formed.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The longest id accepted, in bytes: longer ones are refused before any search for a similar id.
    public static let maximumLength = 200

    /// Why this id is not a well-formed slug, or `nil` when it is.
    public var slugProblem: String? {
        if rawValue.utf8.count > NodeID.maximumLength {
            return "an id is at most \(NodeID.maximumLength) bytes long; this one has \(rawValue.utf8.count)"
        }
        let bytes = Array(rawValue.utf8)
        if bytes.isEmpty { return "an id cannot be empty" }
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")), slash > 0, slash < bytes.count - 1 else {
            return "an id is 'kind/slug', e.g. 'person/hun-sen'"
        }
        let allowed: (UInt8) -> Bool = { byte in
            (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".")
        }
        if !bytes.allSatisfy(allowed) {
            return "an id uses lowercase ASCII letters, digits, '-', '.' and one '/', e.g. 'person/to-lam'"
        }
        if bytes.filter({ $0 == UInt8(ascii: "/") }).count != 1 {
            return "an id has exactly one '/', between its kind and its slug"
        }
        return nil
    }

    /// The part before the slash, conventionally the node kind (`person` in `person/hun-sen`).
    public var prefix: Substring { rawValue.prefix(while: { $0 != "/" }) }
}
