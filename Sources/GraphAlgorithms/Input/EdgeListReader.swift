#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Edges parsed from a plain-text edge list, ready for ``CompressedGraph/init(edgeList:directed:parallelEdges:selfLoops:)``.
public struct EdgeList: Sendable, Hashable {
    /// `max id + 1` for ``VertexLabeling/integerIds``; the number of distinct labels for
    /// ``VertexLabeling/relabel``.
    public var vertexCount: Int
    /// Edge sources, one per data line.
    public var sources: [Int32]
    /// Edge targets, one per data line.
    public var targets: [Int32]
    /// Edge weights (third column), or `nil` when the lines have two columns.
    public var weights: [Double]?
    /// For ``VertexLabeling/relabel``: `labels[id]` is the text of vertex `id`; otherwise `nil`.
    public var labels: [String]?

    public init(vertexCount: Int, sources: [Int32], targets: [Int32], weights: [Double]? = nil, labels: [String]? = nil) {
        self.vertexCount = vertexCount
        self.sources = sources
        self.targets = targets
        self.weights = weights
        self.labels = labels
    }
}

/// How the first two columns of an edge list name vertices.
public enum VertexLabeling: Sendable, Hashable, CaseIterable {
    /// Columns are non-negative decimal integers used directly as vertex ids; the vertex
    /// count is `max id + 1`, so unused ids become isolated vertices. Fastest.
    case integerIds
    /// Columns are arbitrary tokens (no whitespace); vertices get dense ids `0, 1, …` in
    /// order of first appearance and ``EdgeList/labels`` maps ids back to tokens.
    case relabel
}

