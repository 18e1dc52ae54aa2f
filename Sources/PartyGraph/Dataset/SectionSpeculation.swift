import Foundation

/// The second half of a large section array, decoded on another core while the calling thread reads the first half.
///
/// The split point is a guess: the first `{` after the middle of the section that follows `}` and `,` (white space
/// allowed). The guess may be wrong (it can fall inside a string); it is used only if the calling thread, reading
/// on normally, arrives at an element starting exactly there. From that point the worker's reader was in the same
/// state (inside the same array, at an element start), so its findings, values and syntax error are those the
/// calling thread would have produced; otherwise the worker is cancelled and its work dropped.
final class SectionSpeculation: @unchecked Sendable {
    /// What the worker produced.
    struct Outcome {
        var decoder: DatasetDecoder
        var reader: JSONReader
        var offsets: [Int] = []
        var error: JSONSyntaxError?
    }

    /// The byte offset of the element the worker starts at.
    let offset: Int
    private let lock = NSLock()
    private var isCancelled = false
    private let done = DispatchSemaphore(value: 0)
    private var outcome: Outcome

    private init(offset: Int, outcome: Outcome) {
        self.offset = offset
        self.outcome = outcome
    }

    /// Starts a worker on the second half of the section whose first element is at `arrayStart`, if it is large.
    static func start(
        bytes: UnsafeBufferPointer<UInt8>, key: String, arrayStart: Int, end: Int, depth: Int, minimumBytes: Int,
        pages: MappedPages?
    ) -> SectionSpeculation? {
        guard end - arrayStart >= minimumBytes, let split = splitPoint(bytes: bytes, from: arrayStart + (end - arrayStart) / 2, before: end)
        else { return nil }
        var decoder = DatasetDecoder(bytes: bytes, parallelMinimumBytes: .max)
        decoder.pages = pages.map { MappedPages(base: $0.base, count: $0.count, releasedUpTo: split) }
        let speculation = SectionSpeculation(
            offset: split, outcome: Outcome(decoder: decoder, reader: JSONReader(bytes: bytes, offset: split, depth: depth)))
        let thread = Thread { speculation.run(key: key, end: end) }
        thread.stackSize = 8 << 20
        thread.start()
        return speculation
    }

    private func run(key: String, end: Int) {
        var outcome = self.outcome
        do {
            try outcome.decoder.elements(&outcome.reader, key: key, end: end, offsets: &outcome.offsets) { [self] in
                lock.lock()
                defer { lock.unlock() }
                return isCancelled
            }
        } catch {
            outcome.error = error
        }
        self.outcome = outcome
        done.signal()
    }

    /// Waits for the worker and returns what it decoded.
    func result() -> Outcome {
        done.wait()
        done.signal()
        return outcome
    }

    /// Stops the worker (if still running) and waits until it no longer reads the bytes.
    func cancel() {
        lock.lock()
        isCancelled = true
        lock.unlock()
        done.wait()
        done.signal()
    }

    /// Where the section probably ends: before the `"relations"` key that usually follows `"nodes"`, else the file end.
    ///
    /// The next `"nodes"` or `"relations"` token after `start` (inside a JSON string a quote is escaped, so such a
    /// token is a key or a whole string value); `"relations"`, conventionally last, runs to the end of the file.
    static func sectionEndGuess(bytes: UnsafeBufferPointer<UInt8>, key: String, from start: Int) -> Int {
        guard key != "relations", let base = bytes.baseAddress, start < bytes.count else { return bytes.count }
        var end = bytes.count
        for marker in ["\"nodes\"", "\"relations\""] where marker != "\"\(key)\"" {
            if let found = firstOccurrence(of: Array(marker.utf8), in: UnsafeRawPointer(base), from: start, to: end) {
                end = min(end, found)
            }
        }
        return end
    }

    /// The offset of the first occurrence of `needle` in `base[from..<to]` (Boyer–Moore–Horspool: on JSON text the
    /// search moves several bytes per step, instead of one).
    static func firstOccurrence(of needle: [UInt8], in base: UnsafeRawPointer, from: Int, to: Int) -> Int? {
        let length = needle.count
        guard length > 0, to - from >= length else { return nil }
        var shift = [Int](repeating: length, count: 256)
        for index in 0..<(length - 1) { shift[Int(needle[index])] = length - 1 - index }
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        let lastByte = needle[length - 1]
        var position = from
        while position <= to - length {
            let tail = bytes[position + length - 1]
            if tail == lastByte {
                var index = 0
                while index < length - 1, bytes[position + index] == needle[index] { index += 1 }
                if index == length - 1 { return position }
            }
            position += shift[Int(tail)]
        }
        return nil
    }

    /// The first `{` at or after `from` that follows `}` `,` (white space allowed between), within 1 MB.
    static func splitPoint(bytes: UnsafeBufferPointer<UInt8>, from: Int, before end: Int) -> Int? {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
        var position = from
        let limit = min(end, from + (1 << 20))
        while position < limit {
            if bytes[position] == UInt8(ascii: "}") {
                var next = position + 1
                while next < limit, isSpace(bytes[next]) { next += 1 }
                if next < limit, bytes[next] == UInt8(ascii: ",") {
                    next += 1
                    while next < limit, isSpace(bytes[next]) { next += 1 }
                    if next < limit, bytes[next] == UInt8(ascii: "{") { return next }
                }
            }
            position += 1
        }
        return nil
    }
}
