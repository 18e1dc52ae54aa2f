import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Work splitting for per-source algorithms.
///
/// Sources are cut into fixed blocks; worker `t` of `T` handles blocks `t, t + T, …`.
/// Reductions use ``FixedPointAccumulator``, whose integer addition is associative, so
/// results are bit-identical for every thread count and schedule.
enum Parallel {
    /// The default worker count: all active cores.
    /// (`sysconf` rather than Foundation's `ProcessInfo`, so that the module does not load
    /// Foundation: that alone adds megabytes to every process's resident set.)
    static var defaultThreadCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    static func resolve(threads: Int?) throws -> Int {
        guard let threads else { return defaultThreadCount }
        guard threads >= 1 else {
            throw GraphError.invalidParameter(name: "threads", value: "\(threads)", reason: "must be at least 1")
        }
        return threads
    }

    static let blockSize = 16

    /// The number of workers ``forEachBlock(count:threads:makeWorker:body:)`` will use.
    static func workerCount(count: Int, threads: Int, blockSize: Int = blockSize) -> Int {
        max(1, min(threads, (count + blockSize - 1) / blockSize))
    }

    /// Chooses `k` distinct sources from `0..<n` with a seeded SplitMix64 generator (partial
    /// Fisher–Yates), in sampling order.
    static func sample(_ k: Int, of n: Int, seed: UInt64) -> [Int32] {
        var pool = (0..<n).map { Int32($0) }
        var rng = SplitMix64(seed: seed)
        for i in 0..<k {
            let span = UInt64(n - i)
            let j = i + Int(rng.next().multipliedFullWidth(by: span).high)
            pool.swapAt(i, j)
        }
        return Array(pool[0..<k])
    }

    /// Calls `body(worker, items)` for consecutive blocks of `0..<count`, on up to `threads`
    /// workers. `makeWorker(t)` runs once per worker, on that worker, before its first block.
    static func forEachBlock<Worker>(
        count: Int, threads: Int, blockSize: Int = blockSize,
        makeWorker: (Int) -> Worker,
        body: (Worker, Range<Int>) -> Void
    ) {
        let blocks = (count + blockSize - 1) / blockSize
        let workers = workerCount(count: count, threads: threads, blockSize: blockSize)
        withoutActuallyEscaping(makeWorker) { makeWorker in
            withoutActuallyEscaping(body) { body in
                let run = { (t: Int) in
                    let worker = makeWorker(t)
                    var b = t
                    while b < blocks {
                        body(worker, (b * blockSize)..<min(count, (b + 1) * blockSize))
                        b += workers
                    }
                }
                if workers == 1 {
                    run(0)
                } else {
                    // Workers read shared immutable graph data and write only their own
                    // scratch and accumulators, which the closures hand them by index.
                    let shared = UncheckedSendable(run)
                    DispatchQueue.concurrentPerform(iterations: workers) { t in shared.value(t) }
                }
            }
        }
    }
}

/// Per-vertex (or per-edge) sums kept as 128-bit fixed-point numbers with 64 fraction bits.
///
/// Adding non-negative doubles below 2^63 is exact up to truncation at 2^-64, and integer
/// addition is associative: partial sums computed by any number of threads merge to the
/// same bits. The rounding error per addition is below 2^-64 (far below double precision).
final class FixedPointAccumulator {
    let count: Int
    /// Interleaved `(low, high)` words.
    let words: UnsafeMutablePointer<UInt64>

    init(count: Int) {
        self.count = count
        words = .allocate(capacity: 2 * max(count, 1))
        words.initialize(repeating: 0, count: 2 * max(count, 1))
    }

    deinit { words.deallocate() }

    /// Entries that received a value outside `[0, 2^63)` (NaN or infinite from path
    /// counts overflowing `Double`); they read as NaN.
    private(set) var invalid: Set<Int> = []

    /// Adds `x`; a value that is NaN, negative or not below 2^63 marks entry `i` invalid.
    @inline(__always)
    func add(_ i: Int, _ x: Double) {
        guard x >= 0 && x < 0x1p63 else { invalid.insert(i); return }
        let whole = x.rounded(.towardZero)
        let hi = UInt64(whole)
        let lo = UInt64((x - whole) * 0x1p64)
        let p = words + 2 * i
        let (sum, carry) = p[0].addingReportingOverflow(lo)
        p[0] = sum
        p[1] &+= hi &+ (carry ? 1 : 0)
    }

    func merge(_ other: FixedPointAccumulator) {
        invalid.formUnion(other.invalid)
        for i in 0..<count {
            let p = words + 2 * i, q = other.words + 2 * i
            let (sum, carry) = p[0].addingReportingOverflow(q[0])
            p[0] = sum
            p[1] &+= q[1] &+ (carry ? 1 : 0)
        }
    }

    func value(_ i: Int) -> Double {
        if !invalid.isEmpty && invalid.contains(i) { return .nan }
        return Double(words[2 * i + 1]) + Double(words[2 * i]) * 0x1p-64
    }

    func values() -> [Double] { (0..<count).map(value) }
}

/// A deterministic pseudo-random generator (SplitMix64, Steele–Lea–Flood 2014) for source
/// sampling. The same seed gives the same sample on every platform.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Wraps a value whose concurrent use has been checked by hand (see call sites).
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Vertices cut into fixed chunks that depend only on the vertex count, for iterative measures
/// (PageRank, eigenvector) that write one partial sum per chunk and add them in chunk order:
/// the result is bitwise the same for every thread count, and with one chunk the sums are those
/// of NetworkX's single loop. Chunks are large because on graphs of a few ten thousand vertices
/// a pass takes about 100 µs, less than waking a second thread costs.
struct VertexChunks {
    static let size = 1 << 15

    let vertexCount: Int
    /// How many chunks there are.
    let count: Int
    /// How many workers run them.
    let workers: Int

    init(vertexCount: Int, threads: Int) {
        self.vertexCount = vertexCount
        count = (vertexCount + VertexChunks.size - 1) / VertexChunks.size
        workers = max(1, min(threads, count))
    }

    /// The vertices of chunk `chunk`.
    @inline(__always)
    func vertices(_ chunk: Int) -> Range<Int> {
        (chunk * VertexChunks.size)..<min(vertexCount, (chunk + 1) * VertexChunks.size)
    }

    /// Runs `body(chunk)` for every chunk; worker `t` takes chunks `t, t + workers, …`.
    /// `body` must write only data owned by its chunk.
    func forEach(_ body: (Int) -> Void) {
        if workers == 1 {
            for chunk in 0..<count { body(chunk) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let shared = UncheckedSendable(body)
            let workers = self.workers, count = self.count
            DispatchQueue.concurrentPerform(iterations: workers) { t in
                var chunk = t
                while chunk < count { shared.value(chunk); chunk += workers }
            }
        }
    }
}