/// Reads edge lists: one edge per line, `u v` or `u v w`, fields separated by spaces or
/// tabs; `#` starts a comment (to the end of the line); blank lines are skipped; `\r\n`
/// line ends are accepted.
///
/// The file is read in fixed-size chunks and parsed directly from bytes: no `String` is
/// created per line (except with ``VertexLabeling/relabel``), so memory stays at the size
/// of the resulting arrays. Either every data line has a weight or none has.
public enum EdgeListReader {
    /// Reads and parses the edge list at `path`.
    /// - Throws: ``GraphError/unreadableFile(path:reason:)``,
    ///   ``GraphError/malformedLine(file:line:text:reason:)`` with the 1-based line number.
    /// - Complexity: O(file size).
    public static func read(contentsOf path: String, labeling: VertexLabeling = .integerIds) throws -> EdgeList {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw GraphError.unreadableFile(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var parser = Parser(sourceName: path, labeling: labeling)
        var info = stat()
        if fstat(fd, &info) == 0 {
            // A data line takes at least 4 bytes; unused capacity is never touched, so it
            // costs address space, not memory.
            parser.reserve(Int(info.st_size) / 4 + 1)
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 22)
        var filled = 0
        while true {
            if filled == buffer.count { buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count)) }
            let got = buffer.withUnsafeMutableBytes { raw in
                Glibc_read(fd, raw.baseAddress! + filled, raw.count - filled)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw GraphError.unreadableFile(path: path, reason: String(cString: strerror(errno)))
            }
            filled += got
            let atEnd = got == 0
            // Parse all complete lines; keep the partial last line for the next read.
            let consumed = try buffer.withUnsafeBufferPointer { buf in
                try parser.parseLines(UnsafeBufferPointer(rebasing: buf[0..<filled]), final: atEnd)
            }
            if consumed > 0 {
                buffer.withUnsafeMutableBufferPointer { buf in
                    let rest = filled - consumed
                    if rest > 0 {
                        UnsafeMutableRawPointer(buf.baseAddress!).copyMemory(
                            from: buf.baseAddress! + consumed, byteCount: rest)
                    }
                }
                filled -= consumed
            }
            if atEnd { break }
        }
        return parser.finish()
    }

    /// Parses an edge list held in memory; `sourceName` names it in errors.
    public static func parse(_ text: String, sourceName: String = "<string>", labeling: VertexLabeling = .integerIds) throws -> EdgeList {
        var parser = Parser(sourceName: sourceName, labeling: labeling)
        var text = text
        _ = try text.withUTF8 { try parser.parseLines($0, final: true) }
        return parser.finish()
    }

    /// Reads the edge list at `path` and builds a graph from it.
    public static func readGraph(
        contentsOf path: String, directed: Bool = false, labeling: VertexLabeling = .integerIds,
        parallelEdges: ParallelEdgePolicy = .mergeKeepingLastWeight, selfLoops: SelfLoopPolicy = .keep
    ) throws -> CompressedGraph {
        var list = try read(contentsOf: path, labeling: labeling)
        // Ids are non-negative and below vertexCount by construction; hand the arrays over
        // so that they are released while the graph is built.
        return CompressedGraph.build(
            vertexCount: list.vertexCount, sources: &list.sources, targets: &list.targets,
            weights: &list.weights, directed: directed, parallelEdges: parallelEdges, selfLoops: selfLoops)
    }

    @inline(__always)
    private static func Glibc_read(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ n: Int) -> Int {
        #if canImport(Darwin)
        return Darwin.read(fd, p, n)
        #elseif canImport(Musl)
        return Musl.read(fd, p, n)
        #else
        return Glibc.read(fd, p, n)
        #endif
    }

    // MARK: - Byte parser

    struct Parser {
        let sourceName: String
        let labeling: VertexLabeling
        var line = 0
        var sources: [Int32] = []
        var targets: [Int32] = []
        var weights: [Double] = []
        var hasWeights: Bool?
        var maxId: Int32 = -1
        var labelIds: [String: Int32] = [:]
        var labels: [String] = []

        init(sourceName: String, labeling: VertexLabeling) {
            self.sourceName = sourceName
            self.labeling = labeling
        }

        mutating func reserve(_ lines: Int) {
            // Fresh buffers of this capacity, advised for huge pages (only touched pages
            // become resident).
            sources = [Int32](unsafeUninitializedCapacity: lines) { buffer, count in
                adviseHugePages(buffer.baseAddress, bytes: lines * MemoryLayout<Int32>.stride)
                count = 0
            }
            targets = [Int32](unsafeUninitializedCapacity: lines) { buffer, count in
                adviseHugePages(buffer.baseAddress, bytes: lines * MemoryLayout<Int32>.stride)
                count = 0
            }
        }

        func finish() -> EdgeList {
            EdgeList(
                vertexCount: labeling == .relabel ? labels.count : Int(maxId) + 1,
                sources: sources, targets: targets,
                weights: hasWeights == true ? weights : nil,
                labels: labeling == .relabel ? labels : nil)
        }

        func fail(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ reason: String) -> GraphError {
            var e = end
            if e > start && buf[e - 1] == UInt8(ascii: "\r") { e -= 1 }
            let text = String(decoding: UnsafeBufferPointer(rebasing: buf[start..<e]), as: UTF8.self)
            return GraphError.malformedLine(file: sourceName, line: line, text: text, reason: reason)
        }

        /// Parses complete lines of `buf`; returns the number of bytes consumed. With
        /// `final`, a last line without a newline is parsed too.
        mutating func parseLines(_ buf: UnsafeBufferPointer<UInt8>, final: Bool) throws -> Int {
            var limit = buf.count
            if !final {
                while limit > 0 && buf[limit - 1] != 10 { limit -= 1 }
                if limit == 0 { return 0 }
            }
            var pos = 0
            while pos < limit {
                line += 1
                if labeling == .integerIds, let next = fastLine(buf, pos, limit) {
                    pos = next
                    continue
                }
                // Slow path: comments, CR, unusual spellings, and errors with their message.
                var end = pos
                while end < limit && buf[end] != 10 { end += 1 }
                try parseLine(buf, pos, end)
                pos = end + 1
            }
            return min(pos, buf.count)
        }

        /// Parses a plain `u v` or `u v w` line (ids below 10⁹, spaces or tabs) and returns
        /// the position after its newline; returns `nil`, having changed nothing, for
        /// anything else so that the general path can handle it or report it.
        @inline(__always)
        mutating func fastLine(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ limit: Int) -> Int? {
            var p = start
            while p < limit && (buf[p] == 32 || buf[p] == 9) { p += 1 }
            if p == limit { return limit }
            if buf[p] == 10 { return p + 1 }
            var u = 0, digits = 0
            while p < limit {
                let d = buf[p] &- 48
                if d >= 10 { break }
                u = u &* 10 &+ Int(d); digits += 1; p += 1
            }
            if digits == 0 || digits > 9 || p == limit || (buf[p] != 32 && buf[p] != 9) { return nil }
            while p < limit && (buf[p] == 32 || buf[p] == 9) { p += 1 }
            var v = 0
            digits = 0
            while p < limit {
                let d = buf[p] &- 48
                if d >= 10 { break }
                v = v &* 10 &+ Int(d); digits += 1; p += 1
            }
            if digits == 0 || digits > 9 { return nil }
            var q = p
            while q < limit && (buf[q] == 32 || buf[q] == 9) { q += 1 }
            var weight: Double?
            if q < limit && buf[q] != 10 {
                if q == p { return nil }
                let w0 = q
                while q < limit && buf[q] != 32 && buf[q] != 9 && buf[q] != 10 && buf[q] != 13 && buf[q] != 35 { q += 1 }
                guard let w = Parser.parseDouble(buf, w0, q) else { return nil }
                weight = w
                while q < limit && (buf[q] == 32 || buf[q] == 9) { q += 1 }
                if q < limit && buf[q] != 10 { return nil }
            }
            let weighted = weight != nil
            if let hasWeights, hasWeights != weighted { return nil }
            hasWeights = weighted
            sources.append(Int32(truncatingIfNeeded: u))
            targets.append(Int32(truncatingIfNeeded: v))
            if let weight { weights.append(weight) }
            let larger = Int32(truncatingIfNeeded: max(u, v))
            if larger > maxId { maxId = larger }
            return q < limit ? q + 1 : limit
        }

        @inline(__always)
        static func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 13 || c == 11 || c == 12 }

        mutating func parseLine(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) throws {
            // Split into at most four fields, stopping at a comment.
            var fields: (Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0)
            var nFields = 0
            var p = start
            var extra = false
            while p < end {
                let c = buf[p]
                if Parser.isSpace(c) { p += 1; continue }
                if c == UInt8(ascii: "#") { break }
                let f0 = p
                while p < end && !Parser.isSpace(buf[p]) && buf[p] != UInt8(ascii: "#") { p += 1 }
                switch nFields {
                case 0: fields.0 = f0; fields.1 = p
                case 1: fields.2 = f0; fields.3 = p
                case 2: fields.4 = f0; fields.5 = p
                default: extra = true
                }
                nFields += 1
            }
            if nFields == 0 { return }
            if extra { throw fail(buf, start, end, "expected 'u v' or 'u v w', found \(nFields) fields") }
            if nFields == 1 { throw fail(buf, start, end, "expected 'u v' or 'u v w', found 1 field") }
            let weighted = nFields == 3
            if let hasWeights, hasWeights != weighted {
                throw fail(buf, start, end, hasWeights ? "missing weight (earlier lines have weights)" : "unexpected weight (earlier lines have none)")
            }
            hasWeights = weighted
            let u = try vertex(buf, fields.0, fields.1, start, end)
            let v = try vertex(buf, fields.2, fields.3, start, end)
            sources.append(u)
            targets.append(v)
            if weighted {
                guard let w = Parser.parseDouble(buf, fields.4, fields.5) else {
                    throw fail(buf, start, end, "weight is not a number")
                }
                weights.append(w)
            }
        }

        mutating func vertex(_ buf: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ start: Int, _ end: Int) throws -> Int32 {
            if labeling == .relabel {
                let token = String(decoding: UnsafeBufferPointer(rebasing: buf[a..<b]), as: UTF8.self)
                if let id = labelIds[token] { return id }
                guard labels.count < Int(Int32.max) else { throw fail(buf, start, end, "too many vertices") }
                let id = Int32(labels.count)
                labelIds[token] = id
                labels.append(token)
                return id
            }
            var value: Int64 = 0
            var i = a
            if buf[i] == UInt8(ascii: "+") { i += 1 }
            if i == b { throw fail(buf, start, end, "vertex id is not a non-negative integer") }
            while i < b {
                let d = buf[i] &- 48
                guard d < 10 else { throw fail(buf, start, end, "vertex id is not a non-negative integer") }
                value = value * 10 + Int64(d)
                guard value < Int64(Int32.max) else { throw fail(buf, start, end, "vertex id exceeds \(Int32.max - 1)") }
                i += 1
            }
            let id = Int32(value)
            if id > maxId { maxId = id }
            return id
        }

        /// Parses a decimal floating-point number. Short decimals (≤ 15 significant digits,
        /// small exponent) take an exact fast path; anything else falls back to the standard
        /// library's correctly rounded parser.
        static func parseDouble(_ buf: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Double? {
            var i = a
            var negative = false
            if i < b && (buf[i] == UInt8(ascii: "-") || buf[i] == UInt8(ascii: "+")) {
                negative = buf[i] == UInt8(ascii: "-"); i += 1
            }
            var mantissa: UInt64 = 0
            var digits = 0
            var exponent = 0
            var sawDigit = false
            while i < b, buf[i] &- 48 < 10 {
                if mantissa == 0 && buf[i] == 48 { i += 1; sawDigit = true; continue }
                mantissa = mantissa &* 10 &+ UInt64(buf[i] &- 48); digits += 1; sawDigit = true; i += 1
            }
            if i < b && buf[i] == UInt8(ascii: ".") {
                i += 1
                while i < b, buf[i] &- 48 < 10 {
                    sawDigit = true
                    if mantissa == 0 && buf[i] == 48 { exponent -= 1; i += 1; continue }
                    mantissa = mantissa &* 10 &+ UInt64(buf[i] &- 48); digits += 1; exponent -= 1; i += 1
                }
            }
            if sawDigit && i < b && (buf[i] == UInt8(ascii: "e") || buf[i] == UInt8(ascii: "E")) {
                i += 1
                var expNegative = false
                if i < b && (buf[i] == UInt8(ascii: "-") || buf[i] == UInt8(ascii: "+")) {
                    expNegative = buf[i] == UInt8(ascii: "-"); i += 1
                }
                var e = 0
                var sawExp = false
                while i < b, buf[i] &- 48 < 10 {
                    if e < 100_000 { e = e * 10 + Int(buf[i] &- 48) }
                    sawExp = true; i += 1
                }
                if !sawExp { return nil }
                exponent += expNegative ? -e : e
            }
            if sawDigit && i == b && digits <= 15 && exponent >= -22 && exponent <= 22 {
                var value = Double(mantissa)
                if exponent < 0 { value /= powersOfTen[-exponent] } else if exponent > 0 { value *= powersOfTen[exponent] }
                return negative ? -value : value
            }
            // Slow path: long mantissas, big exponents, inf/nan spellings.
            let token = String(decoding: UnsafeBufferPointer(rebasing: buf[a..<b]), as: UTF8.self)
            return Double(token)
        }

        static let powersOfTen: [Double] = (0...22).map { e in
            var p = 1.0
            for _ in 0..<e { p *= 10 }
            return p
        }
    }
}
